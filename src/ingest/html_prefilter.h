// File: ingest/html_prefilter.h
//
// Shrinks a page before the HTML parser sees it, without changing what the
// content extractor and the metadata reader get from it:
//  - <script> (JSON-LD aside), <style>, <svg> and <noscript> elements (the
//    body only, when the end tag is not a plain "</script>"), HTML comments, <nav>/<aside>/<footer>/<select> elements, and comment
//    threads (a div, section or list whose id is "comments", "respond" or
//    "disqus_thread", which the content extractor prunes in both passes)
//    are cut out;
//  - start tags keep only the attributes the readers look at (class, id,
//    itemprop, content, datetime, hidden; the <meta> keys, <link>
//    rel/href, <html lang>; style only when it may hide the element):
//    data-*, srcset, src and handlers go;
//  - <link> elements other than rel=canonical, <meta> elements whose key
//    the metadata reader ignores (viewport, og:image, ...), <img> and
//    <input> go whole;
//  - a run of white space between two tags is cut to its first byte (a
//    white-space-only node: every reader collapses white space, and such
//    nodes are never measured); white space next to text is left alone;
//  - JSON-LD bodies can be lifted out whole (see LiftedJsonLd).
// The parser's cost grows with its input (text costs it about 450
// instructions a byte, tags about 170): on the 91 benchmark pages it gets
// 2.0 MB instead of 16.9, on the 966 Dragnet pages 20.1 MB instead of 71.9
// (27.0 before comment threads, pictures, form fields, empty scripts and
// unread styles went). Script and style bodies are raw text in HTML5 (they
// end at the first "</script" / "</style"), so cutting them cannot move a tag
// boundary. Attribute values are not decoded: an element whose key attribute
// holds a '&' is kept as it is.
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

// Whether <nav>, <aside> and <footer> are cut out (the default) or kept: the
// reader keeps them for a second look at a page where nothing else held a
// body (a blog theme that puts the post in an <aside>).
enum class PageRegions { kCut, kKeep };

// Writes the filtered page to `*out` (cleared first). With `json_ld`, the
// bodies of JSON-LD scripts go there (cleared first, in page order) instead
// of into `*out`; without it they stay in the page.
void PrefilterHtml(std::string_view html, std::string* out,
                   std::vector<LiftedJsonLd>* json_ld = nullptr,
                   PageRegions regions = PageRegions::kCut);

}  // namespace newsfuse::ingest

#endif  // NEWSFUSE_INGEST_HTML_PREFILTER_H_
