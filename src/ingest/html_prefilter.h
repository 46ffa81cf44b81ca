// File: ingest/html_prefilter.h
//
// Shrinks a page before the HTML parser sees it, without changing the text a
// reader sees: the bodies of <script> (except JSON-LD, which can be lifted
// out whole), <style>, <svg> and
// <noscript> elements and HTML comments are cut out, and start tags keep only
// the attributes the reader looks at (class, id, itemprop, content, ...:
// data-*, srcset and inline handlers go). News pages are more
// script than text (about 60% of the bytes of the benchmark pages), and the
// parser's cost grows with the bytes, so this roughly halves the parse time.
// Script and style bodies are raw text in HTML5 (they end at the first
// "</script" / "</style"), so cutting them cannot move a tag boundary.
//
// Thread-safety: stateless.
#ifndef NEWSFUSE_INGEST_HTML_PREFILTER_H_
#define NEWSFUSE_INGEST_HTML_PREFILTER_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace newsfuse::ingest {

// The body of a JSON-LD <script> taken out of the filtered page: the parser
// would spend as long on it as on the article text, and only the metadata
// reader wants it, whole (see ExtractHtmlMetadata).
struct LiftedJsonLd {
  size_t offset;     // of the script's start tag ('<') in the filtered page
  std::string text;  // the body as the HTML parser gives it (CR LF -> LF, ...)
};

// Writes the filtered page to `*out` (cleared first). With `json_ld`, the
// bodies of JSON-LD scripts go there (cleared first, in page order) instead
// of into `*out`; without it they stay in the page.
void PrefilterHtml(std::string_view html, std::string* out,
                   std::vector<LiftedJsonLd>* json_ld = nullptr);

}  // namespace newsfuse::ingest

#endif  // NEWSFUSE_INGEST_HTML_PREFILTER_H_
