// File: synthesize/section_ranks.h
//
// The importance rank of every fact, entity, quote, timeline entry and
// discrepancy of a story (1 = most important), for readers and renderers
// that show only the first few: the JSON keeps every item, in the order the
// builder gives it, with its rank.
//
// Within a section, items with more supporting outlets come first; ties go
// to centrality (consensus facts, entities mentioned more), then recency for
// the timeline (the latest day first), then the builder's order, which is
// already by importance.
#ifndef NEWSFUSE_SYNTHESIZE_SECTION_RANKS_H_
#define NEWSFUSE_SYNTHESIZE_SECTION_RANKS_H_

#include "newsfuse/brief.h"

namespace newsfuse::synthesize {

void AssignRanks(Story* story);

}  // namespace newsfuse::synthesize

#endif  // NEWSFUSE_SYNTHESIZE_SECTION_RANKS_H_
