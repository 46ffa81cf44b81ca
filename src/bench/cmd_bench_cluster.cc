// `newsfuse-bench cluster`: speed of fingerprint + streaming assignment on a
// synthetic news day, then a side-by-side run against scikit-learn
// (scripts/bench_cluster_sklearn.py) on one smaller corpus.
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "base/repo_path.h"
#include "base/cpu_time.h"
#include "bench/commands.h"
#include "bench/synthetic_corpus.h"
#include "cluster/cluster_articles.h"
#include "cluster/story_clusterer.h"
#include "eval/cluster_eval.h"

namespace newsfuse::cli {
namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

struct BenchFlags {
  size_t articles = 200000;
  size_t threads = 2;
  size_t chunk = 8192;
  size_t sklearn_articles = 5000;
  uint64_t seed = 1;
};

// One chunk of the synthetic stream and its fingerprints.
struct Chunk {
  std::vector<Article> articles;
  std::vector<std::string> gold;
  std::vector<fingerprint::RawFingerprint> raws;
  std::atomic<size_t> next{0};  // next article to fingerprint
  size_t bytes = 0;
};

bool FillChunk(bench::SyntheticCorpus& corpus, size_t size, Chunk* c) {
  c->articles.clear();
  c->gold.clear();
  c->bytes = 0;
  Article a;
  std::string g;
  while (c->articles.size() < size && corpus.Next(&a, &g)) {
    for (const Paragraph& p : a.paragraphs) c->bytes += p.text.size();
    c->articles.push_back(std::move(a));
    c->gold.push_back(std::move(g));
  }
  c->raws.assign(c->articles.size(), {});
  c->next = 0;
  return !c->articles.empty();
}

// Fingerprints articles of `c` until none is left; returns the CPU seconds.
double FingerprintShare(fingerprint::Fingerprinter& fp, Chunk* c) {
  const double c0 = base::ThreadCpuSeconds();
  for (size_t i = c->next++; i < c->articles.size(); i = c->next++) {
    c->raws[i] = fp.Extract(c->articles[i]);
  }
  return base::ThreadCpuSeconds() - c0;
}

// The stream as a pipeline on `threads` threads: while the main thread
// assigns chunk k (assignment is sequential), threads - 1 others
// fingerprint chunk k + 1, and the main thread joins them when it is done.
// So the cores never wait while work is left, and the wall time is that of
// the whole pipeline. Generating the synthetic text is not timed (it runs
// between the timed steps, with nothing else running).
int RunStreamSpeed(const BenchFlags& flags) {
  bench::SyntheticOptions so;
  so.articles = flags.articles;
  so.seed = flags.seed;
  bench::SyntheticCorpus corpus(so);
  cluster::ClusterOptions options;
  options.window_hours = 72;  // one day: every article stays in the window
  options.reference_minutes = INT64_MAX / 4;
  cluster::StoryClusterer clusterer(options);
  const size_t threads = std::max<size_t>(flags.threads, 1);
  std::vector<fingerprint::Fingerprinter> fps;
  for (size_t t = 0; t < threads; ++t) fps.emplace_back(options.fingerprint);

  std::vector<double> latency_us;
  std::vector<double> cpu_latency_us;
  latency_us.reserve(flags.articles);
  cpu_latency_us.reserve(flags.articles);
  std::vector<double> fingerprint_cpu(threads, 0.0);
  double assign_cpu = 0;
  std::vector<std::string> gold;
  std::vector<std::string> predicted;
  double wall_s = 0;
  size_t bytes = 0;
  size_t done = 0;

  auto current = std::make_unique<Chunk>();
  auto next = std::make_unique<Chunk>();
  bool have = FillChunk(corpus, flags.chunk, current.get());
  if (have) {
    // Prime the pipeline: the first chunk is fingerprinted by all threads.
    auto t0 = Clock::now();
    std::vector<std::thread> pool;
    for (size_t t = 1; t < threads; ++t) {
      pool.emplace_back([&, t] { fingerprint_cpu[t] += FingerprintShare(fps[t], current.get()); });
    }
    fingerprint_cpu[0] += FingerprintShare(fps[0], current.get());
    for (std::thread& th : pool) th.join();
    wall_s += Seconds(t0, Clock::now());
  }
  while (have) {
    const bool more = FillChunk(corpus, flags.chunk, next.get());
    auto t0 = Clock::now();
    std::vector<std::thread> pool;
    if (more) {
      for (size_t t = 1; t < threads; ++t) {
        pool.emplace_back([&, t] { fingerprint_cpu[t] += FingerprintShare(fps[t], next.get()); });
      }
    }
    Chunk& c = *current;
    for (size_t i = 0; i < c.articles.size(); ++i) {
      auto s = Clock::now();
      double c0 = base::ThreadCpuSeconds();
      cluster::Assignment x = clusterer.AssignFingerprint(c.articles[i], std::move(c.raws[i]));
      double c1 = base::ThreadCpuSeconds();
      latency_us.push_back(std::chrono::duration<double, std::micro>(Clock::now() - s).count());
      cpu_latency_us.push_back((c1 - c0) * 1e6);
      assign_cpu += c1 - c0;
      predicted.push_back(std::to_string(x.story_id));
    }
    if (more) fingerprint_cpu[0] += FingerprintShare(fps[0], next.get());
    for (std::thread& th : pool) th.join();
    wall_s += Seconds(t0, Clock::now());
    gold.insert(gold.end(), c.gold.begin(), c.gold.end());
    bytes += c.bytes;
    done += c.articles.size();
    std::swap(current, next);
    have = more;
  }
  const size_t window = clusterer.articles_in_window();
  const size_t memory = clusterer.MemoryBytes();
  std::sort(latency_us.begin(), latency_us.end());
  std::sort(cpu_latency_us.begin(), cpu_latency_us.end());
  auto pct_of = [](const std::vector<double>& v, double q) {
    return v.empty() ? 0.0 : v[std::min(v.size() - 1, static_cast<size_t>(q * v.size()))];
  };
  auto pct = [&](double q) { return pct_of(latency_us, q); };
  double fp_cpu = 0;
  for (double c : fingerprint_cpu) fp_cpu += c;
  double load[3] = {0, 0, 0};
  if (getloadavg(load, 3) < 0) load[0] = -1;
  cluster::ClusteringScores s = cluster::ScoreClustering(gold, predicted);
  std::printf("stream: %zu synthetic articles (%zu stories, mean body %.0f bytes), pipeline on %zu "
              "threads (assignment on one, fingerprinting on the others and on it when it is "
              "idle)\n",
              done, corpus.stories(), done ? static_cast<double>(bytes) / done : 0.0, threads);
  const bool busy = load[0] > static_cast<double>(sysconf(_SC_NPROCESSORS_ONLN));
  std::printf("  fingerprint + assign: %.2f s wall, %.0f articles/s (%.1f MB/s of body text); "
              "load average %.2f%s\n",
              wall_s, done / wall_s, bytes / 1e6 / wall_s, load[0],
              busy ? " (above nproc: the wall time includes waiting for a core)" : "");
  std::printf("  assignment latency: p50 %.1f us, p99 %.1f us, p99.9 %.1f us, max %.1f us, with "
              "up to %zu articles in the window\n",
              pct(0.5), pct(0.99), pct(0.999), latency_us.empty() ? 0.0 : latency_us.back(), window);
  std::printf("  CPU time (excludes waiting for a core on a shared machine): fingerprint %.2f s "
              "(%.1f us/article, %.0f articles/s per core), assign %.2f s (%.1f us/article, %.0f "
              "articles/s); assignment CPU p50 %.1f us, p99 %.1f us, p99.9 %.1f us, max %.1f us\n",
              fp_cpu, fp_cpu / done * 1e6, done / fp_cpu, assign_cpu, assign_cpu / done * 1e6,
              done / assign_cpu, pct_of(cpu_latency_us, 0.5), pct_of(cpu_latency_us, 0.99),
              pct_of(cpu_latency_us, 0.999), cpu_latency_us.empty() ? 0.0 : cpu_latency_us.back());
  // Work-sharing pipeline on dedicated cores: all cores share the total
  // work, and the sequential assignment caps it.
  const double per_article = (fp_cpu + assign_cpu) / done;
  const double cpu_bound = std::min(static_cast<double>(threads) / per_article, done / assign_cpu);
  std::printf("  on %zu dedicated cores, from the CPU times: about %.0f articles/s (min of "
              "cores / (fingerprint + assign) and 1 / assign)\n",
              threads, cpu_bound);
  std::printf("  memory in the window: %.1f MB, %.0f bytes per article (beyond its text)\n",
              memory / 1e6, window ? static_cast<double>(memory) / window : 0.0);
  std::printf("  stream quality vs gold: B-cubed P %.3f R %.3f F1 %.3f, pairwise F1 %.3f, %zu "
              "stories predicted\n",
              s.bcubed_precision, s.bcubed_recall, s.bcubed_f1, s.pairwise_f1,
              s.predicted_clusters);
  return 0;
}

int RunSideBySide(const BenchFlags& flags, const std::string& script) {
  if (flags.sklearn_articles == 0) return 0;
  bench::SyntheticOptions so;
  so.articles = flags.sklearn_articles;
  so.seed = flags.seed + 1;
  char tmpl[] = "/tmp/newsfuse-bench-XXXXXX";
  int fd = mkstemp(tmpl);
  if (fd < 0) {
    PrintError(Status::Unavailable("/tmp", "cannot create a temporary file"));
    return 1;
  }
  close(fd);
  const std::string path = std::string(tmpl);
  Status st = bench::WriteSyntheticCorpus(so, path);
  if (!st.ok()) {
    PrintError(st);
    return 1;
  }
  // Ours, from the same file's articles (reading is not timed on either side).
  std::vector<Article> articles;
  std::vector<std::string> gold;
  {
    bench::SyntheticCorpus corpus(so);
    Article a;
    std::string g;
    while (corpus.Next(&a, &g)) {
      articles.push_back(std::move(a));
      gold.push_back(std::move(g));
    }
  }
  cluster::ClusterOptions options;
  options.reference_minutes = INT64_MAX / 4;
  options.threads = flags.threads;
  auto t0 = Clock::now();
  std::vector<cluster::StoryGroup> groups = cluster::ClusterArticles(articles, options);
  auto t1 = Clock::now();
  std::vector<std::string> predicted(articles.size());
  for (const auto& g : groups) {
    for (size_t i : g.members) predicted[i] = g.id;
  }
  cluster::ClusteringScores s = cluster::ScoreClustering(gold, predicted);
  std::printf("side by side on %zu synthetic articles (%s):\n", articles.size(), path.c_str());
  std::printf("newsfuse ClusterArticles (batch, average link, %zu threads): %zu clusters, %.2f s, "
              "%.0f articles/s\n",
              flags.threads, s.predicted_clusters, Seconds(t0, t1),
              articles.size() / Seconds(t0, t1));
  std::printf("  B-cubed   P %.3f  R %.3f  F1 %.3f\n", s.bcubed_precision, s.bcubed_recall,
              s.bcubed_f1);
  std::printf("  pairwise  P %.3f  R %.3f  F1 %.3f\n", s.pairwise_precision, s.pairwise_recall,
              s.pairwise_f1);
  auto t2 = Clock::now();
  cluster::StoryClusterer stream(options);
  std::vector<std::string> streamed;
  for (const Article& a : articles) streamed.push_back(std::to_string(stream.Assign(a).story_id));
  auto t3 = Clock::now();
  cluster::ClusteringScores ss = cluster::ScoreClustering(gold, streamed);
  std::printf("newsfuse StoryClusterer (stream, 1 thread): %zu clusters, %.2f s, %.0f articles/s\n",
              ss.predicted_clusters, Seconds(t2, t3), articles.size() / Seconds(t2, t3));
  std::printf("  B-cubed   P %.3f  R %.3f  F1 %.3f\n", ss.bcubed_precision, ss.bcubed_recall,
              ss.bcubed_f1);
  std::printf("  pairwise  P %.3f  R %.3f  F1 %.3f\n", ss.pairwise_precision, ss.pairwise_recall,
              ss.pairwise_f1);
  std::fflush(stdout);
  const std::string command = "/usr/bin/python3 '" + script + "' '" + path + "'";
  int rc = std::system(command.c_str());
  std::remove(path.c_str());
  if (rc != 0) {
    PrintError(Status::Unavailable(script, "the scikit-learn reference did not run (exit " +
                                               std::to_string(rc) + ")"));
    return 1;
  }
  return 0;
}

}  // namespace

void RegisterBenchCluster(CLI::App& app) {
  auto flags = std::make_shared<BenchFlags>();
  auto script = std::make_shared<std::string>("scripts/bench_cluster_sklearn.py");
  CLI::App* cmd = app.add_subcommand(
      "cluster", "fingerprint + streaming assignment speed, and a side-by-side run vs scikit-learn");
  cmd->add_option("--articles", flags->articles, "synthetic articles for the speed run")
      ->capture_default_str();
  cmd->add_option("--threads", flags->threads, "fingerprinting threads")->capture_default_str();
  cmd->add_option("--sklearn-articles", flags->sklearn_articles,
                  "articles for the side-by-side run (0: skip it)")
      ->capture_default_str();
  cmd->add_option("--seed", flags->seed, "corpus seed")->capture_default_str();
  cmd->add_option("--sklearn-script", *script, "the reference script")->capture_default_str();
  cmd->callback([flags, script] {
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    std::printf("nproc: %ld\n", cores);
    int rc = flags->articles > 0 ? RunStreamSpeed(*flags) : 0;
    if (rc == 0) rc = RunSideBySide(*flags, base::FindRepoPath(*script));
    ExitWith(rc);
  });
}

}  // namespace newsfuse::cli
