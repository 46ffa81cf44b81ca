// File: synthesize/story_sections.h
//
// The briefing sections built from per-article annotations:
//   quotes    one per statement, its wordings across outlets in `variants`
//             (two translations of one remark are one quote);
//   timeline  dated events, merged across outlets, planned vs happened;
//   numbers   discrepancies between figures about the same thing
//             ("more than one million" vs "about 1.4 million" people in Rafah).
#ifndef NEWSFUSE_SYNTHESIZE_STORY_SECTIONS_H_
#define NEWSFUSE_SYNTHESIZE_STORY_SECTIONS_H_

#include <vector>

#include "extract/article_analysis.h"
#include "newsfuse/brief.h"
#include "synthesize/entity_merger.h"

namespace newsfuse::synthesize {

std::vector<BriefQuote> MergeQuotes(const std::vector<const extract::ArticleAnalysis*>& articles,
                                    const MergedEntities& entities);

std::vector<TimelineEntry> BuildTimeline(const std::vector<const extract::ArticleAnalysis*>& articles);

std::vector<Discrepancy> FindNumberDiscrepancies(
    const std::vector<const extract::ArticleAnalysis*>& articles);

// Titles of one person that differ across outlets ("national security
// adviser" vs "National Security Council chief").
std::vector<Discrepancy> FindTitleDiscrepancies(
    const std::vector<const extract::ArticleAnalysis*>& articles, const MergedEntities& entities);

}  // namespace newsfuse::synthesize

#endif  // NEWSFUSE_SYNTHESIZE_STORY_SECTIONS_H_
