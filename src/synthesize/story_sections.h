// File: synthesize/story_sections.h
//
// The quote section of a briefing: one quote per statement, its wordings
// across outlets in `variants` (two translations of one remark are one
// quote). The timeline (timeline.h) and the discrepancies
// (discrepancies.h, value_discrepancies.h) have files of their own; this
// header includes them for the callers that read every section.
#ifndef NEWSFUSE_SYNTHESIZE_STORY_SECTIONS_H_
#define NEWSFUSE_SYNTHESIZE_STORY_SECTIONS_H_

#include <string>
#include <vector>

#include "extract/article_analysis.h"
#include "newsfuse/brief.h"
#include "synthesize/discrepancies.h"
#include "synthesize/entity_merger.h"
#include "synthesize/section_text.h"
#include "synthesize/timeline.h"

namespace newsfuse::synthesize {


std::vector<BriefQuote> MergeQuotes(const std::vector<const extract::ArticleAnalysis*>& articles,
                                    const MergedEntities& entities, std::vector<std::string>* notes = nullptr,
                                    size_t max_candidates = kMaxPairwiseCandidates);

}  // namespace newsfuse::synthesize

#endif  // NEWSFUSE_SYNTHESIZE_STORY_SECTIONS_H_
