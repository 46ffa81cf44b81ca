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
//   Assign(article, prepared, next)   under the write lock, in ingest order
#ifndef NEWSFUSE_STORE_STORY_ASSIGNER_H_
#define NEWSFUSE_STORE_STORY_ASSIGNER_H_

#include <any>
#include <cstdint>

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
};

}  // namespace newsfuse::store

#endif  // NEWSFUSE_STORE_STORY_ASSIGNER_H_
