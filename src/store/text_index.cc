// The search indexes (article_text, article_names): the background indexer
// thread, and (un)indexing one row.
#include "store/sqlite_store.h"

#include <algorithm>
#include <chrono>

namespace newsfuse::store::sqlite {

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

}  // namespace newsfuse::store::sqlite
