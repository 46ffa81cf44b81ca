// `newsfuse ingest FILES|DIR... --db FILE [--batch N] [--threads N] [--regroup-window N] [--ack-log FILE]`:
// reads articles (text, JSONL, HTML, WARC, '-' for JSONL on stdin) into the
// store, batch by batch, each batch one transaction; a progress bar on
// standard error when it is a terminal (ingest_progress.h), nothing when it
// is a pipe; a one-line summary at the end. The store's reading verbs are in
// cmd_store_verbs.cc.
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <mutex>
#include <optional>
#include <thread>
#include <functional>

#include "cli/batch_queue.h"
#include "cli/commands.h"
#include "cli/ingest_progress.h"
#include "ingest/corpus_loader.h"
#include "newsfuse/engine.h"

namespace newsfuse::cli {
namespace {

struct IngestFlags {
  std::vector<std::string> inputs;
  std::string db;
  size_t batch = 256;
  unsigned threads = 0;
  std::optional<size_t> regroup_window;
  std::string ack_log;
  bool sync_full = false;
  bool no_progress = false;
};

int RunIngest(const IngestFlags& flags) {
  Terminal terminal(!flags.no_progress && ::isatty(STDERR_FILENO));
  EngineOptions options;
  options.db = flags.db;
  options.threads = flags.threads;
  options.regroup_window_articles = flags.regroup_window;
  options.sync_full = flags.sync_full;
  auto opened = Engine::Open(options);
  if (!opened.ok()) {
    PrintError(opened.status());
    return 1;
  }
  Engine& st = **opened;

  int ack_fd = -1;
  if (!flags.ack_log.empty()) {
    ack_fd = ::open(flags.ack_log.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (ack_fd < 0) {
      PrintError(Status::Unavailable(flags.ack_log, "cannot open for appending"));
      return 1;
    }
  }

  InputProgress progress(flags.inputs);
  // Read by the reader thread only; printed once it has finished.
  ingest::SummaryReporter reporter;
  BatchQueue queue;
  size_t articles_read = 0;
  std::thread reader([&] {
    Batch batch;
    ingest::ForEachArticle(flags.inputs, ingest::LoadOptions(), reporter, [&](Article&& a) {
      ++articles_read;
      batch.bytes_done = progress.After(a);
      batch.articles.push_back(std::move(a));
      if (batch.articles.size() >= flags.batch) {
        queue.Push(std::move(batch));
        batch = Batch();
      }
    });
    if (!batch.articles.empty()) queue.Push(std::move(batch));
    queue.Close();
  });

  const auto start = Clock::now();
  // Two callers: while one batch is written (one writer at a time), the next
  // is encoded and fingerprinted on the other core.
  std::mutex mu;  // guards the counters, failure and bytes_done
  size_t done = 0, inserted = 0, updated = 0, unchanged = 0, duplicates = 0;
  uint64_t bytes_done = 0;
  Status failure;
  // Batches commit in input order: each takes a ticket as it leaves the
  // queue and waits, once its per-article work is done, for the batch before
  // it to return. So the stories do not depend on which thread ran faster,
  // and a correction later in the input lands after the version it corrects.
  std::mutex pop_mu, order_mu;
  std::condition_variable order_cv;
  uint64_t tickets = 0, committed = 0;  // committed: tickets returned so far
  auto consume = [&] {
    Batch batch;
    std::string acks;
    while (true) {
      uint64_t ticket;
      {
        std::lock_guard<std::mutex> pop_lock(pop_mu);
        if (!queue.Pop(&batch)) break;
        ticket = tickets++;
      }
      auto wait_turn = [&] {
        std::unique_lock<std::mutex> lock(order_mu);
        order_cv.wait(lock, [&] { return committed == ticket; });
      };
      // Whatever happens to this batch, the next one may go once it is over.
      struct Done {
        std::function<void()> wait_turn;
        std::mutex& mu;
        std::condition_variable& cv;
        uint64_t& committed;
        ~Done() {
          wait_turn();  // a batch that never reached its write still keeps its place
          std::lock_guard<std::mutex> lock(mu);
          ++committed;
          cv.notify_all();
        }
      } done_guard{wait_turn, order_mu, order_cv, committed};
      {
        std::lock_guard<std::mutex> lock(mu);
        if (!failure.ok()) continue;  // drain, so the reader can finish
      }
      const size_t n = batch.articles.size();
      auto result = st.AddArticles(std::move(batch.articles), wait_turn);
      if (!result.ok()) {
        std::lock_guard<std::mutex> lock(mu);
        failure = result.status();
        continue;
      }
      if (ack_fd >= 0) {
        // After the commit returned: these ids are acknowledged. One write()
        // per batch, so a killed process leaves whole lines only.
        acks.clear();
        for (const ArticleOutcome& o : result->articles) {
          acks += o.id;
          if (!o.duplicate_of.empty()) {
            acks += '\t';
            acks += o.duplicate_of;
          }
          acks += '\n';
        }
        if (::write(ack_fd, acks.data(), acks.size()) != static_cast<ssize_t>(acks.size())) {
          std::lock_guard<std::mutex> lock(mu);
          failure = Status::Unavailable(flags.ack_log, "write failed");
        }
      }
      std::lock_guard<std::mutex> lock(mu);
      done += n;
      inserted += result->inserted;
      updated += result->updated;
      unchanged += result->unchanged;
      duplicates += result->duplicates;
      bytes_done = std::max(bytes_done, batch.bytes_done);
      terminal.Progress(bytes_done, progress.total(), done,
                        std::chrono::duration<double>(Clock::now() - start).count());
    }
  };
  std::thread second(consume);
  consume();
  second.join();
  reader.join();
  if (ack_fd >= 0) ::close(ack_fd);
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  terminal.Clear();
  for (const std::string& line : reporter.Lines()) terminal.Message(line);
  if (!failure.ok()) {
    PrintError(failure);
    std::fprintf(stderr, "newsfuse: stopped after %zu article(s); every batch before the failure is stored\n", done);
    return 1;
  }
  auto stats = st.Stats();
  std::printf("ingested %zu article(s) in %.1f s (%.0f articles/s): %zu inserted, %zu updated, %zu unchanged, "
              "%zu duplicate(s), %zu skipped; store %s: %zu articles, %zu stories, %zu copies\n",
              done, seconds, seconds > 0 ? static_cast<double>(done) / seconds : 0.0, inserted, updated, unchanged,
              duplicates, reporter.skipped(), flags.db.c_str(), stats.ok() ? stats->articles : 0,
              stats.ok() ? stats->stories : 0, stats.ok() ? stats->copies : 0);
  std::fflush(stdout);
  if (articles_read == 0) {
    ingest::SummaryReporter printed;  // its lines went out above
    return FinishInputReport(printed, 0, flags.inputs, "ingest");
  }
  return 0;
}

}  // namespace

void RegisterIngest(CLI::App& app) {
  {
    auto flags = std::make_shared<IngestFlags>();
    CLI::App* cmd = app.add_subcommand("ingest", "store articles (and their stories) in a database");
    cmd->add_option("inputs", flags->inputs,
                    "article files or folders (text, .jsonl, .html, .warc[.gz]; '-' reads JSONL from stdin)")
        ->required();
    cmd->add_option("--db", flags->db, "the store (an SQLite file; created if absent)")->required();
    cmd->add_option("--batch", flags->batch, "articles per transaction")
        ->check(CLI::Range(1, 100000))
        ->capture_default_str();
    cmd->add_option("--threads", flags->threads, "analysis threads (0: all cores)");
    cmd->add_option("--regroup-window", flags->regroup_window,
                    "recent articles each batch is regrouped with (default 64; more: more CPU per batch)");
    cmd->add_option("--ack-log", flags->ack_log,
                    "append each batch's ids to this file once its transaction is committed "
                    "(\"id\" or \"id<TAB>stored id\" for a duplicate)");
    cmd->add_flag("--sync-full", flags->sync_full, "fsync every commit (survives power loss, slower)");
    cmd->add_flag("--no-progress", flags->no_progress, "no progress bar, even on a terminal");
    cmd->callback([flags] { ExitWith(RunIngest(*flags)); });
  }
}

}  // namespace newsfuse::cli
