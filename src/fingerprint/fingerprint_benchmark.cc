#include <benchmark/benchmark.h>

#include <string>

#include "fingerprint/fingerprinter.h"

namespace newsfuse::fingerprint {
namespace {

Article MakeArticle(size_t bytes) {
  Article a;
  a.id = "bench";
  a.title = "Harbour authority closes northern bridge after cable cracks";
  std::string text;
  const char* sentence =
      "The Harbour Authority closed the northern bridge on Tuesday after inspectors found "
      "cracks in two of its steel cables, officials said. ";
  while (text.size() < bytes) text += sentence;
  Paragraph p;
  p.text = text;
  a.paragraphs.push_back(p);
  return a;
}

void BM_FingerprintArticle(benchmark::State& state) {
  const Article article = MakeArticle(static_cast<size_t>(state.range(0)));
  Fingerprinter fp;
  if (fp.Extract(article).terms.empty()) return state.SkipWithError("no terms");
  for (auto _ : state) benchmark::DoNotOptimize(fp.Extract(article));
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(state.range(0)));
  state.counters["docs_per_sec"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_FingerprintArticle)->Arg(3000)->Arg(30000);

}  // namespace
}  // namespace newsfuse::fingerprint
