// File: ingest/html_reader.h
//
// Reads one web page (HTML bytes, optionally gzip-compressed as `.html.gz`)
// into an Article: the main text as paragraphs (see html_content_extractor.h)
// and the metadata (see html_metadata.h).
//
//   Result<Article> a = ReadHtmlArticle("story-1", "pages/story-1.html.gz", bytes);
//   if (!a.ok()) reporter.Skipped(a.status());
//
// Thread-safety: safe to call from several threads at once.
#ifndef NEWSFUSE_INGEST_HTML_READER_H_
#define NEWSFUSE_INGEST_HTML_READER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "newsfuse/article.h"
#include "newsfuse/result.h"

namespace newsfuse::ingest {

struct HtmlReaderOptions {
  // A page larger than this (after inflating) is refused with ResourceExhausted.
  uint64_t max_page_bytes = 32u << 20;
  // Charset named by the transport (an HTTP Content-Type), if any.
  std::string declared_charset;
  // Prefer the page's JSON-LD articleBody when the DOM yields much less text.
  bool use_json_ld_body = true;
};

// Extra page facts the Article type has no field for.
struct HtmlExtras {
  std::vector<std::string> authors;
};

// `id` and `origin` are copied into the Article and name the page in errors.
// Fails with ResourceExhausted for an oversized page, DataLoss for damaged
// gzip data, and InvalidArgument for bytes that are not a web page (binary
// data) or a page with no text at all.
Result<Article> ReadHtmlArticle(std::string_view id, std::string_view origin,
                                std::string_view bytes);
Result<Article> ReadHtmlArticle(std::string_view id, std::string_view origin,
                                std::string_view bytes, const HtmlReaderOptions& options,
                                HtmlExtras* extras = nullptr);

// "dir/abc.html.gz" -> "abc" (also .htm, .xhtml, .html.gz, .htm.gz).
std::string HtmlFileId(std::string_view path);

}  // namespace newsfuse::ingest

#endif  // NEWSFUSE_INGEST_HTML_READER_H_
