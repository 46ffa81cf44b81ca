// Speed of the store's two hot paths on synthetic news (bench/synthetic_corpus.h,
// ~3 KB bodies): Ingest of new articles in batches, and BriefingJson of a
// story whose briefing is current (the cached read the service serves).
// Figures: articles/s and reads/s over wall time; `--benchmark_counters_tabular`
// also shows CPU time. Print `nproc` with them.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <thread>
#include <string>
#include <vector>

#include "bench/synthetic_corpus.h"
#include "engine/engine_internal.h"
#include "store/article_codec.h"
#include "store/store.h"

namespace newsfuse::store {
namespace {

std::string TempDb(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / ("newsfuse_store_bench_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string path = (dir / name).string();
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  return path;
}

std::vector<Article> Corpus(size_t n, uint64_t seed) {
  bench::SyntheticOptions so;
  so.articles = n;
  so.seed = seed;
  bench::SyntheticCorpus corpus(so);
  std::vector<Article> out;
  Article a;
  std::string gold;
  while (corpus.Next(&a, &gold)) out.push_back(a);
  return out;
}

// The engine's pipeline behind each store (one per process: the benchmarks
// open one store at a time).
StoreOptions BenchOptions() {
  static engine::StorePipeline* pipeline = [] {
    EngineOptions engine;
    engine.ner_model = "/nonexistent/model.bin";  // ingest does not use it; briefings stay cheap
    cluster::ClusterOptions cluster;
    cluster.reference_minutes = INT64_MAX / 4;  // the synthetic day is never "in the future"
    return new engine::StorePipeline(engine, cluster);
  }();
  StoreOptions options;
  pipeline->Attach(&options);
  return options;
}

// Batches of articles never stored before, cycling through `articles`:
// later rounds get new ids and a changed first sentence, so that no
// article is a duplicate of an earlier round's. `bytes` counts body text.
class FreshBatches {
 public:
  explicit FreshBatches(const std::vector<Article>& articles) : articles_(articles) {}
  std::vector<Article> Take(size_t batch) {
    std::vector<Article> chunk;
    for (size_t i = 0; i < batch; ++i, ++next_) {
      if (next_ == articles_.size()) {
        next_ = 0;
        ++round_;
      }
      Article a = articles_[next_];
      if (round_ > 0) {
        a.id += "-r" + std::to_string(round_);
        a.paragraphs[0].text = "Round " + std::to_string(round_) + ". " + a.paragraphs[0].text;
      }
      for (const Paragraph& p : a.paragraphs) bytes += p.text.size();
      chunk.push_back(std::move(a));
    }
    return chunk;
  }
  size_t bytes = 0;

 private:
  const std::vector<Article>& articles_;
  size_t next_ = 0;
  int round_ = 0;
};

// state.range(0): batch size. Each iteration ingests one batch of new articles
// into a store that grows over the run (as a live store does).
void BM_IngestNewArticles(benchmark::State& state) {
  const size_t batch = static_cast<size_t>(state.range(0));
  static const std::vector<Article> articles = Corpus(10000, 7);
  const std::string path = TempDb("ingest.db");
  auto store = Store::Open(path, BenchOptions());
  if (!store.ok()) return state.SkipWithError(store.status().ToString().c_str());
  FreshBatches batches(articles);
  size_t done = 0;
  for (auto _ : state) {
    std::vector<Article> chunk = batches.Take(batch);
    auto r = (*store)->Ingest(std::move(chunk));
    if (!r.ok()) return state.SkipWithError(r.status().ToString().c_str());
    done += r->inserted + r->duplicates;
  }
  state.counters["articles/s"] = benchmark::Counter(static_cast<double>(done), benchmark::Counter::kIsRate);
  state.SetBytesProcessed(static_cast<int64_t>(batches.bytes));
  state.SetItemsProcessed(static_cast<int64_t>(done));
}
// CPU time is the whole process's: fingerprinting runs on worker threads.
BENCHMARK(BM_IngestNewArticles)
    ->Arg(100)
    ->Arg(250)
    ->Arg(500)
    ->Unit(benchmark::kMillisecond)
    ->MeasureProcessCPUTime()
    ->UseRealTime();

// Two callers at once, as the service's handler threads are: while one
// batch holds the write lock, the other is encoded and fingerprinted. Each
// iteration stores two batches of state.range(0).
void BM_IngestTwoCallers(benchmark::State& state) {
  const size_t batch = static_cast<size_t>(state.range(0));
  static const std::vector<Article> articles = Corpus(10000, 7);
  auto store = Store::Open(TempDb("two.db"), BenchOptions());
  if (!store.ok()) return state.SkipWithError(store.status().ToString().c_str());
  FreshBatches batches(articles);
  size_t done = 0;
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<Article> a = batches.Take(batch), b = batches.Take(batch);
    state.ResumeTiming();
    std::atomic<size_t> stored{0};
    std::thread other([&] {
      auto r = (*store)->Ingest(std::move(b));
      if (r.ok()) stored += r->inserted + r->duplicates;
    });
    auto r = (*store)->Ingest(std::move(a));
    other.join();
    if (!r.ok()) return state.SkipWithError(r.status().ToString().c_str());
    done += stored + r->inserted + r->duplicates;
  }
  state.counters["articles/s"] = benchmark::Counter(static_cast<double>(done), benchmark::Counter::kIsRate);
  state.SetItemsProcessed(static_cast<int64_t>(done));
}
BENCHMARK(BM_IngestTwoCallers)->Arg(250)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime()->UseRealTime();

// Re-ingesting what is stored: every article unchanged.
void BM_IngestUnchanged(benchmark::State& state) {
  const size_t batch = static_cast<size_t>(state.range(0));
  const std::vector<Article> articles = Corpus(5000, 9);
  const std::string path = TempDb("unchanged.db");
  auto store = Store::Open(path, BenchOptions());
  if (!store.ok()) return state.SkipWithError(store.status().ToString().c_str());
  if (!(*store)->Ingest(articles).ok()) return state.SkipWithError("first ingest failed");
  size_t next = 0, done = 0;
  for (auto _ : state) {
    std::vector<Article> chunk;
    for (size_t i = 0; i < batch; ++i, next = (next + 1) % articles.size()) chunk.push_back(articles[next]);
    auto r = (*store)->Ingest(std::move(chunk));
    if (!r.ok()) return state.SkipWithError(r.status().ToString().c_str());
    done += r->unchanged;
  }
  state.counters["articles/s"] = benchmark::Counter(static_cast<double>(done), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_IngestUnchanged)->Arg(250)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime()->UseRealTime();

// BriefingJson of stories whose briefing is built: the cached read.
void BM_BriefingJsonCached(benchmark::State& state) {
  static std::unique_ptr<Store> store;
  static std::vector<std::string> stories;
  if (state.thread_index() == 0 && !store) {
    auto opened = Store::Open(TempDb("briefing.db"), BenchOptions());
    if (!opened.ok()) return state.SkipWithError(opened.status().ToString().c_str());
    store = std::move(*opened);
    std::vector<Article> articles = Corpus(2000, 11);
    if (!store->Ingest(std::move(articles)).ok()) return state.SkipWithError("ingest failed");
    StoryQuery q;
    q.sort = StorySort::kLargest;
    q.limit = 20;
    auto rows = store->ListStories(q);
    if (!rows.ok()) return state.SkipWithError(rows.status().ToString().c_str());
    for (const StoryRow& row : *rows) {
      stories.push_back(row.id);
      if (!store->BriefingJson(row.id).ok()) return state.SkipWithError("briefing failed");
    }
  }
  size_t i = static_cast<size_t>(state.thread_index()), bytes = 0;
  for (auto _ : state) {
    auto json = store->BriefingJson(stories[i++ % stories.size()]);
    if (!json.ok() || !json->has_value()) return state.SkipWithError("no briefing");
    bytes += (*json)->size();
  }
  state.counters["reads/s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_BriefingJsonCached)->Threads(1)->Threads(2)->UseRealTime();

}  // namespace
}  // namespace newsfuse::store

namespace newsfuse::store {
namespace {
// The per-article encoding of Ingest (body, hashes, layout, names), alone.
void BM_EncodeArticle(benchmark::State& state) {
  static const std::vector<Article> articles = Corpus(500, 3);
  size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(EncodeArticle(articles[i++ % articles.size()], 1024));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_EncodeArticle);
}  // namespace
}  // namespace newsfuse::store
