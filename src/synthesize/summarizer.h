// File: synthesize/summarizer.h
//
// Extractive multi-document summary: choose sentences by how many outlets
// carry what they say (the support of their fact group), how central they
// are to the story, and how early they stand in their article; skip what
// repeats a chosen sentence (maximal marginal relevance, Carbonell &
// Goldstein 1998); stop at a word budget; order by position in the articles.
#ifndef NEWSFUSE_SYNTHESIZE_SUMMARIZER_H_
#define NEWSFUSE_SYNTHESIZE_SUMMARIZER_H_

#include <cstdint>
#include <vector>

#include "synthesize/fact_aligner.h"
#include "synthesize/term_vectors.h"

namespace newsfuse::synthesize {

struct SummaryUnit {
  uint32_t article = 0;
  float position = 0;   // 0 = first sentence of its article, 1 = last
  uint32_t words = 0;
  bool eligible = true; // false for headings, fragments, bare quotes
};

struct SummaryOptions {
  int max_words = 100;
  int min_sentences = 3;
  float redundancy = 0.45f;  // a candidate this similar to a chosen one is skipped
};

// Returns the chosen unit indices in reading order.
std::vector<uint32_t> ChooseSummary(const std::vector<SummaryUnit>& units,
                                    const std::vector<SparseVector>& vectors,
                                    const std::vector<FactGroup>& groups, size_t article_count,
                                    const SummaryOptions& options);

}  // namespace newsfuse::synthesize

#endif  // NEWSFUSE_SYNTHESIZE_SUMMARIZER_H_
