// File: synthesize/story_builder.h
//
// Builds the briefing of one story from its analysed articles: sources,
// facts with every outlet that reports them, the cited summary, the headline,
// and what each outlet alone adds. Thread-safe (no shared state).
#ifndef NEWSFUSE_SYNTHESIZE_STORY_BUILDER_H_
#define NEWSFUSE_SYNTHESIZE_STORY_BUILDER_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/article_analysis.h"
#include "extract/place_gazetteer.h"
#include "newsfuse/brief.h"
#include "synthesize/clause_facts.h"
#include "synthesize/fact_aligner.h"
#include "synthesize/fact_support.h"
#include "synthesize/summarizer.h"

namespace newsfuse::synthesize {

struct StoryOptions {
  SummaryOptions summary;
  AlignOptions align;
  SupportOptions support;
  ClauseOptions clauses;
  // Types the story's places (extract/place_gazetteer.h); null: the tagger's
  // types alone. Not owned; outlives the call.
  const extract::PlaceGazetteer* places = nullptr;
};

// A sentence worth stating as a fact or a summary line: a whole clause, not a
// heading, a label, or a fragment left by the page ("Go deeper").
bool IsStatement(std::string_view sentence);

// A sentence a reader can take in without the one before it: it opens with
// neither a quotation (whose speaker comes after) nor a word that points
// back ("But", "It", "They", "This"). The summary prefers such sentences:
// its lines stand apart, in an order of their own.
bool StandsAlone(std::string_view sentence);

// A body sentence that states something: what facts and the summary are
// made of.
struct StatementSentence {
  uint32_t article = 0;
  uint32_t sentence = 0;  // index into the article's doc.sentences
  std::string_view text;
  // Bytes of `text` that an opening wire dateline takes (text/wire_dateline.h);
  // the summary quotes the rest. Only an article's first statement has one.
  size_t dateline = 0;
};

// Every statement sentence of the articles, article by article, in order:
// not a heading, and IsStatement.
std::vector<StatementSentence> StatementSentences(const std::vector<const extract::ArticleAnalysis*>& articles);

// The summary's units for those sentences (datelines left out), their stems
// interned in `stems`. A standfirst is evidence of what the story is about
// but not a summary line: present, not eligible.
std::vector<SummaryUnit> SummaryUnits(const std::vector<const extract::ArticleAnalysis*>& articles,
                                      const std::vector<StatementSentence>& sentences, StemIds& stems);

// The story told by `articles`. `copy_of` carries the near-copies decided
// where the story was grouped (cluster/near_copies.h): copy_of[i] is the
// index of the article that article i reprints, nullopt for an original
// (shorter than `articles`: the rest are originals). A reprint is marked on
// its source and counts once towards a fact's support.
// REQUIRES: every pointer is non-null and outlives the call; every
// copy_of[i] < articles.size().
Story BuildStory(const std::string& story_id,
                 const std::vector<const extract::ArticleAnalysis*>& articles,
                 const std::vector<std::optional<size_t>>& copy_of, const StoryOptions& options = {});

}  // namespace newsfuse::synthesize

#endif  // NEWSFUSE_SYNTHESIZE_STORY_BUILDER_H_
