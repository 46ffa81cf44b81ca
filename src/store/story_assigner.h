// File: store/story_assigner.h
//
// Which story a new article joins: the store asks, the engine answers (its
// clusterer, engine/clustering_assigner.h). The store keeps the answer in
// the same transaction as the article, so no half story is ever visible, and
// knows nothing of how it was reached.
//
// Calls, as the store makes them:
//   Prepare(article)                  before the write lock, many threads at once
//   Reset(); Replay(...) ...          under the write lock, before the first
//                                     Assign of an open and after a failed batch
//   Plan(articles, prepared)          under the write lock, once per batch,
//                                     with the batch's articles not yet stored
//   Assign(article, prepared, next)   under the write lock, in ingest order
//   Revise(&next)                     after the batch's Assign calls: stored
//                                     articles the assigner now places elsewhere
#ifndef NEWSFUSE_STORE_STORY_ASSIGNER_H_
#define NEWSFUSE_STORE_STORY_ASSIGNER_H_

#include <any>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "newsfuse/article.h"

namespace newsfuse::store {

class StoryAssigner {
 public:
  virtual ~StoryAssigner() = default;

  // The per-article work that needs no shared state (a fingerprint), so that
  // concurrent Ingest calls overlap in it. Thread-safe.
  virtual std::any Prepare(const Article& article) = 0;

  // Forgets every story: the store replays its most recent articles next.
  virtual void Reset() = 0;
  // A stored article of stored story `story`, replayed in ingest order.
  // `prepared` is what Prepare returned for it.
  virtual void Replay(const Article& article, std::any prepared, int64_t story) = 0;
  // The stored story a new article joins: an existing one, or `new_story`
  // when it opens one. `prepared` is Prepare's result, or empty (then the
  // assigner prepares it itself).
  virtual int64_t Assign(const Article& article, std::any prepared, int64_t new_story) = 0;

  // The batch about to be assigned (articles whose ids were not stored when
  // it was prepared; some may still turn out to be copies and never reach
  // Assign), so that an assigner can group them together rather than one
  // at a time. prepared[k] is articles[k]'s Prepare result (may be empty).
  virtual void Plan(std::span<const Article* const> articles, std::span<const std::any* const> prepared) {
    (void)articles;
    (void)prepared;
  }

  // A stored article that now belongs to another stored story (`story`, an
  // existing one or an id taken from *next_story, which is then advanced).
  struct Move {
    std::string article_id;
    int64_t story = 0;
  };
  // After a batch's Assign calls: the assigner's second thoughts about
  // articles it placed before. The store moves them in the same transaction.
  virtual std::vector<Move> Revise(int64_t* next_story) {
    (void)next_story;
    return {};
  }
};

}  // namespace newsfuse::store

#endif  // NEWSFUSE_STORE_STORY_ASSIGNER_H_
