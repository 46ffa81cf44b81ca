// Articles per second through the whole extract stage (sentences, tokens,
// entity tagging and linking, quotes, time expressions, quantities) on the
// example story, one core.
#include <benchmark/benchmark.h>

#include <thread>

#include "base/file_io.h"
#include "base/strings.h"
#include "extract/article_analysis.h"

namespace newsfuse::extract {
namespace {

std::vector<Article> ExampleArticles() {
  std::vector<Article> out;
  auto files = base::ListFiles(std::string(NEWSFUSE_SOURCE_DIR) + "/examples/harbor-bridge", {".txt"});
  if (!files.ok()) return out;
  for (const auto& f : *files) {
    auto bytes = base::ReadFile(f, 1 << 20);
    if (!bytes.ok()) continue;
    Article a;
    a.id = base::FileStem(f);
    a.published = ParseIsoDate("2025-03-11");
    for (auto line : base::SplitLines(*bytes)) {
      if (base::Trim(line).empty()) continue;
      Paragraph p;
      p.text = std::string(base::Trim(line));
      a.paragraphs.push_back(std::move(p));
    }
    out.push_back(std::move(a));
  }
  return out;
}

void BM_AnalyzeArticle(benchmark::State& state) {
  static const auto tagger = EntityTagger::Load(NEWSFUSE_SOURCE_DIR "/models/ner-conll2003.bin");
  if (!tagger.ok()) return state.SkipWithError(tagger.status().ToString().c_str());
  const std::vector<Article> articles = ExampleArticles();
  if (articles.empty()) return state.SkipWithError("examples/harbor-bridge not found");
  AnalysisOptions options;
  options.tagger = tagger->get();
  options.threads = 1;
  // Right, then fast: the analysis must find the people the example names.
  if (AnalyzeArticle(articles[0], options).entities.entities.empty()) {
    return state.SkipWithError("no entities found: the model or the pipeline is broken");
  }
  size_t bytes = 0;
  size_t done = 0;
  for (auto _ : state) {
    for (const auto& a : articles) {
      benchmark::DoNotOptimize(AnalyzeArticle(a, options));
      for (const auto& p : a.paragraphs) bytes += p.text.size();
      ++done;
    }
  }
  state.counters["articles/s"] = benchmark::Counter(static_cast<double>(done), benchmark::Counter::kIsRate);
  state.counters["nproc"] = std::thread::hardware_concurrency();
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_AnalyzeArticle)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace newsfuse::extract
