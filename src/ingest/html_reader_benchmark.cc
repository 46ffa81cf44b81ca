// Throughput of ReadHtmlArticle on an invented news page padded with the
// kinds of markup real pages carry (scripts, navigation, data attributes).
// Real-page figures: scripts/bench_extract.
#include <benchmark/benchmark.h>

#include <string>

#include "base/file_io.h"
#include "ingest/html_reader.h"

namespace newsfuse::ingest {
namespace {

std::string MakePage(int filler_blocks) {
  Result<std::string> base = base::ReadFile(
      std::string(NEWSFUSE_SOURCE_DIR) + "/tests/data/html/harbor-ferry.html", 1 << 20);
  std::string page = base.ok() ? *base : std::string("<html><body></body></html>");
  std::string filler;
  for (int i = 0; i < filler_blocks; ++i) {
    filler += "<script>var cfg" + std::to_string(i) +
              " = {\"slot\": \"top\", \"sizes\": [[300, 250], [728, 90]]};</script>"
              "<nav class=\"menu\"><ul><li><a href=\"/a\" data-track=\"nav-1\">Section</a></li>"
              "<li><a href=\"/b\" data-track=\"nav-2\">Other section</a></li></ul></nav>"
              "<div class=\"promo\" data-id=\"123456789\" data-analytics='{\"x\":1}'>"
              "<a href=\"/c\">A story elsewhere on the site</a></div>";
  }
  const size_t body = page.find("<body>");
  if (body != std::string::npos) page.insert(body + 6, filler);
  return page;
}

void BM_ReadHtmlArticle(benchmark::State& state) {
  const std::string page = MakePage(static_cast<int>(state.range(0)));
  Result<Article> check = ReadHtmlArticle("p", "p.html", page);
  if (!check.ok() || check->paragraphs.size() != 5) {
    state.SkipWithError("wrong extraction");
    return;
  }
  for (auto _ : state) {
    Result<Article> a = ReadHtmlArticle("p", "p.html", page);
    benchmark::DoNotOptimize(a);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * page.size()));
  state.counters["pages_per_sec"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ReadHtmlArticle)->Arg(0)->Arg(100)->Arg(500);

}  // namespace
}  // namespace newsfuse::ingest
