// The tables of a store file, and opening, creating or checking one.
#include "store/sqlite_store.h"

#include <sys/stat.h>

#include <cstdio>

namespace newsfuse::store::sqlite {

constexpr int32_t kApplicationId = 0x4E465354;  // "NFST"
constexpr int kSchemaVersion = 1;
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

// Byte-identical copies (a second id for a stored body: syndication) were
// not kept by stores made before the `copies` table. The table only adds to
// the schema (no other table changes), so the file stays schema version 1:
// every writable open adds it if absent (a new file included), and an older
// newsfuse still reads a newer file (it just does not see the copies).
// Columns as sqlite_store.h describes them.
constexpr const char* kCopiesColumns =
    "(rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, original TEXT NOT NULL, "
    "record_hash INTEGER NOT NULL, outlet TEXT, url TEXT, title TEXT, published TEXT, ingested INTEGER NOT NULL)";

namespace {
Status AddCopiesTable(sqlite3* db, const std::string& path) {
  const std::string sql = std::string("CREATE TABLE IF NOT EXISTS copies") + kCopiesColumns +
                          "; CREATE INDEX IF NOT EXISTS copies_original ON copies(original)";
  return Exec(db, path, sql.c_str());
}
}  // namespace

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
    if (!has_copies_table_) {
      // A read-only open of a store older than the table cannot add it to
      // the file: an empty one in this connection's temp schema lets every
      // read that joins copies run unchanged.
      const std::string sql = std::string("CREATE TEMP TABLE IF NOT EXISTS copies") + kCopiesColumns;
      NEWSFUSE_RETURN_IF_ERROR(Exec(db, path_, sql.c_str()));
    }
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
    if (s.ok()) s = AddCopiesTable(db_, path_);
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
  if (options_.read_only) {
    NEWSFUSE_RETURN_IF_ERROR(
        st.Prepare(db_, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'copies'", path_));
    has_copies_table_ = st.Step() == SQLITE_ROW;
    st.Reset();
  } else {
    NEWSFUSE_RETURN_IF_ERROR(AddCopiesTable(db_, path_));
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
    // The assigner is restored at the first Ingest, not here: a process
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

}  // namespace newsfuse::store::sqlite
