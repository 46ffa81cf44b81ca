// Throughput of FindTimeExpressions on an invented news article, in bytes and
// expressions per second. Run: build/src/extract/extract_benchmark
// --benchmark_filter=TimeExpressions (print `nproc` with the figures).
#include <benchmark/benchmark.h>

#include <string>

#include "extract/time_expressions.h"

namespace newsfuse::extract {
namespace {

// Invented paragraphs with a realistic mix of time expressions and plain text.
constexpr const char* kParagraphs[] = {
    "The finance ministers are expected to hold a virtual meeting on Monday, officials said "
    "Sunday night, after talks last week ended without a deal. ",
    "Shares rose 2.5 percent in the third quarter, compared with a year earlier, and the "
    "company said it would report full results on Oct. 7 at 4 p.m. ",
    "The agreement, signed on April 1, 2024, runs for three years and could be extended as "
    "early as next month, a spokesman told reporters yesterday. ",
    "Residents have waited for more than two decades; the bridge, built in the 1990s, closed "
    "in March and may reopen this summer, the mayor said in a statement. ",
    "Negotiators met for five hours on Tuesday and will resume tomorrow morning, according to "
    "a schedule released today by the ministry of foreign affairs. ",
};

std::string MakeArticle(size_t bytes) {
  std::string text;
  for (size_t i = 0; text.size() < bytes; ++i) {
    text += kParagraphs[i % (sizeof kParagraphs / sizeof kParagraphs[0])];
    if (i % 3 == 2) text += "\n\n";
  }
  return text;
}

void BM_FindTimeExpressions(benchmark::State& state) {
  const std::string text = MakeArticle(static_cast<size_t>(state.range(0)));
  const base::CivilDate anchor{2024, 3, 31};
  // Right, then fast: the first paragraph's Monday resolves forward.
  auto check = FindTimeExpressions(text, anchor);
  if (check.empty() || check[0].value != "2024-04-01") {
    state.SkipWithError("wrong result for the first expression");
    return;
  }
  size_t expressions = 0;
  for (auto _ : state) {
    auto found = FindTimeExpressions(text, anchor);
    expressions += found.size();
    benchmark::DoNotOptimize(found.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["expressions/s"] =
      benchmark::Counter(static_cast<double>(expressions), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_FindTimeExpressions)->Range(1 << 10, 1 << 20);

}  // namespace
}  // namespace newsfuse::extract
