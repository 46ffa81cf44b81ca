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

}  // namespace newsfuse::text
