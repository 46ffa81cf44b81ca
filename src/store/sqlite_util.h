// File: store/sqlite_util.h
//
// A thin layer over SQLite's C API for the store: a prepared statement that
// finalizes itself, binds std::string_view and optionals, and turns SQLite
// errors into Status values naming the database file.
//
//   Statement st;
//   NEWSFUSE_RETURN_IF_ERROR(st.Prepare(db, "SELECT id FROM articles WHERE rowid = ?", path));
//   st.BindInt(1, rowid);
//   while (st.Step() == SQLITE_ROW) Use(st.Text(0));
//
// Thread-safety: none; a Statement belongs to its connection, which one
// thread uses at a time (the store's locks see to that).
#ifndef NEWSFUSE_STORE_SQLITE_UTIL_H_
#define NEWSFUSE_STORE_SQLITE_UTIL_H_

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "newsfuse/status.h"

namespace newsfuse::store {

// "path: <what>: <sqlite message>" as a Status.
Status SqliteError(sqlite3* db, const std::string& path, std::string_view what);

// Runs one or more statements that return no rows.
Status Exec(sqlite3* db, const std::string& path, const char* sql);

class Statement {
 public:
  Statement() = default;
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // `path` only names the file in error messages.
  Status Prepare(sqlite3* db, std::string_view sql, const std::string& path);
  bool prepared() const { return stmt_ != nullptr; }

  // Parameters count from 1, columns from 0 (as in SQLite).
  void BindInt(int i, int64_t v) { sqlite3_bind_int64(stmt_, i, v); }
  void BindText(int i, std::string_view v) {
    sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  }
  // Binds without copying: `v` must live until the statement is reset.
  void BindTextStatic(int i, std::string_view v) {
    sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
  }
  void BindNull(int i) { sqlite3_bind_null(stmt_, i); }
  void BindOptional(int i, const std::optional<std::string>& v) {
    if (v) BindText(i, *v); else BindNull(i);
  }

  // SQLITE_ROW, SQLITE_DONE, or an error code.
  int Step() { return sqlite3_step(stmt_); }
  // Steps a statement that returns no rows, then resets it.
  Status Run();
  // Resets for the next use and clears the bindings.
  void Reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }

  int64_t Int(int col) const { return sqlite3_column_int64(stmt_, col); }
  bool IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  // Valid until the next Step() or Reset().
  std::string_view Text(int col) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
    return p ? std::string_view(p, static_cast<size_t>(sqlite3_column_bytes(stmt_, col)))
             : std::string_view();
  }
  std::optional<std::string> OptionalText(int col) const {
    if (IsNull(col)) return std::nullopt;
    return std::string(Text(col));
  }

  // An error Status for the last failed step, naming the statement's file.
  Status Error(std::string_view what) const;

  sqlite3_stmt* get() const { return stmt_; }

 private:
  sqlite3_stmt* stmt_ = nullptr;
  sqlite3* db_ = nullptr;
  std::string path_;
};

// Resets a statement when it goes out of scope, so that an early return
// never leaves a read transaction open on a pooled connection.
class ResetOnExit {
 public:
  explicit ResetOnExit(Statement& st) : st_(st) {}
  ~ResetOnExit() { st_.Reset(); }
  ResetOnExit(const ResetOnExit&) = delete;
  ResetOnExit& operator=(const ResetOnExit&) = delete;

 private:
  Statement& st_;
};

// A read transaction on `db` from Begin() until it goes out of scope, so
// that several statements read one snapshot (an article and its changes).
class ReadTransaction {
 public:
  explicit ReadTransaction(sqlite3* db) : db_(db) {}
  Status Begin(const std::string& path) {
    Status s = Exec(db_, path, "BEGIN");
    open_ = s.ok();
    return s;
  }
  ~ReadTransaction() {
    if (open_) sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr);
  }
  ReadTransaction(const ReadTransaction&) = delete;
  ReadTransaction& operator=(const ReadTransaction&) = delete;

 private:
  sqlite3* db_;
  bool open_ = false;
};

}  // namespace newsfuse::store

#endif  // NEWSFUSE_STORE_SQLITE_UTIL_H_
