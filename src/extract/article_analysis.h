// File: extract/article_analysis.h
//
// Everything the per-article stages learn about one article: its document
// layout (paragraphs, sentences, tokens) and the annotations the extractors
// add (entities with canonical names and titles, quotes with speakers, time
// expressions resolved against the publication date, quantities).
// Analysing one article is a pure function of that article (and the shared,
// read-only models), so a corpus is analysed in parallel, one article per task.
#ifndef NEWSFUSE_EXTRACT_ARTICLE_ANALYSIS_H_
#define NEWSFUSE_EXTRACT_ARTICLE_ANALYSIS_H_

#include <optional>
#include <string>
#include <vector>

#include "base/civil_date.h"
#include "extract/entity_linker.h"
#include "extract/entity_tagger.h"
#include "extract/quantity_finder.h"
#include "extract/quote_finder.h"
#include "extract/time_expressions.h"
#include "newsfuse/article.h"
#include "text/document.h"

namespace newsfuse::extract {

// Bounds on the work spent on one article, so that one hostile or broken
// input (megabytes of one word, one sentence repeated 100,000 times) costs a
// bounded time and memory. Far above any real article (the longest body of
// the 1,742 pages under ../shared/data/html is 25 KB, of the 772 ECB+
// articles 16 KB; none of them, nor the seed and development stories, meets
// a bound); a bound that cuts work leaves a note on the analysis, which the
// briefing shows.
struct AnalysisLimits {
  size_t max_text_bytes = size_t{1} << 20;  // of the joined paragraphs
  size_t max_sentences = 5000;
  // A longer "sentence" (no end punctuation in pages of text) is cut into
  // pieces at white space: the per-sentence work of the later stages is then
  // bounded however the text is punctuated.
  size_t max_sentence_bytes = 4096;
};

struct AnalysisOptions {
  // The entity tagger; null leaves entities (and named quote speakers) out.
  const EntityTagger* tagger = nullptr;
  // The date relative expressions resolve against when an article has no
  // publication date of its own (e.g. the story's median date). It is never
  // reported as the article's date.
  std::optional<base::CivilDate> fallback_anchor;
  unsigned threads = 0;  // 0: all cores
  AnalysisLimits limits;
};

struct ArticleAnalysis {
  const Article* article = nullptr;  // not owned; outlives the analysis
  text::Document doc;
  std::optional<base::CivilDate> published;  // Article::published
  std::optional<base::CivilDate> anchor;     // published, else the fallback
  std::vector<text::Span> tokens;            // all tokens of doc.text
  std::vector<uint32_t> sentence_token_end;  // per sentence: index past its last token
  std::vector<EntityMention> mentions;
  LinkResult entities;
  std::vector<Quote> quotes;
  std::vector<TimeExpression> times;
  std::vector<Quantity> quantities;
  // What a bound of AnalysisLimits cut ("article 17: 100,000 sentences,
  // analysed the first 5,000"); empty for any ordinary article.
  std::vector<std::string> notes;

  // The sentence holding byte `offset` of doc.text (the last one before it).
  size_t SentenceAt(uint32_t offset) const;
};

// 1234567 -> "1,234,567", for the notes.
std::string GroupThousands(size_t n);

// Analyses one article. Thread-safe.
ArticleAnalysis AnalyzeArticle(const Article& article, const AnalysisOptions& options);

// Analyses all articles on options.threads threads, keeping their order.
std::vector<ArticleAnalysis> AnalyzeArticles(const std::vector<Article>& articles,
                                             const AnalysisOptions& options);

// The median publication date of `articles`, if any has one.
std::optional<base::CivilDate> MedianPublicationDate(const std::vector<Article>& articles);

}  // namespace newsfuse::extract

#endif  // NEWSFUSE_EXTRACT_ARTICLE_ANALYSIS_H_
