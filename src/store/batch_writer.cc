// Ingest: a batch prepared outside the write lock, then written, assigned
// to stories and its stories updated in one transaction.
#include "store/sqlite_store.h"

#include <algorithm>
#include <unordered_set>

#include "store/article_diff.h"

namespace newsfuse::store::sqlite {

namespace {

struct KeptCopy {
  bool found = false;
  uint64_t record_hash = 0;
  std::string original;
  int64_t story = 0;  // the original's; 0 if it is gone
};

Status FindKeptCopy(Statement& by_copy, const std::string& id, KeptCopy* kept) {
  by_copy.BindText(1, id);
  const int rc = by_copy.Step();
  if (rc == SQLITE_ROW) {
    kept->found = true;
    kept->record_hash = static_cast<uint64_t>(by_copy.Int(0));
    kept->original = std::string(by_copy.Text(1));
    kept->story = by_copy.Int(2);
  }
  Status s = rc == SQLITE_ROW || rc == SQLITE_DONE ? Status::Ok() : by_copy.Error("look up copy");
  by_copy.Reset();
  return s;
}

}  // namespace

void SqliteStore::PrepareBatch(std::vector<Prepared>& items) {
  // Ids already stored need no story (unchanged, or a correction that
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
  base::ParallelFor(items.size(), options_.threads, kMinItemsPerThread, [&](size_t i) {
    items[i].enc = EncodeArticle(items[i].article, search_body_bytes_);
    if (!stored[i]) items[i].prepared = options_.assigner->Prepare(items[i].article);
  });
}

Result<IngestResult> SqliteStore::Ingest(std::vector<Article> batch, const std::function<void()>& before_write) {
  if (options_.read_only) return Status::FailedPrecondition(path_, "store opened read-only");
  if (options_.assigner == nullptr) return Status::FailedPrecondition(path_, "no story assigner to ingest with");
  std::vector<Prepared> items(batch.size());
  for (size_t i = 0; i < batch.size(); ++i) items[i].article = std::move(batch[i]);
  PrepareBatch(items);
  if (before_write) before_write();

  std::lock_guard<std::mutex> lock(write_mu_);
  if (!assigner_restored_) NEWSFUSE_RETURN_IF_ERROR(RestoreAssigner());
  IngestResult result;
  result.articles.reserve(items.size());
  batch_max_rowid_ = 0;
  NEWSFUSE_RETURN_IF_ERROR(Exec(db_, path_, "BEGIN IMMEDIATE"));
  Status s = WriteBatch(items, &result);
  if (s.ok()) s = Exec(db_, path_, "COMMIT");
  if (!s.ok()) {
    Exec(db_, path_, "ROLLBACK");
    // The assigner saw articles that are not stored: restored from what is
    // at the next Ingest.
    assigner_restored_ = false;
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
  // The story's articles in ingest order, then the copies kept of them
  // (in their original's story wherever the regrouper has moved it).
  NF_ASSIGN_STMT(articles, W("SELECT title, outlet, published FROM articles WHERE story_id = ? ORDER BY rowid"));
  NF_ASSIGN_STMT(copies, W("SELECT c.title, c.outlet, c.published FROM copies c JOIN articles a "
                           "ON a.id = c.original WHERE a.story_id = ? ORDER BY c.rowid"));
  StoryState fresh;
  fresh.exists = state->exists;
  fresh.version = state->version;
  Article a;
  for (Statement* st : {articles, copies}) {
    st->BindInt(1, id);
    int rc;
    while ((rc = st->Step()) == SQLITE_ROW) {
      a.title = st->OptionalText(0);
      a.outlet = st->OptionalText(1);
      a.published.reset();
      if (auto published = st->OptionalText(2)) a.published = ParseIsoDate(*published);
      fresh.Add(a);
    }
    Status s = rc == SQLITE_DONE ? Status::Ok() : st->Error("read story members");
    st->Reset();
    NEWSFUSE_RETURN_IF_ERROR(s);
  }
  *state = std::move(fresh);
  return Status::Ok();
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

template <typename Touch>
Status SqliteStore::MoveArticles(const std::vector<StoryAssigner::Move>& moves, IngestResult* result,
                                 Touch&& touch) {
  if (moves.empty()) return Status::Ok();
  NF_ASSIGN_STMT(from, W("SELECT story_id FROM articles WHERE id = ?"));
  NF_ASSIGN_STMT(move, W("UPDATE articles SET story_id = ? WHERE id = ?"));
  // This batch's outcomes by article id, a copy's by its original's (it
  // moves with it).
  std::unordered_multimap<std::string_view, size_t> outcome_of;
  for (size_t k = 0; k < result->articles.size(); ++k) {
    const ArticleOutcome& o = result->articles[k];
    outcome_of.emplace(o.duplicate_of.empty() ? o.id : o.duplicate_of, k);
  }
  for (const StoryAssigner::Move& m : moves) {
    from->BindText(1, m.article_id);
    const int rc = from->Step();
    const int64_t old_story = rc == SQLITE_ROW ? from->Int(0) : 0;
    Status s = rc == SQLITE_ROW || rc == SQLITE_DONE ? Status::Ok() : from->Error("look up moved article");
    from->Reset();
    NEWSFUSE_RETURN_IF_ERROR(s);
    if (rc != SQLITE_ROW || old_story == m.story) continue;
    move->BindInt(1, m.story);
    move->BindText(2, m.article_id);
    NEWSFUSE_RETURN_IF_ERROR(move->Run());
    for (int64_t story : {old_story, m.story}) {
      auto state = touch(story);
      if (!state.ok()) return state.status();
      (*state)->recompute = true;
    }
    auto [first, last] = outcome_of.equal_range(m.article_id);
    for (auto it = first; it != last; ++it) result->articles[it->second].story_id = StoryIdString(m.story);
  }
  return Status::Ok();
}

Status SqliteStore::DeleteStory(int64_t id) {
  NF_ASSIGN_STMT(story, W("DELETE FROM stories WHERE id = ?"));
  story->BindInt(1, id);
  NEWSFUSE_RETURN_IF_ERROR(story->Run());
  NF_ASSIGN_STMT(briefing, W("DELETE FROM briefings WHERE story_id = ?"));
  briefing->BindInt(1, id);
  return briefing->Run();
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
  NF_ASSIGN_STMT(by_copy, W("SELECT c.record_hash, c.original, coalesce(a.story_id, 0) FROM copies c "
                            "LEFT JOIN articles a ON a.id = c.original WHERE c.id = ?"));
  NF_ASSIGN_STMT(drop_copy, W("DELETE FROM copies WHERE id = ?"));
  NF_ASSIGN_STMT(insert_copy, W("INSERT INTO copies(id, original, record_hash, outlet, url, title, published, "
                                "ingested) VALUES(?, ?, ?, ?, ?, ?, ?, ?)"));
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
    st->BindOptional(first + 6, OptionalDateString(a.published));
    st->BindOptional(first + 7, a.language);
    st->BindTextStatic(first + 8, a.origin);
    st->BindTextStatic(first + 9, p.enc.body);
    st->BindTextStatic(first + 10, p.enc.layout);
    st->BindTextStatic(first + 11, p.enc.dropped_json);
    st->BindTextStatic(first + 12, p.enc.names);
  };

  {
    std::vector<const Article*> planned;
    std::vector<const std::any*> planned_prepared;
    for (const Prepared& p : items) {
      if (!p.prepared.has_value()) continue;  // stored when prepared
      planned.push_back(&p.article);
      planned_prepared.push_back(&p.prepared);
    }
    if (!planned.empty()) options_.assigner->Plan(planned, planned_prepared);
  }

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
      // A copy kept earlier under this id: the same record again is
      // unchanged; anything else replaces the copy row with what the id is
      // now (a copy with the new headline or outlet, or, with a body of its
      // own, a new article, grouped as any other; its old story is rebuilt).
      KeptCopy kept;
      NEWSFUSE_RETURN_IF_ERROR(FindKeptCopy(*by_copy, a.id, &kept));
      if (kept.found && kept.record_hash == p.enc.record_hash) {
        out.outcome = IngestOutcome::kUnchanged;
        out.story_id = StoryIdString(kept.story);
        out.duplicate_of = std::move(kept.original);
        ++result->unchanged;
        result->articles.push_back(std::move(out));
        continue;
      }
      if (kept.found) {
        drop_copy->BindText(1, a.id);
        NEWSFUSE_RETURN_IF_ERROR(drop_copy->Run());
        if (kept.story != 0) {
          auto story = touch(kept.story);
          if (!story.ok()) return story.status();
          (*story)->recompute = true;
        }
      }
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
        // Kept without its body, in the original's story (sqlite_store.h).
        insert_copy->BindTextStatic(1, a.id);
        insert_copy->BindText(2, copy->first);
        insert_copy->BindInt(3, static_cast<int64_t>(p.enc.record_hash));
        insert_copy->BindOptional(4, a.outlet);
        insert_copy->BindOptional(5, a.url);
        insert_copy->BindOptional(6, a.title);
        insert_copy->BindOptional(7, OptionalDateString(a.published));
        insert_copy->BindInt(8, now);
        NEWSFUSE_RETURN_IF_ERROR(insert_copy->Run());
        auto story = touch(copy->second);
        if (!story.ok()) return story.status();
        (*story)->Add(a);
        out.outcome = IngestOutcome::kDuplicateContent;
        out.duplicate_of = copy->first;
        out.story_id = StoryIdString(copy->second);
        ++result->duplicates;
      } else {
        // (`prepared` is empty for an id stored when pre-checked, gone since.)
        const int64_t story_id = options_.assigner->Assign(a, std::move(p.prepared), next_story_id_);
        if (story_id == next_story_id_) ++next_story_id_;

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

  NEWSFUSE_RETURN_IF_ERROR(MoveArticles(options_.assigner->Revise(&next_story_id_), result, touch));

  for (auto& [id, state] : touched) {
    if (state.recompute) NEWSFUSE_RETURN_IF_ERROR(RecomputeStory(id, &state));
    if (state.count == 0) {
      NEWSFUSE_RETURN_IF_ERROR(DeleteStory(id));
    } else {
      NEWSFUSE_RETURN_IF_ERROR(SaveStory(id, state, now));
    }
  }
  // The next id is kept, not derived from max(stories.id) on reopening: a
  // story emptied by a regroup is deleted, and its id must never name
  // another story later (a reader's link to it would show something else).
  NF_ASSIGN_STMT(next_id, W("INSERT INTO meta(key, value) VALUES('next_story_id', ?) "
                            "ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
  next_id->BindInt(1, next_story_id_);
  return next_id->Run();
}

}  // namespace newsfuse::store::sqlite
