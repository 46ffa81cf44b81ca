// The reads: story lists and search, one story, one article and its
// changes, counts, the integrity check.
#include "store/sqlite_store.h"

#include <algorithm>

namespace newsfuse::store::sqlite {

constexpr size_t kMaxQueryLimit = 500;

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
                               "(SELECT count(*) FROM article_changes), (SELECT count(*) FROM copies)"));
  ResetOnExit reset(*st);
  if (st->Step() != SQLITE_ROW) return st->Error("count");
  StoreStats stats;
  stats.articles = static_cast<size_t>(st->Int(0));
  stats.stories = static_cast<size_t>(st->Int(1));
  stats.changes = static_cast<size_t>(st->Int(2));
  stats.copies = static_cast<size_t>(st->Int(3));
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

Status SqliteStore::ForEachMember(const MemberFn& fn) {
  NF_LEASE(conn);
  // One read transaction: no copy names an article the first read missed.
  ReadTransaction read((*conn).db);
  NEWSFUSE_RETURN_IF_ERROR(read.Begin(path_));
  NF_ASSIGN_STMT(articles, R(*conn, "SELECT id, story_id FROM articles ORDER BY rowid"));
  NF_ASSIGN_STMT(copies, R(*conn, "SELECT c.id, a.story_id, c.original FROM copies c "
                                  "JOIN articles a ON a.id = c.original ORDER BY c.rowid"));
  for (Statement* st : {articles, copies}) {
    ResetOnExit reset(*st);
    const bool copy = st == copies;
    int rc;
    while ((rc = st->Step()) == SQLITE_ROW) {
      fn(st->Text(0), StoryIdString(st->Int(1)), copy ? st->Text(2) : std::string_view());
    }
    if (rc != SQLITE_DONE) return st->Error("list members");
  }
  return Status::Ok();
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
      // A story counts its articles and the copies kept of them; it has at
      // least one article (a copy is never alone).
      "SELECT s.id, s.article_count, (SELECT count(*) FROM articles a WHERE a.story_id = s.id) AS n, "
      "(SELECT count(*) FROM copies c JOIN articles a ON a.id = c.original WHERE a.story_id = s.id) AS k "
      "FROM stories s WHERE n + k != s.article_count OR n = 0 LIMIT 20",
      [](const Statement& st) {
        return "story " + std::to_string(st.Int(0)) + " records " + std::to_string(st.Int(1)) +
               " article(s) but has " + std::to_string(st.Int(2)) + " and " + std::to_string(st.Int(3)) +
               " copies";
      }));
  NEWSFUSE_RETURN_IF_ERROR(collect(
      "SELECT c.id, c.original, a.id IS NOT NULL FROM copies c LEFT JOIN articles a ON a.id = c.id "
      "WHERE a.id IS NOT NULL OR NOT EXISTS (SELECT 1 FROM articles o WHERE o.id = c.original) LIMIT 20",
      [](const Statement& st) {
        return "copy " + std::string(st.Text(0)) +
               (st.Int(2) ? " is also stored as an article"
                          : " is of article " + std::string(st.Text(1)) + ", which is not stored");
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

}  // namespace newsfuse::store::sqlite
