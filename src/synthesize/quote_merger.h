// File: synthesize/quote_merger.h
//
// The briefing's quotes section: one entry per statement, its wordings
// across outlets in `variants`. A quote's speaker is resolved to the story's
// entity ("Heller" -> "Mark Jay Heller"); two quotes are one statement when
// their content words match (allowing for translation and trimming), more
// closely when the outlets name different speakers. A quotation that no
// outlet attributes to anyone is left out.
#ifndef NEWSFUSE_SYNTHESIZE_QUOTE_MERGER_H_
#define NEWSFUSE_SYNTHESIZE_QUOTE_MERGER_H_

#include <string>
#include <vector>

#include "extract/article_analysis.h"
#include "newsfuse/brief.h"
#include "synthesize/entity_merger.h"
#include "synthesize/section_text.h"  // kMaxPairwiseCandidates

namespace newsfuse::synthesize {

std::vector<BriefQuote> MergeQuotes(const std::vector<const extract::ArticleAnalysis*>& articles,
                                    const MergedEntities& entities, std::vector<std::string>* notes = nullptr,
                                    size_t max_candidates = kMaxPairwiseCandidates);

}  // namespace newsfuse::synthesize

#endif  // NEWSFUSE_SYNTHESIZE_QUOTE_MERGER_H_
