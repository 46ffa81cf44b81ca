// Quote finding throughput in articles per second, on an invented article of
// about 4 KB (twelve paragraphs, nine quotes) and, when ../shared is present,
// on the PolNeAR dev texts.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "base/file_io.h"
#include "extract/quote_finder.h"

namespace newsfuse::extract {
namespace {

std::string InventedArticle() {
  std::string a;
  for (int i = 0; i < 3; ++i) {
    a += "Harbour Minister Elena Varga announced a new ferry timetable on Monday, after weeks of delays that "
         "left commuters stranded on both sides of the strait.\n\n";
    a += "\xE2\x80\x9CWe owe the islanders a service they can rely on,\xE2\x80\x9D Varga told reporters at the "
         "terminal. \xE2\x80\x9CThis timetable is the first step.\xE2\x80\x9D\n\n";
    a += "The opposition called the plan a \"cosmetic fix\" and said the fleet was too old to keep any "
         "schedule. \"Nothing changes until the boats change,\" said Peter Holm, the party's transport "
         "spokesman.\n\n";
    a += "A statement from the ferry operator said it was \"fully committed\" to the new times, according to "
         "a copy seen by reporters, and warned of further strikes.\n\n";
  }
  return a;
}

void BM_FindQuotesInvented(benchmark::State& state) {
  const std::string article = InventedArticle();
  for (auto _ : state) {
    std::vector<Quote> q = FindQuotes(article);
    benchmark::DoNotOptimize(q);
  }
  state.SetItemsProcessed(state.iterations());  // articles
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(article.size()));
}
BENCHMARK(BM_FindQuotesInvented);

void BM_FindQuotesPolnearDev(benchmark::State& state) {
  const std::string dir = NEWSFUSE_SHARED_DIR "/data/quotes/polnear/dev/text";
  Result<std::vector<std::string>> files = base::ListFiles(dir, {".txt"});
  std::vector<std::string> texts;
  if (files.ok()) {
    for (const std::string& f : *files) {
      Result<std::string> t = base::ReadFile(f, 1 << 24);
      if (t.ok()) texts.push_back(std::move(*t));
    }
  }
  if (texts.empty()) {
    state.SkipWithError("PolNeAR dev texts not found");
    return;
  }
  int64_t bytes = 0;
  for (const std::string& t : texts) bytes += static_cast<int64_t>(t.size());
  for (auto _ : state) {
    for (const std::string& t : texts) {
      std::vector<Quote> q = FindQuotes(t);
      benchmark::DoNotOptimize(q);
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(texts.size()));
  state.SetBytesProcessed(state.iterations() * bytes);
}
BENCHMARK(BM_FindQuotesPolnearDev)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace newsfuse::extract
