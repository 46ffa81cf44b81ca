// Time to brief a story from analysed articles (synthesis only, and the whole
// per-article analysis plus synthesis), for stories of 10 and 200 articles
// drawn from the DUC 2003 newswire clusters in ../shared (skipped when
// absent). Issue targets: 10 articles < 50 ms, 200 articles < 2 s, one core.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <thread>

#include "base/file_io.h"
#include "cluster/near_copies.h"
#include "extract/article_analysis.h"
#include "ingest/article_parser.h"
#include "synthesize/story_builder.h"

namespace newsfuse::synthesize {
namespace {

std::vector<Article> DucArticles(size_t n) {
  std::vector<Article> out;
  const std::string root = std::string(NEWSFUSE_SHARED_DIR) + "/data/mds/duc2003";
  std::error_code ec;
  std::vector<std::string> clusters;
  for (const auto& e : std::filesystem::directory_iterator(root, ec)) {
    if (e.is_directory()) clusters.push_back(e.path().string());
  }
  std::sort(clusters.begin(), clusters.end());
  for (const auto& c : clusters) {
    auto files = base::ListFiles(c, {".txt"});
    if (!files.ok()) continue;
    for (const auto& f : *files) {
      if (f.find("/doc_") == std::string::npos) continue;
      auto bytes = base::ReadFile(f, 1 << 22);
      if (!bytes.ok()) continue;
      ingest::MetadataFields meta;
      meta.id = base::FileStem(f);
      meta.title = "";
      auto a = ingest::ParseArticleText(meta, f, *bytes);
      if (a.ok()) out.push_back(std::move(*a));
      if (out.size() == n) return out;
    }
  }
  return out;
}

void BM_BuildStory(benchmark::State& state) {
  const size_t n = static_cast<size_t>(state.range(0));
  const std::vector<Article> articles = DucArticles(n);
  if (articles.size() < n) return state.SkipWithError("DUC 2003 data in ../shared is absent");
  extract::AnalysisOptions options;
  options.threads = 1;
  const auto analyses = extract::AnalyzeArticles(articles, options);
  std::vector<const extract::ArticleAnalysis*> members;
  for (const auto& a : analyses) members.push_back(&a);
  const auto copies = cluster::FindNearCopies(articles);
  if (BuildStory("s", members, copies).summary.empty()) return state.SkipWithError("empty summary");
  for (auto _ : state) benchmark::DoNotOptimize(BuildStory("s", members, copies));
  state.counters["articles"] = static_cast<double>(n);
  state.counters["nproc"] = std::thread::hardware_concurrency();
}
BENCHMARK(BM_BuildStory)->Arg(10)->Arg(200)->Unit(benchmark::kMillisecond);

void BM_AnalyzeAndBuildStory(benchmark::State& state) {
  const size_t n = static_cast<size_t>(state.range(0));
  const std::vector<Article> articles = DucArticles(n);
  if (articles.size() < n) return state.SkipWithError("DUC 2003 data in ../shared is absent");
  static const auto tagger = extract::EntityTagger::Load(NEWSFUSE_SOURCE_DIR "/models/ner-conll2003.bin");
  extract::AnalysisOptions options;
  options.threads = 1;
  options.tagger = tagger.ok() ? tagger->get() : nullptr;
  for (auto _ : state) {
    const auto analyses = extract::AnalyzeArticles(articles, options);
    std::vector<const extract::ArticleAnalysis*> members;
    for (const auto& a : analyses) members.push_back(&a);
    benchmark::DoNotOptimize(BuildStory("s", members, cluster::FindNearCopies(articles)));
  }
  state.counters["articles"] = static_cast<double>(n);
}
BENCHMARK(BM_AnalyzeAndBuildStory)->Arg(10)->Arg(200)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace newsfuse::synthesize
