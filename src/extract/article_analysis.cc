#include "extract/article_analysis.h"

#include <algorithm>

#include "base/parallel_for.h"
#include "text/tokenizer.h"

namespace newsfuse::extract {

size_t ArticleAnalysis::SentenceAt(uint32_t offset) const {
  const auto& s = doc.sentences;
  auto it = std::upper_bound(s.begin(), s.end(), offset,
                             [](uint32_t o, const text::DocSentence& d) { return o < d.span.begin; });
  return it == s.begin() ? 0 : static_cast<size_t>(it - s.begin()) - 1;
}

ArticleAnalysis AnalyzeArticle(const Article& article, const AnalysisOptions& options) {
  ArticleAnalysis a;
  a.article = &article;
  a.doc = text::BuildDocument(article);
  // Readers give only real days; a caller's invalid date is no date.
  if (article.published && article.published->valid()) a.published = article.published;
  a.anchor = a.published ? a.published : options.fallback_anchor;

  for (const auto& s : a.doc.sentences) {
    text::TokenizeRange(a.doc.text, s.span, &a.tokens);
    a.sentence_token_end.push_back(static_cast<uint32_t>(a.tokens.size()));
  }
  if (options.tagger) {
    options.tagger->TagDocument(a.doc.text, a.tokens, a.sentence_token_end, &a.mentions);
  }
  a.entities = LinkEntities(a.doc.text, a.tokens, a.mentions);

  std::vector<NamedSpan> names;
  for (const auto& m : a.mentions) {
    if (m.type == EntityType::kPerson) names.push_back(NamedSpan{m.span, 'P'});
    if (m.type == EntityType::kOrganization) names.push_back(NamedSpan{m.span, 'O'});
  }
  a.quotes = FindQuotes(a.doc.text, names);
  a.times = FindTimeExpressions(a.doc.text, a.anchor);
  a.quantities = FindQuantities(a.doc.text, a.tokens);
  return a;
}

std::vector<ArticleAnalysis> AnalyzeArticles(const std::vector<Article>& articles,
                                             const AnalysisOptions& options) {
  std::vector<ArticleAnalysis> out(articles.size());
  base::ParallelFor(articles.size(), options.threads, /*min_items_per_thread=*/1,
                    [&](size_t i) { out[i] = AnalyzeArticle(articles[i], options); });
  return out;
}

std::optional<base::CivilDate> MedianPublicationDate(const std::vector<Article>& articles) {
  std::vector<long> days;
  for (const auto& a : articles) {
    if (a.published && a.published->valid()) days.push_back(a.published->DaysSinceEpoch());
  }
  if (days.empty()) return std::nullopt;
  std::sort(days.begin(), days.end());
  return base::CivilDate::FromDaysSinceEpoch(days[(days.size() - 1) / 2]);
}

}  // namespace newsfuse::extract
