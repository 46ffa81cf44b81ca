// File: ingest/jsonl_reader.h
//
// Reads articles from JSON Lines: one object per line with the fields
// `id, url, outlet, published, title, text` (and `html` where a crawler kept
// the page). A bad line is reported and skipped; the rest of the file is read.
#ifndef NEWSFUSE_INGEST_JSONL_READER_H_
#define NEWSFUSE_INGEST_JSONL_READER_H_

#include <cstdint>
#include <cstdio>
#include <string_view>
#include <functional>
#include <string>

#include "ingest/reporter.h"
#include "newsfuse/article.h"
#include "newsfuse/status.h"

namespace newsfuse::ingest {

struct JsonlOptions {
  // A line longer than this is skipped (and reported) without being buffered whole.
  uint64_t max_line_bytes = 16u << 20;
};

// Calls `on_article` for each good line of `path` ("-" is standard input), in
// order. Bad lines go to `reporter`. Returns an error only when the file
// itself cannot be read.
Status ReadJsonl(const std::string& path, const JsonlOptions& options, Reporter& reporter,
                 const std::function<void(Article&&)>& on_article);

// The same over an open stream (read to its end; not closed) and over bytes
// in memory. `name` prefixes the messages ("name:LINE: problem").
Status ReadJsonlStream(FILE* file, const std::string& name, const JsonlOptions& options,
                       Reporter& reporter, const std::function<void(Article&&)>& on_article);
Status ReadJsonlBuffer(std::string_view bytes, const std::string& name, const JsonlOptions& options,
                       Reporter& reporter, const std::function<void(Article&&)>& on_article);

}  // namespace newsfuse::ingest

#endif  // NEWSFUSE_INGEST_JSONL_READER_H_
