#include "store/sqlite_util.h"

namespace newsfuse::store {

Status SqliteError(sqlite3* db, const std::string& path, std::string_view what) {
  std::string message(what);
  message += ": ";
  message += db ? sqlite3_errmsg(db) : "out of memory";
  return Status::Internal(path, message);
}

Status Exec(sqlite3* db, const std::string& path, const char* sql) {
  char* error = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &error) != SQLITE_OK) {
    std::string message = error ? error : sqlite3_errmsg(db);
    sqlite3_free(error);
    std::string_view head(sql);
    head = head.substr(0, head.find_first_of("(\n;"));
    return Status::Internal(path, std::string(head) + ": " + message);
  }
  return Status::Ok();
}

Status Statement::Prepare(sqlite3* db, std::string_view sql, const std::string& path) {
  db_ = db;
  path_ = path;
  sqlite3_finalize(stmt_);
  stmt_ = nullptr;
  // PERSISTENT: these statements live as long as the connection and are
  // reused for every call, so SQLite keeps them out of its lookaside pool.
  if (sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                         &stmt_, nullptr) != SQLITE_OK) {
    return SqliteError(db, path, "prepare " + std::string(sql.substr(0, 60)));
  }
  return Status::Ok();
}

Status Statement::Run() {
  const int rc = Step();
  Status status = rc == SQLITE_DONE || rc == SQLITE_ROW ? Status::Ok() : Error("write");
  Reset();
  return status;
}

Status Statement::Error(std::string_view what) const {
  std::string message(what);
  message += " (";
  const char* sql = sqlite3_sql(stmt_);
  message += std::string_view(sql ? sql : "").substr(0, 48);
  message += ")";
  return SqliteError(db_, path_, message);
}

}  // namespace newsfuse::store
