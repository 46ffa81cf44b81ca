// Restoring the story assigner on the first Ingest of a process: the most
// recent stored articles are replayed through it.
#include "store/sqlite_store.h"

namespace newsfuse::store::sqlite {

Status SqliteStore::RestoreAssigner() {
  options_.assigner->Reset();
  // Stores written before 'next_story_id' was kept fall back to the largest id.
  NF_ASSIGN_STMT(max_story, W("SELECT max(coalesce((SELECT max(id) FROM stories), 0), "
                              "coalesce((SELECT value FROM meta WHERE key = 'next_story_id'), 1) - 1)"));
  next_story_id_ = (max_story->Step() == SQLITE_ROW ? max_story->Int(0) : 0) + 1;
  max_story->Reset();

  NF_ASSIGN_STMT(max_row, W("SELECT coalesce(max(rowid), 0) FROM articles"));
  const int64_t last = max_row->Step() == SQLITE_ROW ? max_row->Int(0) : 0;
  max_row->Reset();
  const int64_t first = last - static_cast<int64_t>(options_.replay_max_articles);

  // Replays in chunks: rows are decoded on this thread, prepared on all, and
  // replayed in ingest order, as Ingest assigned them.
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
    std::vector<std::any> prepared(chunk.size());
    base::ParallelFor(chunk.size(), options_.threads, kMinItemsPerThread,
                [&](size_t i) { prepared[i] = options_.assigner->Prepare(chunk[i]); });
    for (size_t i = 0; i < chunk.size(); ++i) {
      options_.assigner->Replay(chunk[i], std::move(prepared[i]), stories[i]);
    }
  }
  assigner_restored_ = true;
  return Status::Ok();
}

}  // namespace newsfuse::store::sqlite
