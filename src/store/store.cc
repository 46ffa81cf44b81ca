// The store's shared pieces (store/sqlite_store.h): the connection pool,
// row helpers, and the entry point.
#include "store/sqlite_store.h"

#include <algorithm>
#include <atomic>
#include <ctime>

namespace newsfuse {

const char* IngestOutcomeName(IngestOutcome outcome) {
  switch (outcome) {
    case IngestOutcome::kInserted: return "inserted";
    case IngestOutcome::kUnchanged: return "unchanged";
    case IngestOutcome::kUpdated: return "updated";
    case IngestOutcome::kDuplicateContent: return "duplicate";
  }
  return "?";
}

}  // namespace newsfuse

namespace newsfuse::store {

Result<std::vector<std::string>> Store::CheckIntegrity() {
  return Status::Unimplemented("store", "CheckIntegrity");
}

Status Store::ForEachArticleId(const std::function<void(std::string_view)>&) {
  return Status::Unimplemented("store", "ForEachArticleId");
}

Status Store::ForEachMember(const MemberFn&) { return Status::Unimplemented("store", "ForEachMember"); }

Status Store::WaitForIndex() { return Status::Ok(); }

Result<std::unique_ptr<Store>> Store::Open(const std::string& path, const StoreOptions& options) {
  auto store = std::make_unique<sqlite::SqliteStore>(path, options);
  NEWSFUSE_RETURN_IF_ERROR(store->Init());
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace newsfuse::store

namespace newsfuse::store::sqlite {

// Pooled read connections kept open; more are opened under load and closed
// when returned beyond this.
constexpr size_t kMaxIdleReaders = 8;

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

Status ReadArticleRow(const Statement& st, Article* a, int64_t* story_id, int64_t* ingested,
                      int64_t* rowid, std::string* names) {
  a->id = std::string(st.Text(0));
  a->origin = std::string(st.Text(1));
  a->outlet = st.OptionalText(2);
  a->url = st.OptionalText(3);
  a->title = st.OptionalText(4);
  a->subtitle = st.OptionalText(5);
  if (auto published = st.OptionalText(6)) a->published = ParseIsoDate(*published);
  a->language = st.OptionalText(7);
  NEWSFUSE_RETURN_IF_ERROR(DecodeBody(st.Text(8), st.Text(9), a->id, a));
  NEWSFUSE_RETURN_IF_ERROR(DecodeDropped(st.Text(10), a->id, a));
  if (story_id) *story_id = st.Int(11);
  if (ingested) *ingested = st.Int(12);
  if (rowid) *rowid = st.Int(13);
  if (names) *names = std::string(st.Text(14));
  return Status::Ok();
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

}  // namespace newsfuse::store::sqlite
