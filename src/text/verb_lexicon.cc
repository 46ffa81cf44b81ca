#include "text/verb_lexicon.h"

#include <algorithm>
#include <iterator>

namespace newsfuse::text {

namespace {

// Sorted (the trainer writes them so), for a binary search.
constexpr std::string_view kVerbForms[] = {
#include "text/verb_lexicon.inc"
};

}  // namespace

bool CanBeVerb(std::string_view lower_word) {
  return std::binary_search(std::begin(kVerbForms), std::end(kVerbForms), lower_word);
}

bool IsAuxiliary(std::string_view lower_word) {
  static constexpr std::string_view kAux[] = {"are",  "can",   "could", "did",    "do",   "does",
                                              "had",  "has",   "have",  "is",     "may",  "might",
                                              "must", "should", "was",  "were",   "will", "would"};
  return std::find(std::begin(kAux), std::end(kAux), lower_word) != std::end(kAux);
}

}  // namespace newsfuse::text
