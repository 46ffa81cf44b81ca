// File: serve/article_batch.h
//
// Turns the body of `POST /api/articles` into articles: one JSON object, a
// JSON array of objects, or JSON Lines. Each object has the fields of the
// project's JSONL input (ingest/jsonl_reader.h: id, url, outlet, published,
// title, text or html), and is read by that reader, so the service and
// `newsfuse ingest` accept exactly the same articles.
//
//   ArticleBatch b = ParseArticleBatch(body, BodyFormat::kDetect);
//   // b.articles: the good ones, input order; b.rejected: {item, why} for the rest
//
// An object without an id gets a stable one from a hash of its url (or, with
// no url, its title and body), so posting the same article twice is
// idempotent rather than a second copy.
//
// Thread-safety: a pure function; each thread keeps its own JSON parser.
#ifndef NEWSFUSE_SERVE_ARTICLE_BATCH_H_
#define NEWSFUSE_SERVE_ARTICLE_BATCH_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "newsfuse/article.h"

namespace newsfuse::serve {

enum class BodyFormat {
  kDetect,      // '[': an array; a single object; otherwise (or if that fails) JSON Lines
  kJsonLines,   // one object per line (Content-Type application/x-ndjson)
};

struct RejectedItem {
  size_t line = 0;  // 1-based: the line of JSON Lines, the element of an array
  std::string error;
};

struct ArticleBatch {
  std::vector<Article> articles;
  std::vector<size_t> lines;  // the `line` of each article, as in RejectedItem
  std::vector<RejectedItem> rejected;  // in input order
  // Kept, but not quite as given (a "published" that is not a date): same
  // form as `rejected`, in input order.
  std::vector<RejectedItem> warnings;
};

ArticleBatch ParseArticleBatch(std::string_view body, BodyFormat format);

}  // namespace newsfuse::serve

#endif  // NEWSFUSE_SERVE_ARTICLE_BATCH_H_
