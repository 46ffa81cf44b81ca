// File: synthesize/section_text.h
//
// Word-level helpers the briefing sections share: content stems of a text,
// how much of one wording another holds, and a source list without repeats.
#ifndef NEWSFUSE_SYNTHESIZE_SECTION_TEXT_H_
#define NEWSFUSE_SYNTHESIZE_SECTION_TEXT_H_

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "synthesize/term_vectors.h"

namespace newsfuse::synthesize {

// The number, date and quote sections compare their candidates pair by
// pair; past this many candidates in a story (far above any real story's)
// the rest are left out, with a note in `notes` (when not null).
inline constexpr size_t kMaxPairwiseCandidates = 3000;

// The stems of the words of `text` that are not stop words.
std::set<std::string> ContentStems(std::string_view text, Stemmer& stemmer);

// Shared share of the smaller set: 1 when one wording contains the other.
double Containment(const std::set<std::string>& a, const std::set<std::string>& b);

// The same, for sorted ids (a merge rather than a lookup per stem).
double Containment(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b);

// How many ids two sorted, unique id lists share. Inline: the clause facts
// call it once per sentence they check.
inline size_t SharedCount(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
  size_t shared = 0;
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] == b[j]) {
      ++shared, ++i, ++j;
    } else if (a[i] < b[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  return shared;
}

// Groups of items joined pair by pair (union-find with path halving).
class DisjointSets {
 public:
  explicit DisjointSets(size_t n) : parent_(n) {
    for (size_t i = 0; i < n; ++i) parent_[i] = i;
  }
  size_t Find(size_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  void Join(size_t a, size_t b) { parent_[Find(a)] = Find(b); }

 private:
  std::vector<size_t> parent_;
};

// True when an outlet gives two versions of one thing (`versions_of_article`:
// per article (its index or id), the versions it gives): it tells of two
// things, or of a change it explains itself, not of outlets disagreeing.
template <typename Article, typename Version>
bool OneOutletGivesTwo(const std::map<Article, std::set<Version>>& versions_of_article) {
  return std::any_of(versions_of_article.begin(), versions_of_article.end(),
                     [](const auto& entry) { return entry.second.size() > 1; });
}

// Appends `id` unless `sources` holds it.
void AddSource(std::vector<std::string>* sources, const std::string& id);

// A word of a sentence as a reader of names sees it: the punctuation around
// it stripped and a possessive "'s" dropped ("Alabama's" -> "Alabama").
struct SentenceWord {
  std::string_view core;  // into the sentence
  std::string lower;
  bool capital = false;   // starts with a capital letter
  bool ends = false;      // punctuation or a possessive after it: a name ends here
};
std::vector<SentenceWord> SentenceWords(std::string_view sentence);

}  // namespace newsfuse::synthesize

#endif  // NEWSFUSE_SYNTHESIZE_SECTION_TEXT_H_
