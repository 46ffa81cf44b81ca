// The SQLite store behind store.h.
//
// Layout (schema version 1, PRAGMA application_id 'NFST'):
//   articles         one row per stored article: metadata columns, the body
//                    as text (+ a paragraph layout when splitting on blank
//                    lines would not give the paragraphs back), two XXH3
//                    hashes (body for duplicate content, whole record for
//                    "unchanged"), its story.
//   stories          id, headline, counts, outlets, first/last published,
//                    updated, version (bumped on every change: a briefing
//                    built at an older version is stale).
//   briefings        the last briefing JSON built per story, with its version.
//   article_changes  what each correction changed (field, before, after).
//   article_text     FTS5 over headline + body lead (contentless, detail=none:
//                    only "which rows hold this word" is asked, and that is
//                    the cheapest index FTS5 can keep).
//   article_names    FTS5 over the capitalised-name tokens of each article.
//   meta             settings the stored data depends on, and
//                    `indexed_rowid`: the articles up to it are in the
//                    two FTS tables.
//
// Text search indexing is not part of an acknowledged batch: Ingest commits
// the rows and the story assignment, and a background indexer adds the
// committed rows to article_text/article_names in its own, larger
// transactions (FTS5 costs much less per row when it flushes thousands at
// once than 100-500 per commit), moving indexed_rowid on in the same
// transaction. A kill -9 therefore loses no index entry: the next writable
// Open finds the rows past indexed_rowid and indexes them.
//
// Durability: WAL journal. With synchronous=NORMAL a commit appends the
// transaction's pages to the WAL with write() and returns; the WAL is synced
// only at checkpoints. Data that write() handed to the kernel survives the
// death of the process (kill -9, crash), because the kernel's page cache
// still writes it out; only an OS crash or power cut can lose the last
// commits. So NORMAL meets "nothing acknowledged is lost on kill -9" at a
// fraction of FULL's cost (one fsync per commit); StoreOptions::sync_full
// asks for FULL where power cuts matter. A half-written transaction at the
// end of the WAL has no commit record, so recovery ignores it: a batch is
// there whole or not at all.
//
// Concurrency: one write connection behind write_mu_ (SQLite allows one
// writer anyway), and a pool of read connections, each used by one thread at
// a time; WAL lets them read the last commit while the writer works. The
// costly per-article work of Ingest (encoding, hashing, fingerprinting) runs
// before write_mu_ is taken, so concurrent Ingest calls overlap in it.
#include "store/store.h"

#include <sqlite3.h>
#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <ctime>
#include <future>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "cluster/story_clusterer.h"
#include "extract/article_analysis.h"
#include "extract/entity_tagger.h"
#include "fingerprint/fingerprinter.h"
#include "render/brief_json.h"
#include "store/article_codec.h"
#include "store/article_diff.h"
#include "store/sqlite_util.h"
#include "synthesize/story_builder.h"

namespace newsfuse::store {

const char* IngestOutcomeName(IngestOutcome outcome) {
  switch (outcome) {
    case IngestOutcome::kInserted: return "inserted";
    case IngestOutcome::kUnchanged: return "unchanged";
    case IngestOutcome::kUpdated: return "updated";
    case IngestOutcome::kDuplicateContent: return "duplicate";
  }
  return "?";
}

Result<std::vector<std::string>> Store::CheckIntegrity() {
  return Status::Unimplemented("store", "CheckIntegrity");
}

Status Store::ForEachArticleId(const std::function<void(std::string_view)>&) {
  return Status::Unimplemented("store", "ForEachArticleId");
}

Status Store::WaitForIndex() { return Status::Ok(); }

namespace {

constexpr int32_t kApplicationId = 0x4E465354;  // "NFST"
constexpr int kSchemaVersion = 1;
// Briefings kept in memory; beyond this an arbitrary one is dropped (the
// table still has it, so a miss costs one row read, not a rebuild).
constexpr size_t kMaxCachedBriefings = 512;
constexpr size_t kMaxQueryLimit = 500;
// Pooled read connections kept open; more are opened under load and closed
// when returned beyond this.
constexpr size_t kMaxIdleReaders = 8;

constexpr const char* kSchema = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value) WITHOUT ROWID;
CREATE TABLE articles(
  rowid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  body_hash INTEGER NOT NULL,
  record_hash INTEGER NOT NULL,
  outlet TEXT, url TEXT, title TEXT, subtitle TEXT, published TEXT, language TEXT, origin TEXT,
  body TEXT NOT NULL,
  layout TEXT NOT NULL,
  dropped TEXT NOT NULL,
  names TEXT NOT NULL,
  story_id INTEGER NOT NULL,
  ingested INTEGER NOT NULL);
CREATE INDEX articles_body_hash ON articles(body_hash);
CREATE INDEX articles_story ON articles(story_id);
CREATE TABLE stories(
  id INTEGER PRIMARY KEY,
  headline TEXT NOT NULL,
  article_count INTEGER NOT NULL,
  outlets TEXT NOT NULL,
  first_published TEXT,
  last_published TEXT,
  updated INTEGER NOT NULL,
  version INTEGER NOT NULL);
CREATE INDEX stories_recent ON stories(last_published, updated);
CREATE INDEX stories_largest ON stories(article_count, last_published);
CREATE TABLE briefings(
  story_id INTEGER PRIMARY KEY,
  version INTEGER NOT NULL,
  built INTEGER NOT NULL,
  json TEXT NOT NULL);
CREATE TABLE article_changes(
  seq INTEGER PRIMARY KEY,
  article_id TEXT NOT NULL,
  story_id INTEGER NOT NULL,
  at INTEGER NOT NULL,
  field TEXT NOT NULL,
  before TEXT NOT NULL,
  after TEXT NOT NULL);
CREATE INDEX article_changes_article ON article_changes(article_id);
CREATE INDEX article_changes_story ON article_changes(story_id);
CREATE VIRTUAL TABLE article_text USING fts5(
  title, body, content='', detail=none, tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE article_names USING fts5(
  names, content='', detail=none, tokenize="unicode61 remove_diacritics 2 tokenchars '_'");
)sql";

constexpr const char* kArticleColumns =
    "id, origin, outlet, url, title, subtitle, published, language, body, layout, dropped, "
    "story_id, ingested, rowid, names";

int64_t NowUnix() { return static_cast<int64_t>(std::time(nullptr)); }

std::string StoryIdString(int64_t id) { return std::to_string(id); }

std::optional<int64_t> ParseStoryId(const std::string& s) {
  if (s.empty() || s.size() > 18) return std::nullopt;
  int64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

std::vector<std::string> SplitOutlets(std::string_view s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = s.find('\n', i);
    if (j == std::string_view::npos) j = s.size();
    if (j > i) out.emplace_back(s.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

std::string JoinOutlets(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& o : v) {
    if (!s.empty()) s.push_back('\n');
    s += o;
  }
  return s;
}

// Reads an article row selected with kArticleColumns.
Status ReadArticleRow(const Statement& st, Article* a, int64_t* story_id, int64_t* ingested,
                      int64_t* rowid, std::string* names) {
  a->id = std::string(st.Text(0));
  a->origin = std::string(st.Text(1));
  a->outlet = st.OptionalText(2);
  a->url = st.OptionalText(3);
  a->title = st.OptionalText(4);
  a->subtitle = st.OptionalText(5);
  a->published = st.OptionalText(6);
  a->language = st.OptionalText(7);
  NEWSFUSE_RETURN_IF_ERROR(DecodeBody(st.Text(8), st.Text(9), a->id, a));
  NEWSFUSE_RETURN_IF_ERROR(DecodeDropped(st.Text(10), a->id, a));
  if (story_id) *story_id = st.Int(11);
  if (ingested) *ingested = st.Int(12);
  if (rowid) *rowid = st.Int(13);
  if (names) *names = std::string(st.Text(14));
  return Status::Ok();
}

// A connection of the read pool with its statements, prepared once.
struct ReadConn {
  sqlite3* db = nullptr;
  std::unordered_map<std::string, std::unique_ptr<Statement>> statements;
  ~ReadConn() {
    statements.clear();
    sqlite3_close_v2(db);
  }
};

struct Prepared {
  Article article;
  EncodedArticle enc;
  std::optional<fingerprint::RawFingerprint> raw;
};

struct StoryState {
  bool exists = false;
  bool recompute = false;  // a member changed in place: rebuild from the rows
  std::string headline;
  int64_t count = 0;
  std::vector<std::string> outlets;
  std::optional<std::string> first_published, last_published;
  int64_t version = 0;

  void Add(const Article& a) {
    ++count;
    if (headline.empty() && a.title) headline = *a.title;
    if (a.outlet && std::find(outlets.begin(), outlets.end(), *a.outlet) == outlets.end()) {
      outlets.push_back(*a.outlet);
    }
    if (a.published) {
      if (!first_published || *a.published < *first_published) first_published = a.published;
      if (!last_published || *a.published > *last_published) last_published = a.published;
    }
  }
};

class SqliteStore : public Store {
 public:
  SqliteStore(std::string path, const StoreOptions& options) : path_(std::move(path)), options_(options) {}
  ~SqliteStore() override {
    StopIndexer();
    if (checkpointer_.joinable()) {
      {
        std::lock_guard<std::mutex> lock(checkpoint_mu_);
        stopping_ = true;
        checkpoint_cv_.notify_one();
      }
      checkpointer_.join();
    }
    if (checkpoint_db_) sqlite3_close_v2(checkpoint_db_);
    write_.clear();
    readers_.clear();
    if (db_) sqlite3_close_v2(db_);
  }

  Status Init();

  Result<IngestResult> Ingest(std::vector<Article> batch) override;
  Result<std::vector<StoryRow>> ListStories(const StoryQuery& query) override;
  Result<std::optional<StoryRow>> GetStory(const std::string& story_id) override;
  Result<std::optional<StoredArticle>> GetArticle(const std::string& article_id) override;
  Result<std::optional<std::string>> BriefingJson(const std::string& story_id) override;
  Result<std::vector<ArticleChange>> StoryChanges(const std::string& story_id) override;
  Result<StoreStats> Stats() override;
  Result<std::vector<std::string>> CheckIntegrity() override;
  Status ForEachArticleId(const std::function<void(std::string_view)>& fn) override;
  Status WaitForIndex() override;

 private:
  using BriefingPtr = std::shared_ptr<const std::string>;
  struct InFlight {
    int64_t version;
    std::shared_future<Result<BriefingPtr>> result;
  };

  Status OpenConnection(sqlite3** db, bool read_only);
  Status CreateOrCheckSchema();
  Status Configure(sqlite3* db, bool writer);

  // Write connection statements (write_mu_ held).
  Result<Statement*> W(const char* sql);
  // Read pool.
  Result<std::unique_ptr<ReadConn>> AcquireReader();
  void ReleaseReader(std::unique_ptr<ReadConn> conn);
  Result<Statement*> R(ReadConn& conn, const std::string& sql);

  // Encodes, pre-checks and fingerprints a batch on up to options_.threads threads.
  void PrepareBatch(std::vector<Prepared>& items);
  fingerprint::RawFingerprint Fingerprint(const Article& a);

  // Write phase of Ingest, inside the transaction (write_mu_ held).
  Status WriteBatch(std::vector<Prepared>& items, IngestResult* result);
  Status IndexArticle(int64_t rowid, std::string_view title, std::string_view search_body,
                      std::string_view names);
  Status UnindexArticle(int64_t rowid, const Article& a, std::string_view names);
  Status LoadStory(int64_t id, StoryState* state);
  Status RecomputeStory(int64_t id, StoryState* state);
  Status SaveStory(int64_t id, const StoryState& state, int64_t now);

  // Rebuilds the in-memory clusterer from the stored articles (write_mu_ held).
  Status RestoreClusterer();
  void NewClusterer();

  Result<BriefingPtr> BuildBriefing(int64_t story_id, int64_t version);
  Result<std::optional<StoryRow>> ReadStory(ReadConn& conn, int64_t id);

  const std::string path_;
  StoreOptions options_;
  sqlite3* db_ = nullptr;  // the write connection

  std::mutex write_mu_;
  std::unordered_map<const char*, std::unique_ptr<Statement>> write_;  // by SQL text address
  std::unique_ptr<cluster::StoryClusterer> clusterer_;  // null until the first Ingest
  std::unordered_map<uint64_t, int64_t> cluster_to_store_;  // clusterer story -> stored story
  int64_t next_story_id_ = 1;
  size_t search_body_bytes_ = 0;  // as stored in meta when the file was made

  std::mutex readers_mu_;
  std::vector<std::unique_ptr<ReadConn>> readers_;

  std::mutex fingerprinters_mu_;
  std::vector<std::unique_ptr<fingerprint::Fingerprinter>> fingerprinters_;

  std::mutex cache_mu_;
  std::unordered_map<int64_t, std::pair<int64_t, BriefingPtr>> cache_;  // story -> (version, json)
  std::unordered_map<int64_t, InFlight> building_;

  std::once_flag tagger_once_;
  std::unique_ptr<extract::EntityTagger> tagger_;

  // Background checkpoints: the write connection's WAL hook wakes the
  // checkpointer once the WAL holds kCheckpointFrames pages.
  static int OnWalCommit(void* self, sqlite3* db, const char* name, int frames);
  void CheckpointLoop();

  // Background text indexing (see the top of this file). IndexPending
  // indexes up to `max_rows` committed rows past indexed_rowid_ in one
  // transaction (write_mu_ held); the loop runs it whenever Ingest commits.
  Status IndexPending(size_t max_rows, bool* more);
  void IndexLoop();
  void StopIndexer();
  std::thread indexer_;
  std::mutex index_mu_;
  std::condition_variable index_cv_;       // wakes the indexer
  std::condition_variable index_done_cv_;  // wakes WaitForIndex callers
  bool index_wanted_ = false;
  bool index_stopping_ = false;
  Status index_error_;  // the indexer's last failure (index_mu_)
  // Under write_mu_ (writer's view), mirrored under index_mu_ for waiters.
  int64_t indexed_rowid_ = 0;
  int64_t committed_rowid_ = 0;
  int64_t batch_max_rowid_ = 0;  // rows the open Ingest transaction inserted
  int64_t published_indexed_ = 0, published_committed_ = 0;  // index_mu_

  sqlite3* checkpoint_db_ = nullptr;
  std::thread checkpointer_;
  std::mutex checkpoint_mu_;
  std::condition_variable checkpoint_cv_;
  bool checkpoint_wanted_ = false;
  bool stopping_ = false;
};

// ~16 MB of WAL between checkpoints (the default, 1,000 pages, checkpoints
// after every few batches). Under steady ingest the checkpointer never
// catches the writer's last frames, so the WAL is never restarted: past
// kInlineCheckpointFrames (64 MB) the writer checkpoints itself, between
// its own transactions, which copies only what the checkpointer has not,
// and lets the next transaction restart the WAL from its start.
constexpr int kCheckpointFrames = 4000;
constexpr int kInlineCheckpointFrames = 16000;

int SqliteStore::OnWalCommit(void* self, sqlite3* db, const char* name, int frames) {
  auto* store = static_cast<SqliteStore*>(self);
  if (frames >= kInlineCheckpointFrames) {
    sqlite3_wal_checkpoint_v2(db, name, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
  } else if (frames >= kCheckpointFrames) {
    std::lock_guard<std::mutex> lock(store->checkpoint_mu_);
    store->checkpoint_wanted_ = true;
    store->checkpoint_cv_.notify_one();
  }
  return SQLITE_OK;
}

void SqliteStore::CheckpointLoop() {
  std::unique_lock<std::mutex> lock(checkpoint_mu_);
  while (true) {
    checkpoint_cv_.wait(lock, [&] { return checkpoint_wanted_ || stopping_; });
    if (stopping_) return;
    checkpoint_wanted_ = false;
    lock.unlock();
    // PASSIVE: copies what no reader still needs and never blocks anyone.
    sqlite3_wal_checkpoint_v2(checkpoint_db_, "main", SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    lock.lock();
  }
}

// Returns a pooled read connection when it goes out of scope.
class ReaderLease {
 public:
  ReaderLease(std::function<void(std::unique_ptr<ReadConn>)> release, std::unique_ptr<ReadConn> conn)
      : release_(std::move(release)), conn_(std::move(conn)) {}
  ~ReaderLease() {
    if (conn_) release_(std::move(conn_));
  }
  ReadConn& operator*() { return *conn_; }

 private:
  std::function<void(std::unique_ptr<ReadConn>)> release_;
  std::unique_ptr<ReadConn> conn_;
};

#define NF_ASSIGN_STMT(var, expr)          \
  Statement* var = nullptr;                \
  {                                        \
    auto nf_r_ = (expr);                   \
    if (!nf_r_.ok()) return nf_r_.status(); \
    var = *nf_r_;                          \
  }

Status SqliteStore::OpenConnection(sqlite3** db, bool read_only) {
  const int flags = (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
                    SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2(path_.c_str(), db, flags, nullptr) != SQLITE_OK) {
    Status s = SqliteError(*db, path_, "cannot open");
    sqlite3_close_v2(*db);
    *db = nullptr;
    return s;
  }
  sqlite3_extended_result_codes(*db, 1);
  // Another process (a second `ingest`) may hold the write lock for a batch.
  sqlite3_busy_timeout(*db, 10000);
  return Status::Ok();
}

Status SqliteStore::Configure(sqlite3* db, bool writer) {
  if (writer) {
    NEWSFUSE_RETURN_IF_ERROR(Exec(db, path_, "PRAGMA journal_mode=WAL"));
    NEWSFUSE_RETURN_IF_ERROR(
        Exec(db, path_, options_.sync_full ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL"));
    // 64 MB of page cache: the id and hash indexes of a few million
    // articles stay in memory, so duplicate checks do not read the disk.
    NEWSFUSE_RETURN_IF_ERROR(Exec(db, path_, "PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY"));
  } else {
    NEWSFUSE_RETURN_IF_ERROR(Exec(db, path_, "PRAGMA cache_size=-16384; PRAGMA mmap_size=268435456"));
    if (!options_.read_only) NEWSFUSE_RETURN_IF_ERROR(Exec(db, path_, "PRAGMA query_only=1"));
  }
  return Status::Ok();
}

Status SqliteStore::CreateOrCheckSchema() {
  Statement st;
  NEWSFUSE_RETURN_IF_ERROR(st.Prepare(db_, "PRAGMA application_id", path_));
  int64_t app_id = st.Step() == SQLITE_ROW ? st.Int(0) : 0;
  st.Reset();
  // A file that is not an SQLite database fails here, at the first read.
  NEWSFUSE_RETURN_IF_ERROR(st.Prepare(db_, "PRAGMA user_version", path_));
  const int rc = st.Step();
  if (rc != SQLITE_ROW) {
    return Status::InvalidArgument(path_, "not a newsfuse store (" + std::string(sqlite3_errmsg(db_)) + ")");
  }
  const int64_t version = st.Int(0);
  st.Reset();
  NEWSFUSE_RETURN_IF_ERROR(st.Prepare(db_, "SELECT count(*) FROM sqlite_master", path_));
  const int64_t objects = st.Step() == SQLITE_ROW ? st.Int(0) : 0;
  st.Reset();

  if (app_id == 0 && objects == 0) {
    if (options_.read_only || options_.must_exist) {
      return Status::NotFound(path_, "not a newsfuse store (empty database)");
    }
    NEWSFUSE_RETURN_IF_ERROR(Exec(db_, path_, "BEGIN IMMEDIATE"));
    Status s = Exec(db_, path_, kSchema);
    if (s.ok()) {
      char sql[160];
      std::snprintf(sql, sizeof sql,
                    "PRAGMA application_id=%d; PRAGMA user_version=%d; "
                    "INSERT INTO meta VALUES('search_body_bytes', %zu); "
                    "INSERT INTO meta VALUES('indexed_rowid', 0)",
                    kApplicationId, kSchemaVersion, options_.search_body_bytes);
      s = Exec(db_, path_, sql);
    }
    if (s.ok()) s = Exec(db_, path_, "COMMIT");
    if (!s.ok()) {
      Exec(db_, path_, "ROLLBACK");
      return s;
    }
    search_body_bytes_ = options_.search_body_bytes;
    return Status::Ok();
  }
  if (app_id != kApplicationId) {
    char id[16];
    std::snprintf(id, sizeof id, "0x%08llx", static_cast<unsigned long long>(app_id));
    return Status::InvalidArgument(
        path_, std::string("not a newsfuse store (an SQLite database of another program, application_id ") + id + ")");
  }
  if (version > kSchemaVersion) {
    return Status::FailedPrecondition(path_, "store schema version " + std::to_string(version) +
                                                 " is newer than this newsfuse reads (" +
                                                 std::to_string(kSchemaVersion) + ")");
  }
  NEWSFUSE_RETURN_IF_ERROR(st.Prepare(db_, "SELECT value FROM meta WHERE key='search_body_bytes'", path_));
  search_body_bytes_ = st.Step() == SQLITE_ROW ? static_cast<size_t>(st.Int(0)) : options_.search_body_bytes;
  st.Reset();
  // A file written before indexing moved to the background indexed every
  // row in its batch: no indexed_rowid means all rows are indexed.
  NEWSFUSE_RETURN_IF_ERROR(st.Prepare(
      db_, "SELECT coalesce((SELECT value FROM meta WHERE key='indexed_rowid'), (SELECT max(rowid) FROM articles), 0), "
           "(SELECT coalesce(max(rowid), 0) FROM articles)", path_));
  if (st.Step() == SQLITE_ROW) {
    indexed_rowid_ = st.Int(0);
    committed_rowid_ = st.Int(1);
  }
  st.Reset();
  return Status::Ok();
}

Status SqliteStore::Init() {
  struct stat info;
  const bool exists = ::stat(path_.c_str(), &info) == 0;
  if (!exists && (options_.must_exist || options_.read_only)) {
    return Status::NotFound(path_, "no such store");
  }
  if (exists && S_ISDIR(info.st_mode)) return Status::InvalidArgument(path_, "is a folder, not a store");
  if (exists && info.st_size > 0) {
    // Say "not a store" before SQLite says "file is not a database" in the
    // middle of some statement.
    char head[16] = {};
    std::FILE* f = std::fopen(path_.c_str(), "rb");
    if (f == nullptr) return Status::Unavailable(path_, "cannot read");
    const size_t n = std::fread(head, 1, sizeof head, f);
    std::fclose(f);
    if (n < sizeof head || std::string_view(head, sizeof head) != std::string_view("SQLite format 3\0", 16)) {
      return Status::InvalidArgument(path_, "not a newsfuse store (not an SQLite database)");
    }
  }
  NEWSFUSE_RETURN_IF_ERROR(OpenConnection(&db_, options_.read_only));
  NEWSFUSE_RETURN_IF_ERROR(CreateOrCheckSchema());
  if (!options_.read_only) NEWSFUSE_RETURN_IF_ERROR(Configure(db_, /*writer=*/true));
  std::lock_guard<std::mutex> lock(write_mu_);
  if (!options_.read_only) {
    // The clusterer is restored at the first Ingest, not here: a process
    // that only reads (`newsfuse stories`) should not replay the window.
    NEWSFUSE_RETURN_IF_ERROR(OpenConnection(&checkpoint_db_, false));
    // A connection that has read nothing yet has not opened the WAL, and a
    // checkpoint through it is a silent no-op (log and checkpointed frames
    // both -1): the WAL then grew to kInlineCheckpointFrames and the writer
    // stalled on one big checkpoint. One read puts it in WAL mode.
    NEWSFUSE_RETURN_IF_ERROR(Exec(checkpoint_db_, path_, "SELECT count(*) FROM sqlite_master"));
    sqlite3_wal_hook(db_, &SqliteStore::OnWalCommit, this);  // replaces wal_autocheckpoint
    checkpointer_ = std::thread([this] { CheckpointLoop(); });
  }
  {
    std::lock_guard<std::mutex> index_lock(index_mu_);
    published_indexed_ = indexed_rowid_;
    published_committed_ = committed_rowid_;
    // Rows a killed process committed but did not index: indexed now.
    index_wanted_ = committed_rowid_ > indexed_rowid_;
  }
  if (!options_.read_only) indexer_ = std::thread([this] { IndexLoop(); });
  return Status::Ok();
}

// ---------------------------------------------------------------- text index

// Rows per indexer transaction: large enough that FTS5 flushes big segments,
// small enough that an Ingest waiting for write_mu_ waits tens of ms at most.
constexpr size_t kIndexChunkRows = 2000;

Status SqliteStore::IndexPending(size_t max_rows, bool* more) {
  *more = false;
  if (committed_rowid_ <= indexed_rowid_) return Status::Ok();
  NF_ASSIGN_STMT(rows, W("SELECT rowid, title, body, names FROM articles WHERE rowid > ? ORDER BY rowid LIMIT ?"));
  NF_ASSIGN_STMT(mark, W("INSERT INTO meta(key, value) VALUES('indexed_rowid', ?) "
                         "ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
  NEWSFUSE_RETURN_IF_ERROR(Exec(db_, path_, "BEGIN IMMEDIATE"));
  int64_t last = indexed_rowid_;
  size_t n = 0;
  Status s;
  rows->BindInt(1, indexed_rowid_);
  rows->BindInt(2, static_cast<int64_t>(max_rows));
  int rc;
  while ((rc = rows->Step()) == SQLITE_ROW) {
    last = rows->Int(0);
    ++n;
    s = IndexArticle(last, rows->Text(1), SearchPrefix(rows->Text(2), search_body_bytes_), rows->Text(3));
    if (!s.ok()) break;
  }
  if (s.ok() && rc != SQLITE_ROW && rc != SQLITE_DONE) s = rows->Error("read rows to index");
  rows->Reset();
  if (s.ok() && last > indexed_rowid_) {
    mark->BindInt(1, last);
    s = mark->Run();
  }
  if (s.ok()) s = Exec(db_, path_, "COMMIT");
  if (!s.ok()) {
    Exec(db_, path_, "ROLLBACK");
    return s;
  }
  indexed_rowid_ = last;
  // committed_rowid_ may lag another process's rows; what we read is truth.
  if (n < max_rows && committed_rowid_ < last) committed_rowid_ = last;
  *more = n == max_rows;
  return Status::Ok();
}

void SqliteStore::IndexLoop() {
  std::unique_lock<std::mutex> lock(index_mu_);
  while (true) {
    index_cv_.wait(lock, [&] { return index_wanted_ || index_stopping_; });
    const bool stopping = index_stopping_;
    index_wanted_ = false;
    lock.unlock();
    if (!stopping) {
      // Lets a few more batches commit, so that one transaction indexes them
      // all: search lags ingest by about this much.
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    Status s;
    bool more = true;
    while (more && s.ok()) {
      std::lock_guard<std::mutex> write_lock(write_mu_);
      s = IndexPending(kIndexChunkRows, &more);
      std::lock_guard<std::mutex> index_lock(index_mu_);
      published_indexed_ = indexed_rowid_;
      published_committed_ = std::max(published_committed_, committed_rowid_);
      if (!s.ok()) index_error_ = s;
      index_done_cv_.notify_all();
    }
    lock.lock();
    // A stop asked during a pass gets one more, which drains what is left.
    if (stopping) return;
  }
}

void SqliteStore::StopIndexer() {
  if (!indexer_.joinable()) return;
  {
    std::lock_guard<std::mutex> lock(index_mu_);
    index_stopping_ = true;
    index_cv_.notify_one();
  }
  indexer_.join();
}

Status SqliteStore::WaitForIndex() {
  if (options_.read_only || !indexer_.joinable()) return Status::Ok();
  std::unique_lock<std::mutex> lock(index_mu_);
  const int64_t target = published_committed_;
  if (published_indexed_ >= target) return Status::Ok();
  index_error_ = Status::Ok();
  index_wanted_ = true;
  index_cv_.notify_one();
  index_done_cv_.wait(lock, [&] { return published_indexed_ >= target || !index_error_.ok(); });
  return index_error_;
}

Result<Statement*> SqliteStore::W(const char* sql) {
  auto& slot = write_[sql];
  if (!slot) {
    auto st = std::make_unique<Statement>();
    NEWSFUSE_RETURN_IF_ERROR(st->Prepare(db_, sql, path_));
    slot = std::move(st);
  }
  return slot.get();
}

Result<std::unique_ptr<ReadConn>> SqliteStore::AcquireReader() {
  {
    std::lock_guard<std::mutex> lock(readers_mu_);
    if (!readers_.empty()) {
      auto conn = std::move(readers_.back());
      readers_.pop_back();
      return conn;
    }
  }
  auto conn = std::make_unique<ReadConn>();
  NEWSFUSE_RETURN_IF_ERROR(OpenConnection(&conn->db, options_.read_only));
  NEWSFUSE_RETURN_IF_ERROR(Configure(conn->db, /*writer=*/false));
  return conn;
}

void SqliteStore::ReleaseReader(std::unique_ptr<ReadConn> conn) {
  std::lock_guard<std::mutex> lock(readers_mu_);
  if (readers_.size() < kMaxIdleReaders) readers_.push_back(std::move(conn));
}

Result<Statement*> SqliteStore::R(ReadConn& conn, const std::string& sql) {
  auto& slot = conn.statements[sql];
  if (!slot) {
    auto st = std::make_unique<Statement>();
    NEWSFUSE_RETURN_IF_ERROR(st->Prepare(conn.db, sql, path_));
    slot = std::move(st);
  }
  return slot.get();
}

#define NF_LEASE(lease)                                                          \
  auto lease##_r = AcquireReader();                                              \
  if (!lease##_r.ok()) return lease##_r.status();                                \
  ReaderLease lease([this](std::unique_ptr<ReadConn> c) { ReleaseReader(std::move(c)); }, \
                    std::move(*lease##_r))

// ---------------------------------------------------------------- clustering

void SqliteStore::NewClusterer() {
  clusterer_ = std::make_unique<cluster::StoryClusterer>(options_.cluster);
  cluster_to_store_.clear();
  // A frozen story never receives another article: forget its mapping, so
  // that the map stays as small as the clusterer's window.
  clusterer_->set_on_frozen([this](cluster::FrozenStory&& story) { cluster_to_store_.erase(story.id); });
  // A story merged into another as it left the window gets no more articles
  // either (new ones join the other). Its stored story stays as it was: the
  // articles already served under its id are not moved.
  clusterer_->set_on_merged([this](uint64_t story, uint64_t) { cluster_to_store_.erase(story); });
}

fingerprint::RawFingerprint SqliteStore::Fingerprint(const Article& a) {
  std::unique_ptr<fingerprint::Fingerprinter> fp;
  {
    std::lock_guard<std::mutex> lock(fingerprinters_mu_);
    if (!fingerprinters_.empty()) {
      fp = std::move(fingerprinters_.back());
      fingerprinters_.pop_back();
    }
  }
  if (!fp) fp = std::make_unique<fingerprint::Fingerprinter>(options_.cluster.fingerprint);
  fingerprint::RawFingerprint raw = fp->Extract(a);
  std::lock_guard<std::mutex> lock(fingerprinters_mu_);
  fingerprinters_.push_back(std::move(fp));
  return raw;
}

// Runs fn(i) for i in [0, n) on up to `threads` threads (the caller is one).
void ParallelFor(size_t n, unsigned threads, const std::function<void(size_t)>& fn) {
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  // Below ~16 items per thread, starting a thread costs more than it saves.
  const size_t workers = std::min<size_t>(threads, std::max<size_t>(1, n / 16));
  if (workers <= 1) {
    for (size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i; (i = next.fetch_add(1)) < n;) fn(i);
  };
  std::vector<std::thread> pool;
  for (size_t t = 1; t < workers; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
}

Status SqliteStore::RestoreClusterer() {
  NewClusterer();
  NF_ASSIGN_STMT(max_story, W("SELECT coalesce(max(id), 0) FROM stories"));
  next_story_id_ = (max_story->Step() == SQLITE_ROW ? max_story->Int(0) : 0) + 1;
  max_story->Reset();

  NF_ASSIGN_STMT(max_row, W("SELECT coalesce(max(rowid), 0) FROM articles"));
  const int64_t last = max_row->Step() == SQLITE_ROW ? max_row->Int(0) : 0;
  max_row->Reset();
  const int64_t first = last - static_cast<int64_t>(options_.replay_max_articles);

  // Replays in chunks: rows are decoded on this thread, fingerprinted on
  // all, and assigned in ingest order, as Ingest did.
  static const std::string sql = std::string("SELECT ") + kArticleColumns +
                                 " FROM articles WHERE rowid > ? ORDER BY rowid LIMIT 4096";
  NF_ASSIGN_STMT(rows, W(sql.c_str()));
  int64_t after = first;
  std::vector<Article> chunk;
  std::vector<int64_t> stories;
  while (true) {
    chunk.clear();
    stories.clear();
    rows->BindInt(1, after);
    int rc;
    while ((rc = rows->Step()) == SQLITE_ROW) {
      Article a;
      int64_t story = 0, rowid = 0;
      Status s = ReadArticleRow(*rows, &a, &story, nullptr, &rowid, nullptr);
      if (!s.ok()) {
        rows->Reset();
        return s;
      }
      after = rowid;
      chunk.push_back(std::move(a));
      stories.push_back(story);
    }
    rows->Reset();
    if (rc != SQLITE_DONE) return rows->Error("replay");
    if (chunk.empty()) break;
    std::vector<fingerprint::RawFingerprint> raws(chunk.size());
    ParallelFor(chunk.size(), options_.threads, [&](size_t i) { raws[i] = Fingerprint(chunk[i]); });
    for (size_t i = 0; i < chunk.size(); ++i) {
      const cluster::Assignment a = clusterer_->AssignFingerprint(chunk[i], std::move(raws[i]));
      // The first stored story seen for a clusterer story names it; the
      // clusterer may group the replay a little differently from the first
      // run (document frequencies start afresh), so later members of another
      // stored story keep their own and only new articles follow the map.
      cluster_to_store_.try_emplace(a.story_id, stories[i]);
    }
  }
  return Status::Ok();
}

// ---------------------------------------------------------------- ingest

void SqliteStore::PrepareBatch(std::vector<Prepared>& items) {
  // Ids already stored need no fingerprint (unchanged, or a correction that
  // keeps its story): look them up on a read connection first, so that
  // re-ingesting a file costs little more than reading it.
  std::vector<char> stored(items.size(), 0);
  {
    auto conn = AcquireReader();
    if (conn.ok()) {
      auto st = R(**conn, "SELECT 1 FROM articles WHERE id = ?");
      if (st.ok()) {
        for (size_t i = 0; i < items.size(); ++i) {
          (*st)->BindText(1, items[i].article.id);
          stored[i] = (*st)->Step() == SQLITE_ROW;
          (*st)->Reset();
        }
      }
      ReleaseReader(std::move(*conn));
    }
  }
  ParallelFor(items.size(), options_.threads, [&](size_t i) {
    items[i].enc = EncodeArticle(items[i].article, search_body_bytes_);
    if (!stored[i]) items[i].raw = Fingerprint(items[i].article);
  });
}

Result<IngestResult> SqliteStore::Ingest(std::vector<Article> batch) {
  if (options_.read_only) return Status::FailedPrecondition(path_, "store opened read-only");
  std::vector<Prepared> items(batch.size());
  for (size_t i = 0; i < batch.size(); ++i) items[i].article = std::move(batch[i]);
  PrepareBatch(items);

  std::lock_guard<std::mutex> lock(write_mu_);
  if (!clusterer_) NEWSFUSE_RETURN_IF_ERROR(RestoreClusterer());
  IngestResult result;
  result.articles.reserve(items.size());
  batch_max_rowid_ = 0;
  NEWSFUSE_RETURN_IF_ERROR(Exec(db_, path_, "BEGIN IMMEDIATE"));
  Status s = WriteBatch(items, &result);
  if (s.ok()) s = Exec(db_, path_, "COMMIT");
  if (!s.ok()) {
    Exec(db_, path_, "ROLLBACK");
    // The clusterer saw articles that are not stored: rebuilt from what is
    // at the next Ingest.
    clusterer_.reset();
    return s;
  }
  if (batch_max_rowid_ > committed_rowid_) committed_rowid_ = batch_max_rowid_;
  if (result.inserted > 0) {
    std::lock_guard<std::mutex> index_lock(index_mu_);
    published_committed_ = std::max(published_committed_, committed_rowid_);
    index_wanted_ = true;
    index_cv_.notify_one();
  }
  return result;
}

Status SqliteStore::IndexArticle(int64_t rowid, std::string_view title, std::string_view search_body,
                                 std::string_view names) {
  NF_ASSIGN_STMT(text, W("INSERT INTO article_text(rowid, title, body) VALUES(?, ?, ?)"));
  text->BindInt(1, rowid);
  text->BindTextStatic(2, title);
  text->BindTextStatic(3, search_body);
  NEWSFUSE_RETURN_IF_ERROR(text->Run());
  if (names.empty()) return Status::Ok();
  NF_ASSIGN_STMT(st, W("INSERT INTO article_names(rowid, names) VALUES(?, ?)"));
  st->BindInt(1, rowid);
  st->BindTextStatic(2, names);
  return st->Run();
}

Status SqliteStore::UnindexArticle(int64_t rowid, const Article& a, std::string_view names) {
  // Contentless FTS5 tables forget a row only when told the exact values it
  // was indexed with: the title and body prefix follow from the stored row
  // (search_body_bytes is fixed per file), the names were stored as indexed.
  const EncodedArticle e = EncodeArticle(a, search_body_bytes_);
  NF_ASSIGN_STMT(text, W("INSERT INTO article_text(article_text, rowid, title, body) VALUES('delete', ?, ?, ?)"));
  text->BindInt(1, rowid);
  text->BindTextStatic(2, a.title ? std::string_view(*a.title) : std::string_view());
  text->BindTextStatic(3, e.search_body);
  NEWSFUSE_RETURN_IF_ERROR(text->Run());
  if (names.empty()) return Status::Ok();
  NF_ASSIGN_STMT(del, W("INSERT INTO article_names(article_names, rowid, names) VALUES('delete', ?, ?)"));
  del->BindInt(1, rowid);
  del->BindTextStatic(2, names);
  return del->Run();
}

Status SqliteStore::LoadStory(int64_t id, StoryState* state) {
  NF_ASSIGN_STMT(st, W("SELECT headline, article_count, outlets, first_published, last_published, version "
                       "FROM stories WHERE id = ?"));
  st->BindInt(1, id);
  const int rc = st->Step();
  if (rc == SQLITE_ROW) {
    state->exists = true;
    state->headline = std::string(st->Text(0));
    state->count = st->Int(1);
    state->outlets = SplitOutlets(st->Text(2));
    state->first_published = st->OptionalText(3);
    state->last_published = st->OptionalText(4);
    state->version = st->Int(5);
  }
  Status s = rc == SQLITE_ROW || rc == SQLITE_DONE ? Status::Ok() : st->Error("read story");
  st->Reset();
  return s;
}

Status SqliteStore::RecomputeStory(int64_t id, StoryState* state) {
  NF_ASSIGN_STMT(st, W("SELECT title, outlet, published FROM articles WHERE story_id = ? ORDER BY rowid"));
  StoryState fresh;
  fresh.exists = state->exists;
  fresh.version = state->version;
  st->BindInt(1, id);
  int rc;
  Article a;
  while ((rc = st->Step()) == SQLITE_ROW) {
    a.title = st->OptionalText(0);
    a.outlet = st->OptionalText(1);
    a.published = st->OptionalText(2);
    fresh.Add(a);
  }
  Status s = rc == SQLITE_DONE ? Status::Ok() : st->Error("read story members");
  st->Reset();
  *state = std::move(fresh);
  return s;
}

Status SqliteStore::SaveStory(int64_t id, const StoryState& state, int64_t now) {
  NF_ASSIGN_STMT(st, W("INSERT INTO stories(id, headline, article_count, outlets, first_published, "
                       "last_published, updated, version) VALUES(?, ?, ?, ?, ?, ?, ?, ?) "
                       "ON CONFLICT(id) DO UPDATE SET headline = excluded.headline, "
                       "article_count = excluded.article_count, outlets = excluded.outlets, "
                       "first_published = excluded.first_published, last_published = excluded.last_published, "
                       "updated = excluded.updated, version = excluded.version"));
  st->BindInt(1, id);
  st->BindText(2, state.headline);
  st->BindInt(3, state.count);
  st->BindText(4, JoinOutlets(state.outlets));
  st->BindOptional(5, state.first_published);
  st->BindOptional(6, state.last_published);
  st->BindInt(7, now);
  st->BindInt(8, state.version + 1);
  return st->Run();
}

Status SqliteStore::WriteBatch(std::vector<Prepared>& items, IngestResult* result) {
  const int64_t now = NowUnix();
  std::unordered_map<int64_t, StoryState> touched;
  auto touch = [&](int64_t story) -> Result<StoryState*> {
    auto [it, fresh] = touched.try_emplace(story);
    if (fresh) NEWSFUSE_RETURN_IF_ERROR(LoadStory(story, &it->second));
    return &it->second;
  };

  NF_ASSIGN_STMT(by_id, W("SELECT rowid, record_hash, story_id FROM articles WHERE id = ?"));
  NF_ASSIGN_STMT(by_body, W("SELECT id, story_id FROM articles WHERE body_hash = ? AND body = ? LIMIT 1"));
  static const std::string full_sql = std::string("SELECT ") + kArticleColumns + " FROM articles WHERE rowid = ?";
  NF_ASSIGN_STMT(full, W(full_sql.c_str()));
  NF_ASSIGN_STMT(insert, W("INSERT INTO articles(id, body_hash, record_hash, outlet, url, title, subtitle, "
                           "published, language, origin, body, layout, dropped, names, story_id, ingested) "
                           "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  NF_ASSIGN_STMT(update, W("UPDATE articles SET body_hash = ?, record_hash = ?, outlet = ?, url = ?, "
                           "title = ?, subtitle = ?, published = ?, language = ?, origin = ?, "
                           "body = ?, layout = ?, dropped = ?, names = ?, ingested = ? WHERE rowid = ?"));
  NF_ASSIGN_STMT(change, W("INSERT INTO article_changes(article_id, story_id, at, field, before, after) "
                           "VALUES(?, ?, ?, ?, ?, ?)"));

  auto bind_fields = [](Statement* st, int first, const Prepared& p) {
    const Article& a = p.article;
    st->BindInt(first, static_cast<int64_t>(p.enc.body_hash));
    st->BindInt(first + 1, static_cast<int64_t>(p.enc.record_hash));
    st->BindOptional(first + 2, a.outlet);
    st->BindOptional(first + 3, a.url);
    st->BindOptional(first + 4, a.title);
    st->BindOptional(first + 5, a.subtitle);
    st->BindOptional(first + 6, a.published);
    st->BindOptional(first + 7, a.language);
    st->BindTextStatic(first + 8, a.origin);
    st->BindTextStatic(first + 9, p.enc.body);
    st->BindTextStatic(first + 10, p.enc.layout);
    st->BindTextStatic(first + 11, p.enc.dropped_json);
    st->BindTextStatic(first + 12, p.enc.names);
  };

  for (Prepared& p : items) {
    const Article& a = p.article;
    ArticleOutcome out;
    out.id = a.id;

    by_id->BindText(1, a.id);
    int rc = by_id->Step();
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
      Status s = by_id->Error("look up article");
      by_id->Reset();
      return s;
    }
    const bool found = rc == SQLITE_ROW;
    const int64_t old_rowid = found ? by_id->Int(0) : 0;
    const uint64_t old_hash = found ? static_cast<uint64_t>(by_id->Int(1)) : 0;
    const int64_t old_story = found ? by_id->Int(2) : 0;
    by_id->Reset();

    if (found && old_hash == p.enc.record_hash) {
      out.outcome = IngestOutcome::kUnchanged;
      out.story_id = StoryIdString(old_story);
      ++result->unchanged;
    } else if (found) {
      // A correction: the article keeps its row (so its place in ingest
      // order) and its story; what changed is recorded.
      Article old;
      std::string old_names;
      full->BindInt(1, old_rowid);
      Status s = full->Step() == SQLITE_ROW ? ReadArticleRow(*full, &old, nullptr, nullptr, nullptr, &old_names)
                                            : full->Error("read corrected article");
      full->Reset();
      NEWSFUSE_RETURN_IF_ERROR(s);
      // A row the indexer has not reached yet is indexed with its new
      // content when it gets there; an indexed one is re-indexed here.
      const bool indexed = old_rowid <= indexed_rowid_;
      if (indexed) NEWSFUSE_RETURN_IF_ERROR(UnindexArticle(old_rowid, old, old_names));
      bind_fields(update, 1, p);
      update->BindInt(14, now);
      update->BindInt(15, old_rowid);
      NEWSFUSE_RETURN_IF_ERROR(update->Run());
      if (indexed) {
        NEWSFUSE_RETURN_IF_ERROR(IndexArticle(old_rowid, a.title ? std::string_view(*a.title) : std::string_view(),
                                              p.enc.search_body, p.enc.names));
      }
      for (const ArticleChange& c : DiffArticles(old, a, now)) {
        change->BindText(1, c.article_id);
        change->BindInt(2, old_story);
        change->BindInt(3, c.at_unix);
        change->BindText(4, c.field);
        change->BindText(5, c.before);
        change->BindText(6, c.after);
        NEWSFUSE_RETURN_IF_ERROR(change->Run());
      }
      auto story = touch(old_story);
      if (!story.ok()) return story.status();
      (*story)->recompute = true;
      out.outcome = IngestOutcome::kUpdated;
      out.story_id = StoryIdString(old_story);
      ++result->updated;
    } else {
      std::optional<std::pair<std::string, int64_t>> copy;
      if (p.enc.body_hash != 0) {
        // The hash finds candidates through its index; the body comparison
        // makes "byte-identical" exact.
        by_body->BindInt(1, static_cast<int64_t>(p.enc.body_hash));
        by_body->BindTextStatic(2, p.enc.body);
        rc = by_body->Step();
        if (rc == SQLITE_ROW) copy.emplace(std::string(by_body->Text(0)), by_body->Int(1));
        Status s = rc == SQLITE_ROW || rc == SQLITE_DONE ? Status::Ok() : by_body->Error("look up body");
        by_body->Reset();
        NEWSFUSE_RETURN_IF_ERROR(s);
      }
      if (copy) {
        out.outcome = IngestOutcome::kDuplicateContent;
        out.duplicate_of = copy->first;
        out.story_id = StoryIdString(copy->second);
        ++result->duplicates;
      } else {
        if (!p.raw) p.raw = Fingerprint(a);  // stored when pre-checked, gone since
        const cluster::Assignment asg = clusterer_->AssignFingerprint(a, std::move(*p.raw));
        p.raw.reset();
        auto [it, opened] = cluster_to_store_.try_emplace(asg.story_id, 0);
        if (opened) it->second = next_story_id_++;
        const int64_t story_id = it->second;

        insert->BindTextStatic(1, a.id);
        bind_fields(insert, 2, p);
        insert->BindInt(15, story_id);
        insert->BindInt(16, now);
        NEWSFUSE_RETURN_IF_ERROR(insert->Run());
        batch_max_rowid_ = std::max<int64_t>(batch_max_rowid_, sqlite3_last_insert_rowid(db_));
        auto story = touch(story_id);
        if (!story.ok()) return story.status();
        (*story)->Add(a);
        out.outcome = IngestOutcome::kInserted;
        out.story_id = StoryIdString(story_id);
        ++result->inserted;
      }
    }
    result->articles.push_back(std::move(out));
  }

  for (auto& [id, state] : touched) {
    if (state.recompute) NEWSFUSE_RETURN_IF_ERROR(RecomputeStory(id, &state));
    NEWSFUSE_RETURN_IF_ERROR(SaveStory(id, state, now));
  }
  return Status::Ok();
}

// ---------------------------------------------------------------- reads

constexpr const char* kStoryColumns =
    "s.id, s.headline, s.article_count, s.outlets, s.first_published, s.last_published, s.updated";

StoryRow ReadStoryRow(const Statement& st) {
  StoryRow row;
  row.id = StoryIdString(st.Int(0));
  row.headline = std::string(st.Text(1));
  row.article_count = static_cast<size_t>(st.Int(2));
  row.outlets = SplitOutlets(st.Text(3));
  row.first_published = st.OptionalText(4);
  row.last_published = st.OptionalText(5);
  row.updated_unix = st.Int(6);
  return row;
}

Result<std::vector<StoryRow>> SqliteStore::ListStories(const StoryQuery& query) {
  std::string text_query = TextQuery(query.text);
  std::string name = NameToken(query.entity);
  if ((!query.text.empty() && text_query.empty()) || (!query.entity.empty() && name.empty())) {
    return std::vector<StoryRow>{};  // asked for words or a name with no word in it: nothing matches
  }
  // A search sees every article acknowledged before it began.
  if (!text_query.empty() || !name.empty()) NEWSFUSE_RETURN_IF_ERROR(WaitForIndex());
  // One statement per combination of filters and order, prepared once per
  // read connection.
  std::string sql = "SELECT ";
  sql += kStoryColumns;
  sql += " FROM stories s";
  std::vector<std::string> sets;
  if (!text_query.empty()) {
    sets.push_back("SELECT a.story_id FROM article_text t JOIN articles a ON a.rowid = t.rowid "
                   "WHERE article_text MATCH ?");
  }
  if (!name.empty()) {
    sets.push_back("SELECT a.story_id FROM article_names n JOIN articles a ON a.rowid = n.rowid "
                   "WHERE article_names MATCH ?");
  }
  if (!sets.empty()) {
    sql += " WHERE s.id IN (" + sets[0];
    if (sets.size() > 1) sql += " INTERSECT " + sets[1];
    sql += ")";
  }
  sql += query.sort == StorySort::kLargest ? " ORDER BY s.article_count DESC, s.last_published DESC, s.id DESC"
                                           : " ORDER BY s.last_published DESC, s.updated DESC, s.id DESC";
  sql += " LIMIT ? OFFSET ?";

  NF_LEASE(conn);
  NF_ASSIGN_STMT(st, R(*conn, sql));
  ResetOnExit reset(*st);
  int i = 1;
  if (!text_query.empty()) st->BindText(i++, text_query);
  if (!name.empty()) st->BindText(i++, "\"" + name + "\"");
  st->BindInt(i++, static_cast<int64_t>(std::min(query.limit, kMaxQueryLimit)));
  st->BindInt(i++, static_cast<int64_t>(query.offset));
  std::vector<StoryRow> rows;
  int rc;
  while ((rc = st->Step()) == SQLITE_ROW) rows.push_back(ReadStoryRow(*st));
  if (rc != SQLITE_DONE) return st->Error("list stories");
  return rows;
}

Result<std::optional<StoryRow>> SqliteStore::ReadStory(ReadConn& conn, int64_t id) {
  static const std::string sql = std::string("SELECT ") + kStoryColumns + " FROM stories s WHERE s.id = ?";
  NF_ASSIGN_STMT(st, R(conn, sql));
  ResetOnExit reset(*st);
  st->BindInt(1, id);
  const int rc = st->Step();
  if (rc == SQLITE_ROW) return std::optional<StoryRow>(ReadStoryRow(*st));
  if (rc != SQLITE_DONE) return st->Error("read story");
  return std::optional<StoryRow>();
}

Result<std::optional<StoryRow>> SqliteStore::GetStory(const std::string& story_id) {
  const std::optional<int64_t> id = ParseStoryId(story_id);
  if (!id) return std::optional<StoryRow>();
  NF_LEASE(conn);
  return ReadStory(*conn, *id);
}

Result<std::optional<StoredArticle>> SqliteStore::GetArticle(const std::string& article_id) {
  NF_LEASE(conn);
  // Both reads in one transaction: the article and its changes agree.
  ReadTransaction read((*conn).db);
  NEWSFUSE_RETURN_IF_ERROR(read.Begin(path_));
  static const std::string sql = std::string("SELECT ") + kArticleColumns + " FROM articles WHERE id = ?";
  NF_ASSIGN_STMT(st, R(*conn, sql));
  StoredArticle out;
  {
    ResetOnExit reset(*st);
    st->BindText(1, article_id);
    const int rc = st->Step();
    if (rc == SQLITE_DONE) return std::optional<StoredArticle>();
    if (rc != SQLITE_ROW) return st->Error("read article");
    int64_t story = 0;
    NEWSFUSE_RETURN_IF_ERROR(ReadArticleRow(*st, &out.article, &story, &out.ingested_unix, nullptr, nullptr));
    out.story_id = StoryIdString(story);
  }
  NF_ASSIGN_STMT(ch, R(*conn, "SELECT at, field, before, after FROM article_changes WHERE article_id = ? ORDER BY seq"));
  ResetOnExit reset(*ch);
  ch->BindText(1, article_id);
  int rc;
  while ((rc = ch->Step()) == SQLITE_ROW) {
    out.changes.push_back({article_id, ch->Int(0), std::string(ch->Text(1)), std::string(ch->Text(2)),
                           std::string(ch->Text(3))});
  }
  if (rc != SQLITE_DONE) return ch->Error("read changes");
  return std::optional<StoredArticle>(std::move(out));
}

Result<std::vector<ArticleChange>> SqliteStore::StoryChanges(const std::string& story_id) {
  std::vector<ArticleChange> out;
  const std::optional<int64_t> id = ParseStoryId(story_id);
  if (!id) return out;
  NF_LEASE(conn);
  NF_ASSIGN_STMT(st, R(*conn, "SELECT article_id, at, field, before, after FROM article_changes "
                               "WHERE story_id = ? ORDER BY seq"));
  ResetOnExit reset(*st);
  st->BindInt(1, *id);
  int rc;
  while ((rc = st->Step()) == SQLITE_ROW) {
    out.push_back({std::string(st->Text(0)), st->Int(1), std::string(st->Text(2)), std::string(st->Text(3)),
                   std::string(st->Text(4))});
  }
  if (rc != SQLITE_DONE) return st->Error("read changes");
  return out;
}

Result<StoreStats> SqliteStore::Stats() {
  NF_LEASE(conn);
  NF_ASSIGN_STMT(st, R(*conn, "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM stories), "
                               "(SELECT count(*) FROM article_changes)"));
  ResetOnExit reset(*st);
  if (st->Step() != SQLITE_ROW) return st->Error("count");
  StoreStats stats;
  stats.articles = static_cast<size_t>(st->Int(0));
  stats.stories = static_cast<size_t>(st->Int(1));
  stats.changes = static_cast<size_t>(st->Int(2));
  return stats;
}

Status SqliteStore::ForEachArticleId(const std::function<void(std::string_view)>& fn) {
  NF_LEASE(conn);
  NF_ASSIGN_STMT(st, R(*conn, "SELECT id FROM articles ORDER BY rowid"));
  ResetOnExit reset(*st);
  int rc;
  while ((rc = st->Step()) == SQLITE_ROW) fn(st->Text(0));
  return rc == SQLITE_DONE ? Status::Ok() : st->Error("list articles");
}

Result<std::vector<std::string>> SqliteStore::CheckIntegrity() {
  std::vector<std::string> problems;
  NEWSFUSE_RETURN_IF_ERROR(WaitForIndex());
  NF_LEASE(conn);
  ReadTransaction read((*conn).db);
  NEWSFUSE_RETURN_IF_ERROR(read.Begin(path_));
  auto collect = [&](const char* sql, const std::function<std::string(const Statement&)>& describe) -> Status {
    NF_ASSIGN_STMT(st, R(*conn, sql));
    ResetOnExit reset(*st);
    int rc;
    while ((rc = st->Step()) == SQLITE_ROW) {
      std::string problem = describe(*st);
      if (!problem.empty()) problems.push_back(std::move(problem));
    }
    return rc == SQLITE_DONE ? Status::Ok() : st->Error("check");
  };
  NEWSFUSE_RETURN_IF_ERROR(collect("PRAGMA integrity_check", [](const Statement& st) {
    return st.Text(0) == "ok" ? std::string() : "sqlite: " + std::string(st.Text(0));
  }));
  NEWSFUSE_RETURN_IF_ERROR(collect(
      "SELECT a.id, a.story_id FROM articles a LEFT JOIN stories s ON s.id = a.story_id WHERE s.id IS NULL LIMIT 20",
      [](const Statement& st) {
        return "article " + std::string(st.Text(0)) + " is in story " + std::to_string(st.Int(1)) +
               ", which does not exist";
      }));
  NEWSFUSE_RETURN_IF_ERROR(collect(
      "SELECT s.id, s.article_count, (SELECT count(*) FROM articles a WHERE a.story_id = s.id) AS n "
      "FROM stories s WHERE n != s.article_count OR n = 0 LIMIT 20",
      [](const Statement& st) {
        return "story " + std::to_string(st.Int(0)) + " records " + std::to_string(st.Int(1)) +
               " article(s) but has " + std::to_string(st.Int(2));
      }));
  NEWSFUSE_RETURN_IF_ERROR(collect(
      "SELECT id, count(*) FROM articles GROUP BY id HAVING count(*) > 1 LIMIT 20", [](const Statement& st) {
        return "article " + std::string(st.Text(0)) + " is stored " + std::to_string(st.Int(1)) + " times";
      }));
  NEWSFUSE_RETURN_IF_ERROR(collect(
      // Rows past indexed_rowid wait for the indexer (a read-only open of a
      // file whose writer was killed): only those before it must be indexed.
      "SELECT (SELECT count(*) FROM articles WHERE rowid <= coalesce((SELECT value FROM meta "
      "WHERE key = 'indexed_rowid'), (SELECT max(rowid) FROM articles), 0)), (SELECT count(*) FROM article_text)",
      [](const Statement& st) {
        return st.Int(0) == st.Int(1) ? std::string()
                                      : "text index holds " + std::to_string(st.Int(1)) + " rows for " +
                                            std::to_string(st.Int(0)) + " articles";
      }));
  return problems;
}

// ---------------------------------------------------------------- briefings

Result<SqliteStore::BriefingPtr> SqliteStore::BuildBriefing(int64_t story_id, int64_t version) {
  std::vector<Article> members;
  {
    NF_LEASE(conn);
    // The most recently published members (undated ones count as oldest),
    // then back in ingest order: the order `brief` reads files in.
    static const std::string sql =
        std::string("SELECT * FROM (SELECT ") + kArticleColumns +
        " FROM articles WHERE story_id = ? ORDER BY published DESC, rowid DESC LIMIT ?) ORDER BY rowid";
    NF_ASSIGN_STMT(st, R(*conn, sql));
    ResetOnExit reset(*st);
    st->BindInt(1, story_id);
    st->BindInt(2, static_cast<int64_t>(std::max<size_t>(1, options_.briefing_max_articles)));
    int rc;
    while ((rc = st->Step()) == SQLITE_ROW) {
      Article a;
      NEWSFUSE_RETURN_IF_ERROR(ReadArticleRow(*st, &a, nullptr, nullptr, nullptr, nullptr));
      members.push_back(std::move(a));
    }
    if (rc != SQLITE_DONE) return st->Error("read story members");
  }
  std::call_once(tagger_once_, [this] {
    // A missing model leaves entities out of briefings, as `brief` does.
    auto tagger = extract::EntityTagger::Load(options_.ner_model.empty() ? extract::EntityTagger::DefaultModelPath()
                                                                         : options_.ner_model);
    if (tagger.ok()) tagger_ = std::move(*tagger);
  });
  extract::AnalysisOptions analysis;
  analysis.tagger = tagger_.get();
  analysis.threads = options_.threads;
  analysis.fallback_anchor = extract::MedianPublicationDate(members);
  const std::vector<extract::ArticleAnalysis> analyses = extract::AnalyzeArticles(members, analysis);
  std::vector<const extract::ArticleAnalysis*> pointers;
  for (const auto& a : analyses) pointers.push_back(&a);
  synthesize::StoryOptions story_options;
  story_options.summary.max_words = options_.summary_words;
  Brief brief;
  brief.stories.push_back(synthesize::BuildStory(StoryIdString(story_id), pointers, story_options));
  auto json = std::make_shared<const std::string>(render::BriefToJson(brief));

  if (!options_.read_only) {
    // Kept only if the story did not change while it was being built.
    std::lock_guard<std::mutex> lock(write_mu_);
    NF_ASSIGN_STMT(st, W("INSERT INTO briefings(story_id, version, built, json) "
                         "SELECT ?1, ?2, ?3, ?4 WHERE (SELECT version FROM stories WHERE id = ?1) = ?2 "
                         "ON CONFLICT(story_id) DO UPDATE SET version = excluded.version, "
                         "built = excluded.built, json = excluded.json"));
    st->BindInt(1, story_id);
    st->BindInt(2, version);
    st->BindInt(3, NowUnix());
    st->BindTextStatic(4, *json);
    NEWSFUSE_RETURN_IF_ERROR(st->Run());
  }
  return json;
}

Result<std::optional<std::string>> SqliteStore::BriefingJson(const std::string& story_id) {
  const std::optional<int64_t> id = ParseStoryId(story_id);
  if (!id) return std::optional<std::string>();
  int64_t version = 0;
  {
    NF_LEASE(conn);
    // The versions alone first: a result row holds every column it names,
    // so asking for the stored JSON here would read its overflow pages
    // (hundreds of KB for a large story) on every GET, cached or not.
    NF_ASSIGN_STMT(st, R(*conn, "SELECT s.version, b.version FROM stories s "
                                 "LEFT JOIN briefings b ON b.story_id = s.id WHERE s.id = ?"));
    ResetOnExit reset(*st);
    st->BindInt(1, *id);
    const int rc = st->Step();
    if (rc == SQLITE_DONE) return std::optional<std::string>();
    if (rc != SQLITE_ROW) return st->Error("read briefing");
    version = st->Int(0);
    const bool stored_current = !st->IsNull(1) && st->Int(1) == version;
    {
      std::lock_guard<std::mutex> lock(cache_mu_);
      auto it = cache_.find(*id);
      if (it != cache_.end() && it->second.first == version) return std::optional<std::string>(*it->second.second);
    }
    if (stored_current) {
      NF_ASSIGN_STMT(stored, R(*conn, "SELECT json FROM briefings WHERE story_id = ? AND version = ?"));
      ResetOnExit reset_stored(*stored);
      stored->BindInt(1, *id);
      stored->BindInt(2, version);
      const int src = stored->Step();
      if (src != SQLITE_ROW && src != SQLITE_DONE) return stored->Error("read briefing");
      if (src == SQLITE_ROW) {
        auto json = std::make_shared<const std::string>(stored->Text(0));
        std::lock_guard<std::mutex> lock(cache_mu_);
        if (cache_.size() >= kMaxCachedBriefings) cache_.erase(cache_.begin());
        cache_[*id] = {version, json};
        return std::optional<std::string>(*json);
      }
    }
  }
  // Stale or never built: one caller builds, the others wait for it.
  std::shared_future<Result<BriefingPtr>> result;
  bool builder = false;
  std::promise<Result<BriefingPtr>> promise;
  {
    std::lock_guard<std::mutex> lock(cache_mu_);
    auto it = building_.find(*id);
    if (it != building_.end() && it->second.version == version) {
      result = it->second.result;
    } else {
      result = promise.get_future().share();
      building_[*id] = {version, result};
      builder = true;
    }
  }
  if (builder) {
    // A build that throws (std::bad_alloc on a hostile story) is an error for
    // the callers waiting on it, and its slot in building_ is cleared below
    // like any other: the next request builds again rather than finding a
    // promise that was never kept.
    Result<BriefingPtr> built = Status::Internal("briefing", "story " + story_id + ": build failed");
    try {
      built = BuildBriefing(*id, version);
    } catch (const std::exception& e) {
      built = Status::Internal("briefing", "story " + story_id + ": " + e.what());
    }
    {
      std::lock_guard<std::mutex> lock(cache_mu_);
      if (built.ok()) {
        if (cache_.size() >= kMaxCachedBriefings) cache_.erase(cache_.begin());
        auto& slot = cache_[*id];
        if (slot.first <= version) slot = {version, *built};
      }
      auto it = building_.find(*id);
      if (it != building_.end() && it->second.version == version) building_.erase(it);
    }
    promise.set_value(std::move(built));
  }
  const Result<BriefingPtr>& r = result.get();
  if (!r.ok()) return r.status();
  return std::optional<std::string>(**r);
}

}  // namespace

Result<std::unique_ptr<Store>> Store::Open(const std::string& path, const StoreOptions& options) {
  auto store = std::make_unique<SqliteStore>(path, options);
  NEWSFUSE_RETURN_IF_ERROR(store->Init());
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace newsfuse::store
