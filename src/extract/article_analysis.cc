#include "extract/article_analysis.h"

#include <algorithm>
#include <atomic>
#include <thread>

namespace newsfuse::extract {

ArticleAnalysis AnalyzeArticle(const Article& article) {
  ArticleAnalysis a;
  a.article = &article;
  a.doc = text::BuildDocument(article);
  if (article.published) a.published = base::ParseIsoDate(*article.published);
  return a;
}

std::vector<ArticleAnalysis> AnalyzeArticles(const std::vector<Article>& articles, unsigned threads) {
  std::vector<ArticleAnalysis> out(articles.size());
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  threads = std::min<unsigned>(threads, static_cast<unsigned>(std::max<size_t>(1, articles.size())));
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i; (i = next.fetch_add(1)) < articles.size();) out[i] = AnalyzeArticle(articles[i]);
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  return out;
}

}  // namespace newsfuse::extract
