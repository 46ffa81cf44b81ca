// File: synthesize/entity_merger.h
//
// Merges the per-article entities of a story into one entity per person,
// organisation or place: names are matched after folding case and dots
// ("U.N." = "UN"), a surname alone joins the full name it ends, and a
// spelling one or two letters off ("Jake Sulivan") joins the majority
// spelling, kept in `variants` and reported as a discrepancy. Titles seen in
// any source are kept.
#ifndef NEWSFUSE_SYNTHESIZE_ENTITY_MERGER_H_
#define NEWSFUSE_SYNTHESIZE_ENTITY_MERGER_H_

#include <string>
#include <vector>

#include "extract/article_analysis.h"
#include "newsfuse/brief.h"

namespace newsfuse::synthesize {

struct MergedEntities {
  std::vector<BriefEntity> entities;
  // Spelling discrepancies found while merging.
  std::vector<Discrepancy> spelling;
  // Per article, per linked entity: index into `entities` (or -1 when left out).
  std::vector<std::vector<int>> entity_index;
};

MergedEntities MergeEntities(const std::vector<const extract::ArticleAnalysis*>& articles);

// Levenshtein distance, capped: returns cap + 1 once the distance exceeds cap.
size_t EditDistance(std::string_view a, std::string_view b, size_t cap);

}  // namespace newsfuse::synthesize

#endif  // NEWSFUSE_SYNTHESIZE_ENTITY_MERGER_H_
