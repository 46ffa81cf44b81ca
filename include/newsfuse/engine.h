// File: newsfuse/engine.h
//
// The library's entry point. An Engine owns the pipeline (fingerprint ->
// cluster -> analyse -> synthesize -> render) and, when opened with a
// database, the store of articles it keeps the stories of. The CLI, the
// HTTP service and a program that links the library all call it.
//
//   newsfuse::EngineOptions options;             // no db: sets of articles only
//   auto engine = newsfuse::Engine::Open(options);
//   if (!engine.ok()) return Fail(engine.status());
//   newsfuse::ReadResult read = newsfuse::ReadArticles({"examples/harbor-bridge"});
//   newsfuse::Result<newsfuse::Brief> brief = (*engine)->BriefArticles(read.articles);
//   std::cout << newsfuse::BriefToMarkdown(*brief);
//
//   options.db = "news.db";                      // with a store
//   engine = newsfuse::Engine::Open(options);
//   (*engine)->AddArticles(std::move(batch));    // durable when it returns ok
//   auto top = (*engine)->ListStories({.sort = newsfuse::StorySort::kLargest});
//   auto json = (*engine)->BriefingJson(top->front().id);
//
// Errors: every operation that can fail on input or on the database returns
// a Status or a Result naming what failed; nothing throws for an expected
// error. The operations on the store fail with kFailedPrecondition when the
// engine was opened without one.
//
// Thread-safety: every method may be called from any thread at once.
// AddArticles calls are serialised where they write (one batch is one
// transaction) and overlap in their per-article work; reads and briefings
// run concurrently with each other and with a write. BriefArticles and
// ClusterArticles share no state between calls; nor do the StoryStreams
// OpenStream returns (each is for one caller at a time).
#ifndef NEWSFUSE_ENGINE_H_
#define NEWSFUSE_ENGINE_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "newsfuse/article.h"
#include "newsfuse/brief.h"
#include "newsfuse/result.h"
#include "newsfuse/status.h"
#include "newsfuse/stories.h"

namespace newsfuse {

struct EngineOptions {
  // The store: an SQLite file, created if absent. Empty: no store; only
  // BriefArticles and ClusterArticles are available.
  std::string db;
  bool must_exist = false;  // the store exists; never create one
  bool read_only = false;   // no AddArticles; briefings built but not stored
  // An acknowledged batch also survives a power cut (fsync per commit).
  bool sync_full = false;

  // The entity tagger model; empty: the default model (models/README.md). A
  // missing or damaged model leaves entities out of briefings, unless
  // require_entity_model: then Open loads it at once and fails naming the
  // file (the CLI verbs that brief do; EntityModelStatus tells it later).
  std::string ner_model;
  bool require_entity_model = false;
  // The place list that types a story's places (models/README.md); empty:
  // places-en.txt beside ner_model (models/ by default).
  std::string place_list;
  int summary_words = 100;  // summary length budget of a briefing, in words
  // Average similarity at which sentences of different outlets state one
  // fact; unset: the tuned default.
  std::optional<float> fact_threshold;
  // Similarity at which another outlet's sentence that shares a value with
  // a fact states it too (synthesize/fact_support.h); unset: the tuned default.
  std::optional<float> fact_support_threshold;
  // Share of a claim's content words an outlet's sentence must hold to be
  // cited for it; unset: the tuned default.
  std::optional<float> citation_overlap;
  // Similarity at which an article joins a story; unset: the tuned default.
  std::optional<float> cluster_threshold;
  // The store's regrouping: each ingest batch is grouped with the stories
  // of this many most recent articles (cluster/window_regrouper.h); unset:
  // the default (64; the newest article of recently active older stories is
  // kept besides). More costs more CPU per batch (every pair of the
  // regrouped articles is scored).
  std::optional<size_t> regroup_window_articles;
  // Threads that fingerprint, cluster and analyse (0: all cores).
  unsigned threads = 0;
  // A stored story's briefing reads at most this many of its articles, the
  // most recently published.
  size_t briefing_max_articles = 200;
};

// One story found in a set of articles by ClusterArticles.
struct ArticleCluster {
  std::string id;               // "s1", "s2", ... in time order of the first member
  std::vector<size_t> members;  // indices into the input, by time then input order
  // Per member: the input index of the article it is a near-copy of, if any.
  std::vector<std::optional<size_t>> duplicate_of;
  std::string headline;              // of the member closest to the story's centre
  std::vector<std::string> outlets;  // distinct, in member order
  std::string first_published;       // "YYYY-MM-DDTHH:MM", "" when no member is dated
  std::string last_published;
};

// Input problems ClusterArticles counted (none is fatal).
struct ClusterIssues {
  size_t no_date = 0, bad_date = 0, future_date = 0;
  size_t empty_body = 0, empty_article = 0, truncated_body = 0;
  size_t repeated_id = 0;
};

struct Clustering {
  std::vector<ArticleCluster> stories;
  // Input indices left out of every story: their id came earlier in the input.
  std::vector<size_t> repeated_ids;
  ClusterIssues issues;
};

// ---- Streams: stories assigned one article at a time (Engine::OpenStream)

// A story a stream has closed: no later article can join it.
struct ClosedStory {
  std::string id;                        // as the stream's assignments name it: "s1", ...
  std::string headline;                  // of the member closest to the story's centre
  std::vector<std::string> article_ids;  // in arrival order
  std::vector<std::string> outlets;      // distinct, first-seen order
  std::string first_published;           // "YYYY-MM-DDTHH:MM", "" when no member is dated
  std::string last_published;
};

struct StreamOptions {
  // Hours without news after which a story is closed; unset: the tuned
  // default.
  std::optional<double> window_hours;
  // Called, on the thread of the Add or Finish that caused it, with each story
  // as it closes (its window passed, or Finish), and when a closing story is
  // merged into an open one (its articles then appear in that one's
  // ClosedStory).
  std::function<void(ClosedStory&&)> on_closed;
  std::function<void(const std::string& story, const std::string& into)> on_merged;
};

// Where Add put an article.
struct StreamAssignment {
  std::string story;  // the story it joined or opened
  // The id of the earlier article it is a near-copy of, if any.
  std::optional<std::string> duplicate_of;
  bool repeated_id = false;  // its id came earlier in the stream
};

// Story assignment in arrival order, the streaming counterpart of
// Engine::ClusterArticles. Not thread-safe: one caller at a time (streams
// share nothing, so different streams may run on different threads).
class StoryStream {
 public:
  ~StoryStream();
  StoryStream(const StoryStream&) = delete;
  StoryStream& operator=(const StoryStream&) = delete;

  // Assigns the next article to a story. Never fails on a bad article (it is
  // counted in issues()); kFailedPrecondition after Finish.
  Result<StreamAssignment> Add(const Article& article);
  // Closes every open story (on_closed for each); kFailedPrecondition when
  // called twice.
  Status Finish();
  // Input problems counted so far.
  ClusterIssues issues() const;

  struct Impl;
  explicit StoryStream(std::unique_ptr<Impl> impl);

 private:
  std::unique_ptr<Impl> impl_;
};

// ---- Sketches: an article's blocking keys, for a pipeline spread over
// machines (python/, docs/scale-out.md)

// What decides which articles may share a story, without the text: articles
// the clusterer can put together share at least one key, so a distributed
// run sends articles that share a key to one place.
struct ArticleSketch {
  // The MinHash LSH band keys the copy finder meets near-copies by.
  std::vector<uint64_t> copy_keys;
  // The most frequent names (entity ids) and content words (term ids) of the
  // article, most frequent first: the keys its similar articles are found by.
  std::vector<uint32_t> names;
  std::vector<uint32_t> words;
  uint32_t protagonist = 0;  // entity id of the dominant name; 0: none
  size_t body_bytes = 0;
};

// Articles read from files (plain text, JSONL, HTML, WARC, or folders of
// them; "-" reads JSONL from standard input), in input order. An input that
// cannot be read is reported on standard error and skipped.
struct ReadResult {
  std::vector<Article> articles;
  size_t skipped = 0;  // inputs (files, lines, records) that could not be read
};
ReadResult ReadArticles(const std::vector<std::string>& inputs);

// The briefing as the JSON of docs/brief-json.md, and as Markdown.
std::string BriefToJson(const Brief& brief);
std::string BriefToMarkdown(const Brief& brief);

class Engine {
 public:
  // Opens the engine, and its store when options.db is set; fails with a
  // message naming the file when the store cannot be opened or is not one.
  static Result<std::unique_ptr<Engine>> Open(const EngineOptions& options);
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  // ---- Sets of articles (no store needed)

  // Groups the articles into stories and marks near-copies (by MinHash
  // shingles). Never fails on bad articles: they are counted in `issues`.
  Result<Clustering> ClusterArticles(const std::vector<Article>& articles);

  // The briefing of each story in `articles`, largest story first (ties:
  // the story whose first article comes first in the input); one story for
  // a single article or when `one_story`. Fails only on an empty input.
  Result<Brief> BriefArticles(const std::vector<Article>& articles, bool one_story = false);

  // The sketch of each article, in order (fingerprinted with this engine's
  // options and threads): up to `names` names and `words` words each.
  std::vector<ArticleSketch> SketchArticles(const std::vector<Article>& articles, size_t names = 6,
                                            size_t words = 12);

  // A stream that assigns articles to stories as they arrive, with this
  // engine's cluster options. Fails with kInvalidArgument on a window that is
  // not a positive number of hours.
  Result<std::unique_ptr<StoryStream>> OpenStream(StreamOptions options);

  // Loads the entity tagger now (it is otherwise loaded at the first
  // briefing): OK, or why briefings will have no entities.
  Status EntityModelStatus();

  // ---- The store (kFailedPrecondition without one)

  // Stores a batch in one transaction and assigns each new or corrected
  // article to a story. Durable when it returns ok.
  Result<IngestResult> AddArticles(std::vector<Article> batch);
  // The same; `before_write` runs once the batch's per-article work is done,
  // just before it waits to write: a caller feeding batches from several
  // threads waits there for the batch before it, so that batches commit in
  // input order and the stories do not depend on which thread ran faster.
  Result<IngestResult> AddArticles(std::vector<Article> batch, const std::function<void()>& before_write);
  Result<std::vector<StoryRow>> ListStories(const StoryQuery& query);
  Result<std::optional<StoryRow>> GetStory(const std::string& story_id);
  Result<std::optional<StoredArticle>> GetArticle(const std::string& article_id);
  // Corrections recorded for the articles of a story, oldest first.
  Result<std::vector<ArticleChange>> StoryChanges(const std::string& story_id);
  // The stored story's briefing as brief-json.md JSON (one story), built on
  // first request and kept until the story changes; nullopt: no such story.
  Result<std::optional<std::string>> BriefingJson(const std::string& story_id);
  Result<StoreStats> Stats();
  // Problems a full check finds in the store; empty when all is well.
  Result<std::vector<std::string>> CheckIntegrity();
  // Calls `fn(id)` for every stored article id, in ingest order.
  Status ForEachArticleId(const std::function<void(std::string_view id)>& fn);
  // Calls `fn(id, story_id, duplicate_of)` for every stored article in
  // ingest order (`duplicate_of` empty), then for every byte-identical copy
  // kept of one (in its original's story), in ingest order.
  Status ForEachMember(
      const std::function<void(std::string_view id, std::string_view story_id, std::string_view duplicate_of)>& fn);
  // Returns once every article acknowledged before the call is searchable.
  Status WaitForIndex();

  // For the library's own factories (Open, and engine/engine_internal.h).
  struct Impl;
  explicit Engine(std::unique_ptr<Impl> impl);

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsfuse

#endif  // NEWSFUSE_ENGINE_H_
