// File: ingest/html_dom.h
//
// Small helpers over gumbo's DOM shared by the HTML content extractor and the
// metadata reader: attribute look-up, visible text, and the class/id "hints"
// (words like "comment", "share", "article-body") that say what a block is
// for. Internal to ingest.
//
// Thread-safety: stateless functions; the nodes must outlive the views returned.
#ifndef NEWSFUSE_INGEST_HTML_DOM_H_
#define NEWSFUSE_INGEST_HTML_DOM_H_

#include <gumbo.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace newsfuse::ingest::html {

// The value of attribute `name` of element `node`; empty when absent or when
// `node` is not an element. The view lives as long as the gumbo output.
std::string_view Attr(const GumboNode* node, const char* name);

// What the class and id of an element say about it (bit flags).
enum HintFlags : uint32_t {
  kHintPositive = 1u << 0,        // article, content, story, body, post, entry, text
  kHintNegative = 1u << 1,        // header, meta, widget, hidden, ... (weak: a positive word wins)
  kHintBoilerplate = 1u << 2,     // share, social, related, newsletter, promo, ad: always out
  kHintComment = 1u << 3,         // comment sections
  kHintCaption = 1u << 4,         // captions and credits
  kHintByline = 1u << 5,          // author and date lines
  kHintDate = 1u << 6,            // class/id names a date or time
  kHintPopup = 1u << 7,           // tooltips, hover cards, pop-overs (hidden until hovered)
  kHintDateLine = 1u << 8,        // a class/id word that is exactly "date", "time", "pubdate"
};
uint32_t ClassIdHints(const GumboNode* node);

// True for elements a reader never sees: `hidden`, aria-hidden="true", or an
// inline style with display:none / visibility:hidden.
bool IsHidden(const GumboNode* node);

// Appends the text of `node`'s subtree to `out`, white space collapsed to
// single spaces (script and style skipped). Stops at `max_bytes` of output.
void AppendVisibleText(const GumboNode* node, std::string* out, size_t max_bytes = 1 << 20);

// Appends `text` to `out` collapsing runs of white space (ASCII and U+00A0)
// to one ASCII space; no leading space on an empty `out`.
void AppendCollapsed(std::string_view text, std::string* out);

}  // namespace newsfuse::ingest::html

#endif  // NEWSFUSE_INGEST_HTML_DOM_H_
