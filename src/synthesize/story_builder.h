// File: synthesize/story_builder.h
//
// Builds the briefing of one story from its analysed articles: sources,
// facts with every outlet that reports them, the cited summary, the headline,
// and what each outlet alone adds. Thread-safe (no shared state).
#ifndef NEWSFUSE_SYNTHESIZE_STORY_BUILDER_H_
#define NEWSFUSE_SYNTHESIZE_STORY_BUILDER_H_

#include <string>
#include <string_view>
#include <vector>

#include "extract/article_analysis.h"
#include "newsfuse/brief.h"
#include "synthesize/fact_aligner.h"
#include "synthesize/summarizer.h"

namespace newsfuse::synthesize {

struct StoryOptions {
  SummaryOptions summary;
  AlignOptions align;
};

// A sentence worth stating as a fact or a summary line: a whole clause, not a
// heading, a label, or a fragment left by the page ("Go deeper").
bool IsStatement(std::string_view sentence);

// REQUIRES: every pointer is non-null and outlives the call.
Story BuildStory(const std::string& story_id,
                 const std::vector<const extract::ArticleAnalysis*>& articles,
                 const StoryOptions& options = {});

}  // namespace newsfuse::synthesize

#endif  // NEWSFUSE_SYNTHESIZE_STORY_BUILDER_H_
