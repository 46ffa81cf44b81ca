// The store's verbs:
//   `newsfuse ingest FILES|DIR... --db FILE [--batch N] [--threads N] [--ack-log FILE]`
//       reads articles (text, JSONL, HTML, WARC, '-' for JSONL on stdin) into the
//       store, batch by batch, each batch one transaction; a progress bar on
//       standard error when it is a terminal, nothing when it is a pipe; a
//       one-line summary at the end.
//   `newsfuse stories --db FILE [--sort recent|largest] [--text W] [--entity N] [--json]`
//   `newsfuse article --db FILE ID [--json]`
//   `newsfuse briefing --db FILE STORY [--format json|markdown]`   a story's stored briefing
//   `newsfuse store-check --db FILE [--expect-ids FILE]`
//       integrity check; with --expect-ids (an ack log), that every listed id
//       is stored (or, for a duplicate, the article it duplicates).
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <thread>
#include <unordered_set>

#include "base/file_io.h"
#include "base/json_writer.h"
#include "cli/commands.h"
#include "ingest/corpus_loader.h"
#include "newsfuse/engine.h"
#include "render/brief_json_reader.h"
#include "render/brief_markdown.h"
#include "store/story_row_json.h"

namespace newsfuse::cli {
namespace {

using Clock = std::chrono::steady_clock;

// ---------------------------------------------------------------- progress

// Where the reader is in its inputs, in bytes, from each article's origin:
// "file" (one article per file), "file:LINE" (JSONL: estimated from the
// article's size) or "file@OFFSET" (WARC: the record's byte offset).
class InputProgress {
 public:
  explicit InputProgress(const std::vector<std::string>& inputs) {
    for (const std::string& path : inputs) {
      if (path == "-") continue;
      if (base::IsDirectory(path)) {
        auto files = base::ListFiles(path, {});
        if (!files.ok()) continue;
        for (const std::string& f : *files) Add(f);
      } else {
        Add(path);
      }
    }
  }

  uint64_t total() const { return total_; }

  // Returns the bytes done after `article`.
  uint64_t After(const Article& a) {
    std::string_view origin = a.origin;
    auto it = sizes_.find(std::string(origin));
    uint64_t within = 0;
    bool whole = it != sizes_.end();
    if (!whole) {
      const size_t at = origin.rfind('@');
      const size_t colon = origin.rfind(':');
      if (at != std::string_view::npos && (it = sizes_.find(std::string(origin.substr(0, at)))) != sizes_.end()) {
        within = std::strtoull(std::string(origin.substr(at + 1)).c_str(), nullptr, 10);
      } else if (colon != std::string_view::npos &&
                 (it = sizes_.find(std::string(origin.substr(0, colon)))) != sizes_.end()) {
        // A JSONL line is about the article's text plus its keys.
        uint64_t bytes = 64 + a.id.size();
        for (const Paragraph& p : a.paragraphs) bytes += p.text.size() + 4;
        for (const auto* f : {&a.title, &a.outlet, &a.url, &a.subtitle}) {
          if (*f) bytes += (*f)->size() + 12;
        }
        if (a.published) bytes += a.published->ToString().size() + 12;
        within = (it->first == current_ ? current_within_ : 0) + bytes;
      }
    }
    if (it == sizes_.end()) return done_;
    if (it->first != current_) {
      if (!current_.empty()) finished_ += sizes_[current_];
      current_ = it->first;
      current_within_ = 0;
    }
    current_within_ = whole ? it->second : std::min(within, it->second);
    done_ = std::min(total_, finished_ + current_within_);
    return done_;
  }

 private:
  void Add(const std::string& path) {
    struct stat st;
    if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return;
    if (sizes_.emplace(path, static_cast<uint64_t>(st.st_size)).second) total_ += static_cast<uint64_t>(st.st_size);
  }

  std::map<std::string, uint64_t> sizes_;
  uint64_t total_ = 0;
  uint64_t finished_ = 0;
  std::string current_;
  uint64_t current_within_ = 0;
  uint64_t done_ = 0;
};

std::string Megabytes(uint64_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / 1e6);
  return buf;
}

// Standard error, shared by the progress bar and the reader's messages: a
// message first clears the bar's line, so the two never interleave.
class Terminal {
 public:
  explicit Terminal(bool bar) : bar_(bar) {}
  bool bar() const { return bar_; }

  void Message(const std::string& line) {
    std::lock_guard<std::mutex> lock(mu_);
    if (drawn_) std::fputs("\r\033[K", stderr);
    drawn_ = false;
    std::fprintf(stderr, "%s\n", line.c_str());
  }

  // Redraws at most ~10 times a second (unless `force`).
  void Progress(uint64_t done, uint64_t total, size_t articles, double seconds, bool force = false) {
    if (!bar_) return;
    const auto now = Clock::now();
    if (!force && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    const double rate = seconds > 0 ? static_cast<double>(articles) / seconds : 0;
    char line[200];
    if (total > 0) {
      const double fraction = std::min(1.0, static_cast<double>(done) / static_cast<double>(total));
      constexpr int kWidth = 28;
      const int filled = static_cast<int>(fraction * kWidth);
      std::string bar(static_cast<size_t>(filled), '#');
      bar.append(static_cast<size_t>(kWidth - filled), '.');
      const double eta = fraction > 0.001 ? seconds * (1 - fraction) / fraction : 0;
      const int eta_s = static_cast<int>(eta + 0.5);
      std::snprintf(line, sizeof line, "\r[%s] %3.0f%% %s / %s  %zu articles  %.0f articles/s  ETA %d:%02d\033[K",
                    bar.c_str(), fraction * 100, Megabytes(done).c_str(), Megabytes(total).c_str(), articles,
                    rate, eta_s / 60, eta_s % 60);
    } else {
      std::snprintf(line, sizeof line, "\r%zu articles  %.0f articles/s\033[K", articles, rate);
    }
    std::lock_guard<std::mutex> lock(mu_);
    std::fputs(line, stderr);
    std::fflush(stderr);
    drawn_ = true;
  }

  void Clear() {
    std::lock_guard<std::mutex> lock(mu_);
    if (drawn_) std::fputs("\r\033[K", stderr);
    drawn_ = false;
  }

 private:
  const bool bar_;
  std::mutex mu_;
  bool drawn_ = false;
  Clock::time_point last_{};
};

// ---------------------------------------------------------------- ingest

struct IngestFlags {
  std::vector<std::string> inputs;
  std::string db;
  size_t batch = 256;
  unsigned threads = 0;
  std::string ack_log;
  bool sync_full = false;
  bool no_progress = false;
};

struct Batch {
  std::vector<Article> articles;
  uint64_t bytes_done = 0;
};

// A bounded hand-off from the reading thread to the ingesting one: reading
// and parsing the next batch overlaps with storing this one.
class BatchQueue {
 public:
  void Push(Batch&& b) {
    std::unique_lock<std::mutex> lock(mu_);
    not_full_.wait(lock, [&] { return queue_.size() < 2 || closed_; });
    queue_.push_back(std::move(b));
    not_empty_.notify_one();
  }
  void Close() {
    std::lock_guard<std::mutex> lock(mu_);
    closed_ = true;
    not_empty_.notify_all();
    not_full_.notify_all();
  }
  bool Pop(Batch* b) {
    std::unique_lock<std::mutex> lock(mu_);
    not_empty_.wait(lock, [&] { return !queue_.empty() || closed_; });
    if (queue_.empty()) return false;
    *b = std::move(queue_.front());
    queue_.pop_front();
    not_full_.notify_one();
    return true;
  }

 private:
  std::mutex mu_;
  std::condition_variable not_empty_, not_full_;
  std::deque<Batch> queue_;
  bool closed_ = false;
};

int RunIngest(const IngestFlags& flags) {
  Terminal terminal(!flags.no_progress && ::isatty(STDERR_FILENO));
  EngineOptions options;
  options.db = flags.db;
  options.threads = flags.threads;
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
  // Batches may commit out of input order, except that a batch holding an id
  // of a batch still in flight waits for it: a correction later in the input
  // must land after the version it corrects.
  std::mutex pop_mu, order_mu;
  std::condition_variable order_cv;
  std::unordered_multiset<std::string> in_flight;
  auto consume = [&] {
    Batch batch;
    std::string acks;
    std::vector<std::string> ids;
    while (true) {
      {
        std::lock_guard<std::mutex> pop_lock(pop_mu);
        if (!queue.Pop(&batch)) break;
        ids.clear();
        for (const Article& a : batch.articles) ids.push_back(a.id);
        std::unique_lock<std::mutex> lock(order_mu);
        order_cv.wait(lock, [&] {
          for (const std::string& id : ids) {
            if (in_flight.count(id)) return false;
          }
          return true;
        });
        in_flight.insert(ids.begin(), ids.end());
      }
      struct Done {
        std::vector<std::string>& ids;
        std::mutex& mu;
        std::condition_variable& cv;
        std::unordered_multiset<std::string>& in_flight;
        ~Done() {
          std::lock_guard<std::mutex> lock(mu);
          for (const std::string& id : ids) in_flight.erase(in_flight.find(id));
          cv.notify_all();
        }
      } done_guard{ids, order_mu, order_cv, in_flight};
      {
        std::lock_guard<std::mutex> lock(mu);
        if (!failure.ok()) continue;  // drain, so the reader can finish
      }
      const size_t n = batch.articles.size();
      auto result = st.AddArticles(std::move(batch.articles));
      if (!result.ok()) {
        std::lock_guard<std::mutex> lock(mu);
        failure = result.status();
        continue;
      }
      if (ack_fd >= 0) {
        // After the commit returned: these ids are acknowledged. One write()
        // per batch, so a killed process leaves whole lines only.
        acks.clear();
        for (const store::ArticleOutcome& o : result->articles) {
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
              "%zu duplicate(s), %zu skipped; store %s: %zu articles, %zu stories\n",
              done, seconds, seconds > 0 ? static_cast<double>(done) / seconds : 0.0, inserted, updated, unchanged,
              duplicates, reporter.skipped(), flags.db.c_str(), stats.ok() ? stats->articles : 0,
              stats.ok() ? stats->stories : 0);
  std::fflush(stdout);
  if (articles_read == 0) {
    ingest::SummaryReporter printed;  // its lines went out above
    return FinishInputReport(printed, 0, flags.inputs, "ingest");
  }
  return 0;
}

// ---------------------------------------------------------------- reading verbs

Result<std::unique_ptr<Engine>> OpenExisting(const std::string& db) {
  EngineOptions options;
  options.db = db;
  options.must_exist = true;
  return Engine::Open(options);
}

struct StoriesFlags {
  std::string db;
  std::string sort = "recent";
  std::string text, entity;
  size_t limit = 20, offset = 0;
  bool json = false;
};

int RunStories(const StoriesFlags& flags) {
  auto opened = OpenExisting(flags.db);
  if (!opened.ok()) {
    PrintError(opened.status());
    return 1;
  }
  store::StoryQuery q;
  q.sort = flags.sort == "largest" ? store::StorySort::kLargest : store::StorySort::kRecent;
  q.text = flags.text;
  q.entity = flags.entity;
  q.limit = flags.limit;
  q.offset = flags.offset;
  auto rows = (*opened)->ListStories(q);
  if (!rows.ok()) {
    PrintError(rows.status());
    return 1;
  }
  std::string out;
  if (flags.json) {
    base::JsonWriter w(&out, 2);
    store::WriteStoryRows(*rows, w);
    out += '\n';
  } else if (rows->empty()) {
    // On standard error, as grep's silence: standard output stays empty
    // for a script that reads it.
    std::string said = !flags.text.empty() || !flags.entity.empty() ? "no story matches" : "no stories";
    if (!flags.text.empty()) said += " --text \"" + flags.text + "\"";
    if (!flags.entity.empty()) said += " --entity \"" + flags.entity + "\"";
    if (flags.offset > 0) said += " at --offset " + std::to_string(flags.offset);
    std::fprintf(stderr, "newsfuse: stories: %s in %s\n", said.c_str(), flags.db.c_str());
  } else {
    char header[96];
    std::snprintf(header, sizeof header, "%-8s %5s  %-16s %s\n", "STORY", "ARTS", "LAST PUBLISHED", "HEADLINE");
    out += header;
    for (const store::StoryRow& r : *rows) {
      char line[64];
      std::snprintf(line, sizeof line, "%-8s %5zu  %-16s ", r.id.c_str(), r.article_count,
                    r.last_published.value_or("-").c_str());
      out += line;
      out += r.headline;
      out += '\n';
    }
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return std::fflush(stdout) == 0 ? 0 : 1;
}

struct ArticleFlags {
  std::string db;
  std::string id;
  bool json = false;
};

int RunArticle(const ArticleFlags& flags) {
  auto opened = OpenExisting(flags.db);
  if (!opened.ok()) {
    PrintError(opened.status());
    return 1;
  }
  auto got = (*opened)->GetArticle(flags.id);
  if (!got.ok()) {
    PrintError(got.status());
    return 1;
  }
  if (!got->has_value()) {
    PrintError(Status::NotFound(flags.db, "no article \"" + flags.id + "\""));
    return 1;
  }
  const store::StoredArticle& sa = **got;
  std::string out;
  if (flags.json) {
    base::JsonWriter w(&out, 2);
    w.BeginObject();
    w.Field("id", sa.article.id);
    w.Field("story_id", sa.story_id);
    w.OptionalField("outlet", sa.article.outlet);
    w.OptionalField("title", sa.article.title);
    w.OptionalDateField("published", sa.article.published);
    w.OptionalField("url", sa.article.url);
    w.Key("ingested");
    w.Int(sa.ingested_unix);
    w.Key("paragraphs");
    w.BeginArray();
    for (const Paragraph& p : sa.article.paragraphs) w.String(p.text);
    w.EndArray();
    w.Key("changes");
    w.BeginArray();
    for (const store::ArticleChange& c : sa.changes) {
      w.BeginObject();
      store::WriteArticleChangeFields(c, w);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    out += '\n';
  } else {
    out += sa.article.title.value_or("(no headline)") + "\n";
    out += sa.article.outlet.value_or("-") + " | " + OptionalDateString(sa.article.published).value_or("-") + " | story " +
           sa.story_id + "\n\n";
    for (const Paragraph& p : sa.article.paragraphs) out += p.text + "\n\n";
    for (const store::ArticleChange& c : sa.changes) {
      out += "changed " + c.field + ": \"" + c.before + "\" -> \"" + c.after + "\"\n";
    }
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return std::fflush(stdout) == 0 ? 0 : 1;
}

struct BriefingFlags {
  std::string db;
  std::string story;
  std::string format = "json";
};

int RunBriefing(const BriefingFlags& flags) {
  auto opened = OpenExisting(flags.db);
  if (!opened.ok()) {
    PrintError(opened.status());
    return 1;
  }
  auto json = (*opened)->BriefingJson(flags.story);
  if (!json.ok()) {
    PrintError(json.status());
    return 1;
  }
  if (!json->has_value()) {
    PrintError(Status::NotFound(flags.db, "no story \"" + flags.story + "\""));
    return 1;
  }
  if (flags.format == "markdown") {
    Result<Brief> brief = render::BriefFromJson(**json, flags.db + ": story " + flags.story);
    if (!brief.ok()) {
      PrintError(brief.status());
      return 1;
    }
    const std::string md = render::BriefToMarkdown(*brief);
    std::fwrite(md.data(), 1, md.size(), stdout);
  } else {
    std::fwrite((*json)->data(), 1, (*json)->size(), stdout);
  }
  return std::fflush(stdout) == 0 ? 0 : 1;
}

struct CheckFlags {
  std::string db;
  std::string expect_ids;
};

int RunStoreCheck(const CheckFlags& flags) {
  auto opened = OpenExisting(flags.db);
  if (!opened.ok()) {
    PrintError(opened.status());
    return 1;
  }
  Engine& st = **opened;
  auto problems = st.CheckIntegrity();
  if (!problems.ok()) {
    PrintError(problems.status());
    return 1;
  }
  for (const std::string& p : *problems) std::printf("problem: %s\n", p.c_str());
  auto stats = st.Stats();
  if (!stats.ok()) {
    PrintError(stats.status());
    return 1;
  }
  bool ok = problems->empty();
  if (!flags.expect_ids.empty()) {
    std::unordered_set<std::string> stored;
    Status s = st.ForEachArticleId([&](std::string_view id) { stored.emplace(id); });
    if (!s.ok()) {
      PrintError(s);
      return 1;
    }
    std::ifstream in(flags.expect_ids);
    if (!in) {
      PrintError(Status::NotFound(flags.expect_ids, "cannot read"));
      return 1;
    }
    std::string line, first_missing;
    size_t listed = 0, missing = 0;
    std::unordered_set<std::string> distinct;
    while (std::getline(in, line)) {
      if (line.empty()) continue;
      ++listed;
      const size_t tab = line.find('\t');
      const std::string id = line.substr(0, tab);
      // A duplicate's content is stored under the id it duplicates.
      const std::string present = tab == std::string::npos ? id : line.substr(tab + 1);
      distinct.insert(id);
      if (!stored.count(present)) {
        if (missing++ == 0) first_missing = id;
      }
    }
    std::printf("acknowledged: %zu line(s), %zu distinct id(s), %zu missing%s%s\n", listed, distinct.size(),
                missing, missing ? "; first: " : "", first_missing.c_str());
    ok = ok && missing == 0;
  }
  std::printf("%s: %s: %zu articles, %zu stories, %zu changes\n", ok ? "ok" : "FAILED", flags.db.c_str(),
              stats->articles, stats->stories, stats->changes);
  std::fflush(stdout);
  return ok ? 0 : 1;
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
    cmd->add_option("--ack-log", flags->ack_log,
                    "append each batch's ids to this file once its transaction is committed "
                    "(\"id\" or \"id<TAB>stored id\" for a duplicate)");
    cmd->add_flag("--sync-full", flags->sync_full, "fsync every commit (survives power loss, slower)");
    cmd->add_flag("--no-progress", flags->no_progress, "no progress bar, even on a terminal");
    cmd->callback([flags] { ExitWith(RunIngest(*flags)); });
  }
  {
    auto flags = std::make_shared<StoriesFlags>();
    CLI::App* cmd = app.add_subcommand("stories", "list the stories of a store");
    cmd->add_option("--db", flags->db, "the store")->required();
    cmd->add_option("--sort", flags->sort, "recent or largest")
        ->check(CLI::IsMember({"recent", "largest"}))
        ->capture_default_str();
    cmd->add_option("--text", flags->text, "words a member article must contain (headline or lead)");
    cmd->add_option("--entity", flags->entity, "a name a member article must mention");
    cmd->add_option("--limit", flags->limit, "at most this many")->check(CLI::Range(1, 500))->capture_default_str();
    cmd->add_option("--offset", flags->offset, "skip this many first");
    cmd->add_flag("--json", flags->json, "JSON instead of one line per story");
    cmd->callback([flags] { ExitWith(RunStories(*flags)); });
  }
  {
    auto flags = std::make_shared<ArticleFlags>();
    CLI::App* cmd = app.add_subcommand("article", "print a stored article and its corrections");
    cmd->add_option("id", flags->id, "article id")->required();
    cmd->add_option("--db", flags->db, "the store")->required();
    cmd->add_flag("--json", flags->json, "JSON");
    cmd->callback([flags] { ExitWith(RunArticle(*flags)); });
  }
  {
    auto flags = std::make_shared<BriefingFlags>();
    CLI::App* cmd = app.add_subcommand("briefing", "print a stored story's briefing (built if stale)");
    cmd->add_option("story", flags->story, "story id")->required();
    cmd->add_option("--db", flags->db, "the store")->required();
    cmd->add_option("--format", flags->format, "json or markdown")
        ->check(CLI::IsMember({"json", "markdown"}))
        ->capture_default_str();
    cmd->callback([flags] { ExitWith(RunBriefing(*flags)); });
  }
  {
    auto flags = std::make_shared<CheckFlags>();
    CLI::App* cmd = app.add_subcommand("store-check", "check a store's integrity (and acknowledged ids)");
    cmd->add_option("--db", flags->db, "the store")->required();
    cmd->add_option("--expect-ids", flags->expect_ids, "an --ack-log file: every id in it must be stored");
    cmd->callback([flags] { ExitWith(RunStoreCheck(*flags)); });
  }
}

}  // namespace newsfuse::cli
