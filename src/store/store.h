// File: store/store.h
//
// The embedded store: one SQLite file holding articles, the stories they were
// clustered into, what changed when an article was corrected, and each
// story's briefing. It persists and nothing else: which story an article
// joins (StoreOptions::assigner) and what a briefing says
// (StoreOptions::build_briefing) are the engine's (engine/), which owns the
// store and is what the service and the CLI call.
//
//   Result<std::unique_ptr<Store>> store = Store::Open("news.db", options);
//   Result<IngestResult> r = (*store)->Ingest(std::move(batch));  // durable on return
//   Result<std::vector<StoryRow>> top = (*store)->ListStories({.sort = StorySort::kLargest});
//   Result<std::string> json = (*store)->BriefingJson(top->front().id);
//
// Durability: Ingest() returns only after its transaction is committed (WAL
// journal), so an article it acknowledged survives a kill -9 of the process
// right after. One batch is one transaction: a crash leaves all of it or
// none of it. Story assignment happens inside the same transaction, so no
// half story is ever visible.
//
// Idempotence: an article whose id is already stored with the same content is
// `kUnchanged`; one whose body is byte-identical to another stored article
// (a second id for the same content: syndication) is `kDuplicateContent`,
// kept as a copy of that article (its id, outlet, headline, url, date; not
// its body), a member of the original's story that is never clustered
// itself, and `kUnchanged` when it comes again; one whose id is stored with different content is a correction:
// `kUpdated`, the stored article replaced, its story's briefing marked stale,
// and each difference recorded as an ArticleChange.
//
// Text search: the rows and story assignment are what Ingest commits before
// it returns; a background indexer then adds them to the text and name
// indexes in larger transactions of its own (milliseconds later). A
// ListStories with `text` or `entity` first waits for the articles
// acknowledged before it began (WaitForIndex), so this process's searches
// never miss them; another process reading the same file may see them a few
// milliseconds late. A kill -9 loses no index entry: the next writable Open
// indexes whatever was committed but not yet indexed.
//
// Thread-safety: every method may be called from any thread at once. Writes
// are serialised inside; reads run concurrently with each other and with a
// write (WAL readers see the last committed state).
#ifndef NEWSFUSE_STORE_STORE_H_
#define NEWSFUSE_STORE_STORE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "newsfuse/article.h"
#include "newsfuse/result.h"
#include "newsfuse/status.h"
#include "newsfuse/stories.h"
#include "store/story_assigner.h"

namespace newsfuse::store {

// Builds the briefing JSON of stored story `story_id` from its members
// (the engine's pipeline; the store only keeps what it returns).
using BriefingBuilder =
    std::function<Result<std::string>(const std::string& story_id, std::vector<Article> members)>;

struct StoreOptions {
  // Decides which story a new article joins (store/story_assigner.h); not
  // owned, must outlive the store. Required to Ingest.
  StoryAssigner* assigner = nullptr;
  // Builds a briefing that is not stored or is stale. Required for
  // BriefingJson of a story whose briefing is not current.
  BriefingBuilder build_briefing;

  // A briefing is built from at most this many of the story's articles, the
  // most recently published (a 1,000-article story would otherwise take
  // seconds to brief and say no more).
  size_t briefing_max_articles = 200;
  // Threads that prepare a batch (encode, hash, StoryAssigner::Prepare)
  // and a replay (0: all cores).
  unsigned threads = 0;
  // true: synchronous=FULL, an acknowledged batch also survives a power cut
  // or an OS crash. false (default): synchronous=NORMAL, which in WAL mode
  // survives a crash or kill -9 of the process (see store.cc).
  bool sync_full = false;
  // Text search indexes the headline, the names and the first this many
  // bytes of the body: the lead, where news text says who did what where.
  // Whole bodies would cost most of ingest time (FTS5 indexes ~5,000 3 KB
  // articles/s per core; 1 KB of lead cost ~60 us an article, 600 B ~35 us,
  // against ~100 us for everything else). 0 indexes whole bodies. Fixed
  // when the file is created (stored in it); later values are ignored.
  size_t search_body_bytes = 600;
  // On Open, the assigner is restored by replaying at most this many of the
  // most recently ingested articles (those inside the clusterer's window).
  size_t replay_max_articles = 50000;
  // The database exists and is a newsfuse store; never create one.
  bool must_exist = false;
  // Open for reading only (no ingest, briefings built but not stored).
  bool read_only = false;
};

// The result types are the library's (newsfuse/stories.h).
using newsfuse::ArticleChange;
using newsfuse::ArticleOutcome;
using newsfuse::IngestOutcome;
using newsfuse::IngestOutcomeName;
using newsfuse::IngestResult;
using newsfuse::StoredArticle;
using newsfuse::StoreStats;
using newsfuse::StoryQuery;
using newsfuse::StoryRow;
using newsfuse::StorySort;

class Store {
 public:
  // Opens or creates the database; fails with a message naming the file when
  // it cannot be opened or is not a newsfuse store.
  static Result<std::unique_ptr<Store>> Open(const std::string& path, const StoreOptions& options);
  virtual ~Store() = default;

  // Stores a batch in one transaction and assigns each new or corrected
  // article to a story. Durable when it returns ok.
  Result<IngestResult> Ingest(std::vector<Article> batch) { return Ingest(std::move(batch), nullptr); }
  // The same; `before_write`, when set, runs once the batch's per-article
  // work is done, just before the batch waits for the write lock. A caller
  // that splits one input among threads blocks there until the batch before
  // it has returned, so batches commit in input order (and the stories do
  // not depend on thread timing) while their per-article work still overlaps.
  virtual Result<IngestResult> Ingest(std::vector<Article> batch, const std::function<void()>& before_write) = 0;

  virtual Result<std::vector<StoryRow>> ListStories(const StoryQuery& query) = 0;
  virtual Result<std::optional<StoryRow>> GetStory(const std::string& story_id) = 0;
  virtual Result<std::optional<StoredArticle>> GetArticle(const std::string& article_id) = 0;

  // The story's briefing as the JSON of docs brief-json.md (one story in
  // "stories"), built on first request (StoreOptions::build_briefing) and
  // kept until the story changes.
  // nullopt when there is no such story.
  virtual Result<std::optional<std::string>> BriefingJson(const std::string& story_id) = 0;

  // Corrections recorded for the articles of a story, oldest first.
  virtual Result<std::vector<ArticleChange>> StoryChanges(const std::string& story_id) = 0;

  virtual Result<StoreStats> Stats() = 0;

  // Additions (not pure, so that test doubles of the contract above need not
  // implement them):
  // Problems found by a full check: SQLite's integrity_check, every article
  // in an existing story, every story with >= 1 article and its stored count
  // right. Empty when all is well.
  virtual Result<std::vector<std::string>> CheckIntegrity();
  // Calls `fn(id)` for every stored article id, in ingest order.
  virtual Status ForEachArticleId(const std::function<void(std::string_view id)>& fn);
  // Every story member: each stored article (`duplicate_of` empty) in
  // ingest order, then each kept byte-identical copy in ingest order, with
  // its original's id and story.
  using MemberFn = std::function<void(std::string_view id, std::string_view story_id, std::string_view duplicate_of)>;
  virtual Status ForEachMember(const MemberFn& fn);
  // Returns once every article this store acknowledged before the call is
  // in the text and name indexes (the default: at once).
  virtual Status WaitForIndex();
};

}  // namespace newsfuse::store

#endif  // NEWSFUSE_STORE_STORE_H_
