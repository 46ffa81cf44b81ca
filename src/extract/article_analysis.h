// File: extract/article_analysis.h
//
// Everything the per-article stages learn about one article: its document
// layout (paragraphs, sentences) and the annotations the extractors add.
// Analysing one article is a pure function of that article, so a corpus is
// analysed in parallel, one article per task.
#ifndef NEWSFUSE_EXTRACT_ARTICLE_ANALYSIS_H_
#define NEWSFUSE_EXTRACT_ARTICLE_ANALYSIS_H_

#include <optional>
#include <vector>

#include "base/civil_date.h"
#include "newsfuse/article.h"
#include "text/document.h"

namespace newsfuse::extract {

struct ArticleAnalysis {
  const Article* article = nullptr;  // not owned; outlives the analysis
  text::Document doc;
  std::optional<base::CivilDate> published;  // parsed Article::published
};

// Analyses one article. Thread-safe.
ArticleAnalysis AnalyzeArticle(const Article& article);

// Analyses all articles on `threads` threads (0: hardware concurrency),
// keeping their order.
std::vector<ArticleAnalysis> AnalyzeArticles(const std::vector<Article>& articles, unsigned threads = 0);

}  // namespace newsfuse::extract

#endif  // NEWSFUSE_EXTRACT_ARTICLE_ANALYSIS_H_
