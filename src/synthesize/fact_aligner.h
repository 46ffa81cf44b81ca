// File: synthesize/fact_aligner.h
//
// Aligns the sentences of a story's articles into facts: groups of sentences,
// from any outlets, that state the same thing in their own words.
//
// Method: TF-IDF cosine between sentences (stems, story-local IDF), then
// average-link agglomerative clustering over the candidate pairs, strongest
// first, stopping at `threshold`. Average link (rather than single link)
// keeps one shared phrase from chaining unrelated sentences into one fact.
// Two sentences of one article join only when nearly identical (a bulleted
// summary repeating the body), so a fact's support counts outlets, not lines.
#ifndef NEWSFUSE_SYNTHESIZE_FACT_ALIGNER_H_
#define NEWSFUSE_SYNTHESIZE_FACT_ALIGNER_H_

#include <cstdint>
#include <vector>

#include "synthesize/term_vectors.h"

namespace newsfuse::synthesize {

struct AlignOptions {
  float threshold = 0.22f;            // average cosine to merge two groups
  float same_article_threshold = 0.60f;
  float candidate_floor = 0.12f;      // pairs below this are never scored
  // Postings visited while scoring pairs (about the pairs that share a
  // term): bounds time. Real stories stay far below it (none of the seed,
  // development, ECB+ or HTML-benchmark stories meets it or the next bound).
  uint64_t max_pair_visits = 50'000'000;
  // Pairs at or above candidate_floor kept for clustering: bounds memory
  // when sentences repeat (every pair of 10,000 copies of one sentence).
  uint64_t max_kept_pairs = 2'000'000;
};

struct AlignStats {
  uint32_t units = 0;
  uint32_t compared_units = 0;  // the first ones, compared before the budget ran out
  uint64_t pair_visits = 0;
};

struct FactGroup {
  std::vector<uint32_t> members;   // unit indices
  uint32_t representative = 0;     // the member closest to the others
  std::vector<uint32_t> articles;  // distinct articles, sorted
};

// `article_of[i]` is the article of unit i; `vectors[i]` its term vector.
// Returns groups ordered by support (distinct articles), then by first unit.
std::vector<FactGroup> AlignFacts(const std::vector<uint32_t>& article_of,
                                  const std::vector<SparseVector>& vectors,
                                  const AlignOptions& options = {}, AlignStats* stats = nullptr);

}  // namespace newsfuse::synthesize

#endif  // NEWSFUSE_SYNTHESIZE_FACT_ALIGNER_H_
