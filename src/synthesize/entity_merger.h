// File: synthesize/entity_merger.h
//
// The briefing's entities section from the story's resolved entities
// (synthesize/entity_resolution.h does the resolving): each entity's name is
// its fullest spelling, the other spellings are kept in `variants`, and a
// person's spelling one or two letters off ("Jake Sulivan") is reported as a
// discrepancy. Titles seen in any source are kept.
#ifndef NEWSFUSE_SYNTHESIZE_ENTITY_MERGER_H_
#define NEWSFUSE_SYNTHESIZE_ENTITY_MERGER_H_

#include <string>
#include <vector>

#include "extract/article_analysis.h"
#include "newsfuse/brief.h"
#include "synthesize/entity_resolution.h"

namespace newsfuse::synthesize {

struct MergedEntities {
  std::vector<BriefEntity> entities;
  // Spelling discrepancies found while merging.
  std::vector<Discrepancy> spelling;
  // Per article, per linked entity: index into `entities` (or -1 when left out).
  std::vector<std::vector<int>> entity_index;
};

MergedEntities MergeEntities(const std::vector<const extract::ArticleAnalysis*>& articles,
                             const extract::PlaceGazetteer& places);

}  // namespace newsfuse::synthesize

#endif  // NEWSFUSE_SYNTHESIZE_ENTITY_MERGER_H_
