// File: ingest/warc_reader.h
//
// Reads web pages out of WARC files (ISO 28500, WARC/1.0 and 1.1), plain
// `.warc` or `.warc.gz` (one gzip member per record, as crawlers write them;
// a single-member file works too). The file is streamed: memory stays at
// one record (capped by `max_record_bytes`), whatever the file's size.
//
// Per record: the WARC headers are read; `response` records with an HTTP
// message (`application/http`) have their status line and headers parsed,
// chunked transfer coding undone, and gzip/deflate content coding inflated;
// `resource` records are taken as they are. Records whose payload is HTML
// become Articles (ReadHtmlArticle), with `origin` "file.warc.gz@offset" (the
// byte offset of the record, in the compressed file for .warc.gz) and the
// Target-URI as id and, when the page names none, as url. Other records
// (requests, metadata, warcinfo, images, CSS, redirects) are passed over
// without a message.
//
// Damage is reported to `reporter` with the file and the record offset, the
// record skipped, and reading goes on at the next record: a record cut short
// by the end of the file, a gzip member cut in half or corrupt, a record over
// `max_record_bytes` (skipped without being buffered), a Content-Length that
// does not match where the next record starts, bad HTTP chunking.
//
// Thread-safety: no shared state; one call per thread.
#ifndef NEWSFUSE_INGEST_WARC_READER_H_
#define NEWSFUSE_INGEST_WARC_READER_H_

#include <cstdint>
#include <functional>
#include <istream>
#include <string>
#include <string_view>

#include "ingest/html_reader.h"
#include "ingest/reporter.h"
#include "newsfuse/article.h"
#include "newsfuse/status.h"

namespace newsfuse::ingest {

struct WarcOptions {
  // A record whose block is larger than this is skipped and reported.
  uint64_t max_record_bytes = 32u << 20;
  // Options for each page (its own size limit, ...).
  HtmlReaderOptions html;
};

// Calls `on_article` for each HTML page in `path`, in file order. Returns an
// error only when the file cannot be opened; damage inside it is reported
// through `reporter` and skipped.
Status ReadWarc(const std::string& path, Reporter& reporter,
                const std::function<void(Article&&)>& on_article);
Status ReadWarc(const std::string& path, const WarcOptions& options, Reporter& reporter,
                const std::function<void(Article&&)>& on_article);

// The same over an open stream; `name` names it in messages. Compression is
// detected from the first bytes.
Status ReadWarcStream(std::istream& in, std::string_view name, const WarcOptions& options,
                      Reporter& reporter, const std::function<void(Article&&)>& on_article);

}  // namespace newsfuse::ingest

#endif  // NEWSFUSE_INGEST_WARC_READER_H_
