// `newsfuse-bench serve [--articles N] [--seconds S] [--clients C]`: a load
// test of the service on loopback. Starts the server in this process on a
// free 127.0.0.1 port over a fresh store in a temporary folder, posts N
// synthetic articles (bench/synthetic_corpus.h, ~3 KB each) as JSON Lines
// batches from C keep-alive clients, builds each story's briefing once, then
// has C keep-alive clients GET briefings for S seconds. Bounded in count and
// time; nothing leaves the machine. The clients share the cores with the
// server, so they are kept cheap: bodies are prepared before the clock
// starts, and a GET's body is only checked for size and status.
#include <simdjson.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <httplib.h>
#include <memory>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "base/cpu_time.h"
#include "bench/commands.h"
#include "bench/synthetic_corpus.h"
#include "serve/article_batch.h"
#include "serve/server.h"
#include "newsfuse/engine.h"

namespace newsfuse::cli {
namespace {

Result<std::unique_ptr<Engine>> OpenEngineAt(const std::string& db) {
  EngineOptions options;
  options.db = db;
  return Engine::Open(options);
}

using Clock = std::chrono::steady_clock;

struct BenchServeFlags {
  size_t articles = 20000;
  double seconds = 10;
  size_t clients = 4;
  size_t batch = 250;
  size_t max_gets = 2000000;
  size_t stories = 500;
  double max_ingest_seconds = 600;
  uint64_t seed = 1;
  std::string db;  // empty: a temporary folder, removed at the end
  bool ingest_only = false;
  bool direct = false;
};

double Seconds(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

// User + system CPU of the whole process (server and clients together).
double ProcessCpuSeconds() {
  rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_utime.tv_sec + ru.ru_utime.tv_usec * 1e-6 + ru.ru_stime.tv_sec + ru.ru_stime.tv_usec * 1e-6;
}

std::string LoadAverage() {
  double l[3] = {0, 0, 0};
  if (getloadavg(l, 3) != 3) return "unknown";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.2f %.2f %.2f", l[0], l[1], l[2]);
  return buf;
}

double Percentile(std::vector<double>& v, double q) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<size_t>(q * static_cast<double>(v.size())))];
}

// The corpus as JSON Lines request bodies of `batch` articles each.
std::vector<std::string> MakeBodies(const BenchServeFlags& flags, size_t* bytes) {
  bench::SyntheticOptions so;
  so.articles = flags.articles;
  so.seed = flags.seed;
  bench::SyntheticCorpus corpus(so);
  std::vector<std::string> bodies;
  Article a;
  std::string gold;
  size_t in_batch = 0;
  *bytes = 0;
  while (corpus.Next(&a, &gold)) {
    if (in_batch == 0) bodies.emplace_back();
    // No gold story in the body: the server is not told the answer.
    *bytes += bench::AppendJsonLine(a, "", &bodies.back());
    if (++in_batch == flags.batch) in_batch = 0;
  }
  return bodies;
}

std::unique_ptr<httplib::Client> NewClient(int port) {
  auto c = std::make_unique<httplib::Client>("127.0.0.1", port);
  c->set_keep_alive(true);
  c->set_tcp_nodelay(true);
  c->set_connection_timeout(5);
  c->set_read_timeout(60);
  c->set_write_timeout(60);
  return c;
}

struct Errors {
  std::atomic<size_t> count{0};
  std::mutex mu;
  std::string first;
  void Add(const std::string& what) {
    if (count++ == 0) {
      std::lock_guard<std::mutex> lock(mu);
      first = what;
    }
  }
};

int RunBenchServe(const BenchServeFlags& flags) {
  std::printf("nproc: %ld\n", sysconf(_SC_NPROCESSORS_ONLN));
  std::printf("load average before: %s\n", LoadAverage().c_str());
  std::string dir;
  std::string db = flags.db;
  if (db.empty()) {
    char tmpl[] = "/tmp/newsfuse-bench-serve-XXXXXX";
    if (mkdtemp(tmpl) == nullptr) {
      PrintError(Status::Unavailable("/tmp", "cannot create a temporary folder"));
      return 1;
    }
    dir = tmpl;
    db = dir + "/bench.db";
  }
  struct Cleanup {
    std::string dir;
    ~Cleanup() {
      std::error_code ec;
      if (!dir.empty()) std::filesystem::remove_all(dir, ec);
    }
  } cleanup{dir};

  size_t text_bytes = 0;
  auto g0 = Clock::now();
  std::vector<std::string> bodies = MakeBodies(flags, &text_bytes);
  std::printf("corpus: %zu synthetic articles in %zu batches of up to %zu (mean body %.0f bytes), made in %.2f s "
              "(not timed below)\n",
              flags.articles, bodies.size(), flags.batch,
              flags.articles ? static_cast<double>(text_bytes) / flags.articles : 0.0, Seconds(g0, Clock::now()));

  {
    // What the POST handler spends reading the bodies (the project's JSONL
    // reader: JSON, then the plain-text article parser), on one thread.
    const double c0 = base::ThreadCpuSeconds();
    size_t parsed = 0;
    for (const std::string& body : bodies) {
      parsed += serve::ParseArticleBatch(body, serve::BodyFormat::kJsonLines).articles.size();
    }
    const double c = base::ThreadCpuSeconds() - c0;
    std::printf("reading the bodies (JSONL reader, as in the POST handler, 1 thread): %zu articles, %.0f us CPU "
                "per article\n",
                parsed, parsed ? 1e6 * c / parsed : 0.0);
  }

  if (flags.direct) {
    // The same batches straight into a second store, no HTTP: what the
    // store costs alone, to set beside the reader's cost and the HTTP run.
    std::vector<std::vector<Article>> batches;
    for (const std::string& body : bodies) {
      batches.push_back(serve::ParseArticleBatch(body, serve::BodyFormat::kJsonLines).articles);
    }
    const std::string direct_db = (dir.empty() ? db : dir + "/direct") + ".direct.db";
    Result<std::unique_ptr<Engine>> direct = OpenEngineAt(direct_db);
    if (!direct.ok()) {
      PrintError(direct.status());
      return 1;
    }
    const double c0 = ProcessCpuSeconds();
    const auto w0 = Clock::now();
    size_t n = 0;
    for (auto& b : batches) {
      n += b.size();
      Result<IngestResult> r = (*direct)->AddArticles(std::move(b));
      if (!r.ok()) {
        PrintError(r.status());
        return 1;
      }
    }
    const double c = ProcessCpuSeconds() - c0;
    const double w = Seconds(w0, Clock::now());
    std::printf("store alone (Store::Ingest of the parsed batches, no HTTP): %zu articles in %.2f s: %.0f articles/s, "
                "process CPU %.2f s (%.0f us per article)\n",
                n, w, n / w, c, n ? 1e6 * c / n : 0.0);
    direct->reset();
    std::error_code ec;
    if (flags.db.empty()) std::filesystem::remove(direct_db, ec);
  }

  Result<std::unique_ptr<Engine>> store = OpenEngineAt(db);
  if (!store.ok()) {
    PrintError(store.status());
    return 1;
  }
  serve::ServerOptions options;
  options.host = "127.0.0.1";
  options.port = 0;
  options.rate_limit = 0;  // one client IP makes thousands of requests a second here
  options.threads = flags.clients + 2;
  serve::Server server(store->get(), options);
  Result<int> port = server.Bind();
  if (!port.ok()) {
    PrintError(port.status());
    return 1;
  }
  std::thread server_thread([&] { server.Run(); });
  std::printf("server: in-process on http://127.0.0.1:%d, db %s, rate limit off for the load test, "
              "%zu client threads\n",
              *port, db.c_str(), flags.clients);
  std::fflush(stdout);

  // ---- ingest
  Errors ingest_errors;
  std::atomic<size_t> next{0};
  std::atomic<size_t> acknowledged{0};
  std::vector<std::vector<double>> post_ms(flags.clients);
  const auto deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                           std::chrono::duration<double>(flags.max_ingest_seconds));
  double cpu0 = ProcessCpuSeconds();
  auto t0 = Clock::now();
  {
    std::vector<std::thread> threads;
    for (size_t c = 0; c < flags.clients; ++c) {
      threads.emplace_back([&, c] {
        auto client = NewClient(*port);
        simdjson::dom::parser parser;
        for (size_t i; (i = next++) < bodies.size() && Clock::now() < deadline;) {
          auto s = Clock::now();
          auto res = client->Post("/api/articles", bodies[i], "application/x-ndjson");
          post_ms[c].push_back(std::chrono::duration<double, std::milli>(Clock::now() - s).count());
          if (!res) {
            ingest_errors.Add("POST: " + httplib::to_string(res.error()));
            continue;
          }
          if (res->status != 200) {
            ingest_errors.Add("POST: HTTP " + std::to_string(res->status) + ": " + res->body.substr(0, 200));
            continue;
          }
          simdjson::dom::element doc;
          int64_t ins = 0, upd = 0, unch = 0, dup = 0;
          size_t rejected = 1;
          if (parser.parse(res->body).get(doc) || doc["inserted"].get(ins) || doc["updated"].get(upd) ||
              doc["unchanged"].get(unch) || doc["duplicates"].get(dup)) {
            ingest_errors.Add("POST: unexpected reply " + res->body.substr(0, 200));
            continue;
          }
          simdjson::dom::array rej;
          if (!doc["rejected"].get(rej)) rejected = rej.size();
          const size_t in_body = static_cast<size_t>(std::count(bodies[i].begin(), bodies[i].end(), '\n'));
          if (rejected != 0 || static_cast<size_t>(ins + upd + unch + dup) != in_body) {
            ingest_errors.Add("POST: " + std::to_string(in_body) + " sent, " + std::to_string(ins + upd + unch + dup) +
                              " acknowledged, " + std::to_string(rejected) + " rejected");
          }
          acknowledged += static_cast<size_t>(ins + upd + unch + dup);
        }
      });
    }
    for (std::thread& t : threads) t.join();
  }
  const double ingest_s = Seconds(t0, Clock::now());
  const double ingest_cpu = ProcessCpuSeconds() - cpu0;
  std::vector<double> all_post;
  for (auto& v : post_ms) all_post.insert(all_post.end(), v.begin(), v.end());
  std::printf("ingest: %zu articles acknowledged in %.2f s over HTTP: %.0f articles/s (%.1f MB/s of body text); "
              "%zu POSTs, latency p50 %.1f ms, p99 %.1f ms; process CPU %.2f s (%.0f articles per CPU-second); "
              "errors %zu\n",
              acknowledged.load(), ingest_s, acknowledged / ingest_s,
              static_cast<double>(text_bytes) * acknowledged / std::max<size_t>(flags.articles, 1) / 1e6 / ingest_s,
              all_post.size(), Percentile(all_post, 0.5), Percentile(all_post, 0.99), ingest_cpu,
              acknowledged / std::max(ingest_cpu, 1e-9), ingest_errors.count.load());
  std::printf("load average after ingest: %s\n", LoadAverage().c_str());
  std::fflush(stdout);

  if (flags.ingest_only) {
    server.Stop();
    server_thread.join();
    std::printf("errors: %zu\n", ingest_errors.count.load());
    return ingest_errors.count == 0 ? 0 : 1;
  }

  // ---- the stories to brief
  std::vector<std::string> ids;
  {
    auto client = NewClient(*port);
    auto res = client->Get("/api/stories?sort=largest&limit=" + std::to_string(flags.stories));
    simdjson::dom::parser parser;
    simdjson::dom::element doc;
    if (!res || res->status != 200 || parser.parse(res->body).get(doc)) {
      PrintError(Status::Internal("newsfuse-bench serve", "GET /api/stories failed"));
      server.Stop();
      server_thread.join();
      return 1;
    }
    for (simdjson::dom::element s : doc["stories"].get_array()) {
      std::string_view id;
      if (!s["id"].get(id)) ids.emplace_back(id);
    }
  }
  if (ids.empty()) {
    PrintError(Status::Internal("newsfuse-bench serve", "no stories to brief"));
    server.Stop();
    server_thread.join();
    return 1;
  }

  // ---- first requests: each briefing is built once (then kept until its story changes)
  Errors get_errors;
  auto b0 = Clock::now();
  cpu0 = ProcessCpuSeconds();
  {
    std::atomic<size_t> k{0};
    std::vector<std::thread> threads;
    for (size_t c = 0; c < flags.clients; ++c) {
      threads.emplace_back([&] {
        auto client = NewClient(*port);
        for (size_t i; (i = k++) < ids.size();) {
          auto res = client->Get("/api/stories/" + ids[i] + "/brief");
          if (!res || res->status != 200) {
            get_errors.Add("first GET " + ids[i] + ": " +
                           (res ? "HTTP " + std::to_string(res->status) : httplib::to_string(res.error())));
          }
        }
      });
    }
    for (std::thread& t : threads) t.join();
  }
  const double build_s = Seconds(b0, Clock::now());
  std::printf("briefings: %zu stories (the largest), each built on its first GET: %.2f s (%.1f ms each, "
              "process CPU %.2f s)\n",
              ids.size(), build_s, 1000 * build_s / ids.size(), ProcessCpuSeconds() - cpu0);
  std::fflush(stdout);

  // ---- timed GETs of stored briefings
  std::atomic<size_t> gets{0};
  std::atomic<size_t> bytes{0};
  std::vector<std::vector<double>> get_ms(flags.clients);
  const auto end = Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(flags.seconds));
  cpu0 = ProcessCpuSeconds();
  auto r0 = Clock::now();
  {
    std::vector<std::thread> threads;
    for (size_t c = 0; c < flags.clients; ++c) {
      threads.emplace_back([&, c] {
        auto client = NewClient(*port);
        std::mt19937_64 rng(flags.seed + c);
        std::vector<std::string> paths;
        for (const std::string& id : ids) paths.push_back("/api/stories/" + id + "/brief");
        get_ms[c].reserve(1 << 16);
        while (Clock::now() < end && gets++ < flags.max_gets) {
          const std::string& path = paths[rng() % paths.size()];
          auto s = Clock::now();
          auto res = client->Get(path);
          get_ms[c].push_back(std::chrono::duration<double, std::milli>(Clock::now() - s).count());
          if (!res) {
            get_errors.Add("GET " + path + ": " + httplib::to_string(res.error()));
          } else if (res->status != 200 || res->body.size() < 16) {
            get_errors.Add("GET " + path + ": HTTP " + std::to_string(res->status));
          } else {
            bytes += res->body.size();
          }
        }
      });
    }
    for (std::thread& t : threads) t.join();
  }
  const double get_s = Seconds(r0, Clock::now());
  const double get_cpu = ProcessCpuSeconds() - cpu0;
  std::vector<double> all_get;
  for (auto& v : get_ms) all_get.insert(all_get.end(), v.begin(), v.end());
  std::printf("briefing GETs: %zu in %.2f s: %.0f GETs/s (mean body %.1f KB), latency p50 %.2f ms, p99 %.2f ms; "
              "process CPU %.2f s (%.0f GETs per CPU-second); errors %zu\n",
              all_get.size(), get_s, all_get.size() / get_s,
              all_get.empty() ? 0.0 : bytes / 1e3 / all_get.size(), Percentile(all_get, 0.5),
              Percentile(all_get, 0.99), get_cpu, all_get.size() / std::max(get_cpu, 1e-9),
              get_errors.count.load());
  std::printf("load average after: %s\n", LoadAverage().c_str());
  server.Stop();
  server_thread.join();
  const size_t errors = ingest_errors.count + get_errors.count;
  if (errors > 0) {
    std::printf("errors: %zu (first: %s%s)\n", errors, ingest_errors.first.c_str(), get_errors.first.c_str());
    return 1;
  }
  std::printf("errors: 0\n");
  return 0;
}

}  // namespace

void RegisterBenchServe(CLI::App& app) {
  auto flags = std::make_shared<BenchServeFlags>();
  CLI::App* cmd = app.add_subcommand(
      "serve", "load test of `serve` on loopback: articles/s ingested over HTTP, briefing GETs/s");
  cmd->add_option("--articles", flags->articles, "synthetic articles to post")->capture_default_str();
  cmd->add_option("--seconds", flags->seconds, "length of the briefing GET phase")->capture_default_str();
  cmd->add_option("--clients", flags->clients, "client threads (keep-alive connections)")->capture_default_str();
  cmd->add_option("--batch", flags->batch, "articles per POST")->capture_default_str();
  cmd->add_option("--stories", flags->stories, "briefings to request (the largest stories)")->capture_default_str();
  cmd->add_option("--max-gets", flags->max_gets, "upper bound on GETs")->capture_default_str();
  cmd->add_option("--max-ingest-seconds", flags->max_ingest_seconds, "upper bound on the ingest phase")
      ->capture_default_str();
  cmd->add_option("--seed", flags->seed, "corpus seed")->capture_default_str();
  cmd->add_flag("--direct", flags->direct, "also time Store::Ingest of the same batches without HTTP");
  cmd->add_flag("--ingest-only", flags->ingest_only, "stop after the ingest phase (for profiling)");
  cmd->add_option("--db", flags->db, "store file (default: a temporary folder, removed after)");
  cmd->callback([flags] {
    if (flags->clients == 0 || flags->batch == 0) {
      PrintError(Status::InvalidArgument("newsfuse-bench serve", "--clients and --batch must be at least 1"));
      ExitWith(2);
      return;
    }
    ExitWith(RunBenchServe(*flags));
  });
}

}  // namespace newsfuse::cli
