// File: ingest/charset.h
//
// Character-set detection and conversion to UTF-8 for web pages. The order is
// the HTML5 one, simplified: a byte-order mark, then the charset a transport
// header declared (HTTP Content-Type), then <meta charset> / <meta http-equiv>
// in the first bytes of the page; when nothing is declared, bytes that are
// valid UTF-8 are UTF-8 and anything else is read as windows-1252. ICU's
// converters do the conversion.
//
// Thread-safety: the functions keep no state; safe from any thread.
#ifndef NEWSFUSE_INGEST_CHARSET_H_
#define NEWSFUSE_INGEST_CHARSET_H_

#include <string>
#include <string_view>

#include "newsfuse/result.h"

namespace newsfuse::ingest {

// Returns the charset name declared by `<meta charset=...>` or
// `<meta http-equiv="Content-Type" content="...; charset=...">` in the first
// `scan_bytes` of `html`, lower-cased; empty when none is declared.
std::string SniffMetaCharset(std::string_view html, size_t scan_bytes = 4096);

// Returns the `charset=` parameter of a Content-Type header value, lower-cased;
// empty when absent.
std::string CharsetFromContentType(std::string_view content_type);

// Decodes `bytes` to UTF-8 (a BOM is removed). `declared` is a charset named
// by the transport (may be empty). Bytes that are valid UTF-8 are taken as
// UTF-8 whatever the declaration (pages often mislabel); invalid bytes under
// a UTF-8 or unknown charset become U+FFFD. Fails (InvalidArgument naming
// `subject`) only when ICU cannot convert a UTF-16 page.
Result<std::string> DecodeToUtf8(std::string_view subject, std::string_view bytes,
                                 std::string_view declared = {});

// The same without a copy for pages that are valid UTF-8 already (most are):
// the result is then `bytes` itself; otherwise the decoded text is written to
// `*storage` and the result views it. The view lives as long as `bytes` and
// `*storage` do.
Result<std::string_view> DecodeToUtf8View(std::string_view subject, std::string_view bytes,
                                          std::string_view declared, std::string* storage);

}  // namespace newsfuse::ingest

#endif  // NEWSFUSE_INGEST_CHARSET_H_
