// File: store/store.h
//
// The embedded store: one SQLite file holding articles, the stories they were
// clustered into, what changed when an article was corrected, and each
// story's briefing. The service (serve/) and the `ingest` verb write through
// it; nothing else touches the database.
//
//   Result<std::unique_ptr<Store>> store = Store::Open("news.db", {});
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
// (a second id for the same content) is `kDuplicateContent` and not stored
// again; one whose id is stored with different content is a correction:
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

#include "cluster/cluster_options.h"
#include "newsfuse/article.h"
#include "newsfuse/result.h"
#include "newsfuse/status.h"

namespace newsfuse::store {

struct StoreOptions {
  // Entity tagger for briefings (extract/entity_tagger.h); empty: the
  // default model path. A missing model leaves entities out of briefings.
  std::string ner_model;
  // Summary budget of stored briefings, in words.
  int summary_words = 100;

  // Additions to the contract (defaults suit the service and the CLI):
  // A briefing is built from at most this many of the story's articles, the
  // most recently published (a 1,000-article story would otherwise take
  // seconds to brief and say no more).
  size_t briefing_max_articles = 200;
  // Threads that fingerprint a batch and analyse a briefing (0: all cores).
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
  // Story assignment (cluster/story_clusterer.h).
  cluster::ClusterOptions cluster;
  // On Open, the clusterer is restored by replaying at most this many of the
  // most recently ingested articles (those inside the clusterer's window).
  size_t replay_max_articles = 50000;
  // The database exists and is a newsfuse store; never create one.
  bool must_exist = false;
  // Open for reading only (no ingest, briefings built but not stored).
  bool read_only = false;
};

enum class IngestOutcome {
  kInserted,          // new article
  kUnchanged,         // same id, same content: nothing written
  kUpdated,           // same id, new content: a correction (changes recorded)
  kDuplicateContent,  // another id already has this exact body: not stored
};
const char* IngestOutcomeName(IngestOutcome outcome);  // "inserted", ...

struct ArticleOutcome {
  std::string id;
  IngestOutcome outcome = IngestOutcome::kInserted;
  std::string story_id;      // the story it belongs to ("" if none)
  std::string duplicate_of;  // for kDuplicateContent: the stored id
};

struct IngestResult {
  std::vector<ArticleOutcome> articles;  // one per input article, input order
  size_t inserted = 0, unchanged = 0, updated = 0, duplicates = 0;
};

enum class StorySort { kRecent, kLargest };

struct StoryQuery {
  StorySort sort = StorySort::kRecent;
  std::string text;    // words that must appear in a member's title or body (FTS)
  std::string entity;  // a name that must appear in a member article
  size_t limit = 50;   // at most 500
  size_t offset = 0;
};

struct StoryRow {
  std::string id;
  std::string headline;
  size_t article_count = 0;
  std::vector<std::string> outlets;
  std::optional<std::string> first_published;  // "YYYY-MM-DD[THH:MM]"
  std::optional<std::string> last_published;
  int64_t updated_unix = 0;  // last change to its membership or contents
};

struct ArticleChange {
  std::string article_id;
  int64_t at_unix = 0;
  std::string field;   // "title", "figure", "quote", "text", "published", "outlet"
  std::string before;
  std::string after;
};

struct StoredArticle {
  Article article;
  std::string story_id;
  int64_t ingested_unix = 0;
  std::vector<ArticleChange> changes;  // oldest first
};

struct StoreStats {
  size_t articles = 0, stories = 0, changes = 0;
};

class Store {
 public:
  // Opens or creates the database; fails with a message naming the file when
  // it cannot be opened or is not a newsfuse store.
  static Result<std::unique_ptr<Store>> Open(const std::string& path, const StoreOptions& options);
  virtual ~Store() = default;

  // Stores a batch in one transaction and assigns each new or corrected
  // article to a story. Durable when it returns ok.
  virtual Result<IngestResult> Ingest(std::vector<Article> batch) = 0;

  virtual Result<std::vector<StoryRow>> ListStories(const StoryQuery& query) = 0;
  virtual Result<std::optional<StoryRow>> GetStory(const std::string& story_id) = 0;
  virtual Result<std::optional<StoredArticle>> GetArticle(const std::string& article_id) = 0;

  // The story's briefing as the JSON of docs brief-json.md (one story in
  // "stories"), built on first request and kept until the story changes.
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
  // Returns once every article this store acknowledged before the call is
  // in the text and name indexes (the default: at once).
  virtual Status WaitForIndex();
};

}  // namespace newsfuse::store

#endif  // NEWSFUSE_STORE_STORE_H_
