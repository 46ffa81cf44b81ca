// Stored briefings: built by StoreOptions::build_briefing on first request,
// kept (table and memory cache) until the story changes; concurrent first
// requests wait for one build.
#include "store/sqlite_store.h"

#include <unordered_map>

namespace newsfuse::store::sqlite {

// Briefings kept in memory; beyond this an arbitrary one is dropped (the
// table still has it, so a miss costs one row read, not a rebuild).
constexpr size_t kMaxCachedBriefings = 512;

Status SqliteStore::AddKeptCopies(ReadConn& conn, int64_t story_id, std::vector<Article>* members) {
  // A copy is briefed as what it is: its original's body under its own id,
  // outlet, headline and date, right after the original (which the
  // briefing's near-copy pass then names as its duplicate_of), so the
  // sources show every outlet that carried the story, as `brief` does on
  // the same articles. Copies of members left out by the limit stay out.
  NF_ASSIGN_STMT(st, R(conn, "SELECT c.original, c.id, c.outlet, c.url, c.title, c.published FROM copies c "
                             "JOIN articles a ON a.id = c.original WHERE a.story_id = ? ORDER BY c.rowid"));
  ResetOnExit reset(*st);
  st->BindInt(1, story_id);
  // By original: the copy's own fields (the rest, body included, is the
  // original's; its subtitle was not kept).
  std::unordered_map<std::string, std::vector<Article>> copies_of;
  int rc;
  while ((rc = st->Step()) == SQLITE_ROW) {
    Article own;
    own.id = std::string(st->Text(1));
    own.outlet = st->OptionalText(2);
    own.url = st->OptionalText(3);
    own.title = st->OptionalText(4);
    if (auto published = st->OptionalText(5)) own.published = ParseIsoDate(*published);
    copies_of[std::string(st->Text(0))].push_back(std::move(own));
  }
  if (rc != SQLITE_DONE) return st->Error("read story copies");
  if (copies_of.empty()) return Status::Ok();
  std::vector<Article> with_copies;
  with_copies.reserve(members->size());
  for (Article& original : *members) {
    auto it = copies_of.find(original.id);
    with_copies.push_back(std::move(original));
    if (it == copies_of.end()) continue;
    const size_t at = with_copies.size() - 1;
    for (Article& own : it->second) {
      Article copy = with_copies[at];
      copy.id = std::move(own.id);
      copy.outlet = std::move(own.outlet);
      copy.url = std::move(own.url);
      copy.title = std::move(own.title);
      copy.published = own.published;
      copy.subtitle.reset();
      with_copies.push_back(std::move(copy));
    }
  }
  *members = std::move(with_copies);
  return Status::Ok();
}

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
    NEWSFUSE_RETURN_IF_ERROR(AddKeptCopies(*conn, story_id, &members));
  }
  if (!options_.build_briefing) return Status::FailedPrecondition(path_, "no briefing builder");
  Result<std::string> built = options_.build_briefing(StoryIdString(story_id), std::move(members));
  if (!built.ok()) return built.status();
  auto json = std::make_shared<const std::string>(std::move(*built));

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

}  // namespace newsfuse::store::sqlite
