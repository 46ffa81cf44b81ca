// File: synthesize/article_testutil.h
//
// Articles of one paragraph, for the synthesize tests that analyse short
// invented texts. Test-only: no library code includes it.
#ifndef NEWSFUSE_SYNTHESIZE_ARTICLE_TESTUTIL_H_
#define NEWSFUSE_SYNTHESIZE_ARTICLE_TESTUTIL_H_

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "extract/article_analysis.h"
#include "newsfuse/article.h"

namespace newsfuse::synthesize {

inline Article OneParagraph(const std::string& id, const std::string& text) {
  Article a;
  a.id = id;
  Paragraph p;
  p.text = text;
  a.paragraphs.push_back(std::move(p));
  return a;
}

// One-paragraph articles "a0", "a1", ... analysed on one thread (people
// named when `tagger` is given); `pointers` is what the sections take.
struct AnalysedTexts {
  std::vector<Article> articles;
  std::vector<extract::ArticleAnalysis> analyses;
  std::vector<const extract::ArticleAnalysis*> pointers;
};

inline std::unique_ptr<AnalysedTexts> AnalyseTexts(const std::vector<std::string>& texts,
                                                   const extract::EntityTagger* tagger = nullptr) {
  auto out = std::make_unique<AnalysedTexts>();
  for (size_t i = 0; i < texts.size(); ++i) out->articles.push_back(OneParagraph("a" + std::to_string(i), texts[i]));
  extract::AnalysisOptions options;
  options.threads = 1;
  options.tagger = tagger;
  out->analyses = extract::AnalyzeArticles(out->articles, options);
  for (const auto& a : out->analyses) out->pointers.push_back(&a);
  return out;
}

}  // namespace newsfuse::synthesize

#endif  // NEWSFUSE_SYNTHESIZE_ARTICLE_TESTUTIL_H_
