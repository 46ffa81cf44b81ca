// File: store/sqlite_store.h
//
// The SQLite store behind store.h, shared by its units (not a public
// header): schema.cc (the tables, opening and checking a file),
// checkpointer.cc (background WAL checkpoints), text_index.cc (the search
// indexer thread), replay.cc (restoring the story assigner on open),
// batch_writer.cc (Ingest), queries.cc (the reads), briefings.cc (stored
// briefings and their cache) and store.cc (the connection pool, helpers).
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
//   copies           one row per byte-identical copy of a stored article (a
//                    second id for its body: syndication): the copy's own
//                    id, outlet, url, headline, date and record hash, and
//                    its original's id; no body (it is the original's) and
//                    no story: a copy is in its original's story by a join,
//                    so it follows the original wherever the regrouper
//                    moves it and is never clustered itself. A story's
//                    count and outlets include its copies. A correction
//                    of the original keeps them (they carried the version
//                    they copied; no body of theirs is kept); the copy's id
//                    arriving with a body of its own makes it an article.
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
// costly per-article work of Ingest (encoding, hashing, the assigner's
// Prepare: a fingerprint) runs before write_mu_ is taken, so concurrent
// Ingest calls overlap in it.
#ifndef NEWSFUSE_STORE_SQLITE_STORE_H_
#define NEWSFUSE_STORE_SQLITE_STORE_H_

#include <sqlite3.h>

#include <any>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/parallel_for.h"
#include "store/article_codec.h"
#include "store/sqlite_util.h"
#include "store/store.h"

namespace newsfuse::store::sqlite {

// Per-article work (encoding, story preparation) runs on base::ParallelFor;
// below this many articles per thread a thread costs more than it saves.
inline constexpr size_t kMinItemsPerThread = 16;

inline constexpr const char* kArticleColumns =
    "id, origin, outlet, url, title, subtitle, published, language, body, layout, dropped, "
    "story_id, ingested, rowid, names";

int64_t NowUnix();
std::string StoryIdString(int64_t id);
std::optional<int64_t> ParseStoryId(const std::string& s);
// Outlets are stored one per line.
std::vector<std::string> SplitOutlets(std::string_view s);
std::string JoinOutlets(const std::vector<std::string>& v);

// Reads an article row selected with kArticleColumns.
Status ReadArticleRow(const Statement& st, Article* a, int64_t* story_id, int64_t* ingested,
                      int64_t* rowid, std::string* names);

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
  std::any prepared;  // StoryAssigner::Prepare's result; empty for stored ids
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
      const std::string day = a.published->ToString();
      if (!first_published || day < *first_published) first_published = day;
      if (!last_published || day > *last_published) last_published = day;
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

  using Store::Ingest;
  Result<IngestResult> Ingest(std::vector<Article> batch, const std::function<void()>& before_write) override;
  Result<std::vector<StoryRow>> ListStories(const StoryQuery& query) override;
  Result<std::optional<StoryRow>> GetStory(const std::string& story_id) override;
  Result<std::optional<StoredArticle>> GetArticle(const std::string& article_id) override;
  Result<std::optional<std::string>> BriefingJson(const std::string& story_id) override;
  Result<std::vector<ArticleChange>> StoryChanges(const std::string& story_id) override;
  Result<StoreStats> Stats() override;
  Result<std::vector<std::string>> CheckIntegrity() override;
  Status ForEachArticleId(const std::function<void(std::string_view)>& fn) override;
  Status ForEachMember(const MemberFn& fn) override;
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

  // Encodes, pre-checks and prepares (StoryAssigner::Prepare) a batch on up
  // to options_.threads threads.
  void PrepareBatch(std::vector<Prepared>& items);

  // Write phase of Ingest, inside the transaction (write_mu_ held).
  Status WriteBatch(std::vector<Prepared>& items, IngestResult* result);
  Status IndexArticle(int64_t rowid, std::string_view title, std::string_view search_body,
                      std::string_view names);
  Status UnindexArticle(int64_t rowid, const Article& a, std::string_view names);
  Status LoadStory(int64_t id, StoryState* state);
  Status RecomputeStory(int64_t id, StoryState* state);
  Status SaveStory(int64_t id, const StoryState& state, int64_t now);
  // A story its last article left (moved by the assigner): row and briefing.
  Status DeleteStory(int64_t id);
  // Applies the assigner's moves (StoryAssigner::Revise): each article's
  // story, both stories rebuilt from their rows by WriteBatch, this batch's
  // outcomes updated. `touch` is WriteBatch's story loader.
  template <typename Touch>
  Status MoveArticles(const std::vector<StoryAssigner::Move>& moves, IngestResult* result, Touch&& touch);

  // Restarts the assigner and replays the most recent stored articles
  // through it (write_mu_ held).
  Status RestoreAssigner();

  Result<BriefingPtr> BuildBriefing(int64_t story_id, int64_t version);
  // Inserts the copies kept of `members` (a story's, in briefing order).
  Status AddKeptCopies(ReadConn& conn, int64_t story_id, std::vector<Article>* members);
  Result<std::optional<StoryRow>> ReadStory(ReadConn& conn, int64_t id);

  const std::string path_;
  StoreOptions options_;
  sqlite3* db_ = nullptr;  // the write connection

  std::mutex write_mu_;
  std::unordered_map<const char*, std::unique_ptr<Statement>> write_;  // by SQL text address
  bool assigner_restored_ = false;  // false until the first Ingest, and after a failed one
  int64_t next_story_id_ = 1;
  size_t search_body_bytes_ = 0;  // as stored in meta when the file was made
  // false: a read-only open of a file made before the copies table (each
  // read connection then has an empty temp one).
  bool has_copies_table_ = true;

  std::mutex readers_mu_;
  std::vector<std::unique_ptr<ReadConn>> readers_;

  std::mutex cache_mu_;
  std::unordered_map<int64_t, std::pair<int64_t, BriefingPtr>> cache_;  // story -> (version, json)
  std::unordered_map<int64_t, InFlight> building_;

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


#define NF_LEASE(lease)                                                          \
  auto lease##_r = AcquireReader();                                              \
  if (!lease##_r.ok()) return lease##_r.status();                                \
  ReaderLease lease([this](std::unique_ptr<ReadConn> c) { ReleaseReader(std::move(c)); }, \
                    std::move(*lease##_r))

}  // namespace newsfuse::store::sqlite

#endif  // NEWSFUSE_STORE_SQLITE_STORE_H_
