// File: store/article_codec.h
//
// How an Article is laid out in the articles table, and the cheap per-article
// work of ingest that needs no database: the body text, the two content
// hashes, the serialised paragraphs and dropped lines, and the names used for
// entity search.
//
//   EncodedArticle e = EncodeArticle(article, /*search_body_bytes=*/1024);
//   ... INSERT e.body, e.layout, e.dropped_json, e.record_hash ...
//   DecodeBody(body, layout, id, &article);   // the same paragraphs back
//
// The body is stored as plain text (paragraphs joined by "\n\n", readable
// with the sqlite3 shell, and what is hashed and searched); `layout` is empty
// for the usual article, whose paragraphs that split gives back, and else a
// small JSON list of [bytes, flags, label] per paragraph. Writing the body as
// JSON instead cost more CPU than the rest of the encoding together.
//
// Thread-safe: free functions with no shared state.
#ifndef NEWSFUSE_STORE_ARTICLE_CODEC_H_
#define NEWSFUSE_STORE_ARTICLE_CODEC_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "newsfuse/article.h"
#include "newsfuse/result.h"

namespace newsfuse::store {

struct EncodedArticle {
  std::string body;            // paragraph texts joined by "\n\n"
  uint64_t body_hash = 0;      // XXH3 of the body (byte-identical = same); 0 when empty
  uint64_t record_hash = 0;    // XXH3 of every stored field: equal means unchanged
  std::string layout;          // "" or [[bytes, flags, label], ...] (flags: 1 heading, 2 list item)
  std::string dropped_json;    // "" or [{"k":kind,"t":text}, ...]
  std::string search_body;     // the body prefix given to text search
  std::string names;           // search tokens of capitalised names, space separated
};

// `search_body_bytes` 0 keeps the whole body for search.
EncodedArticle EncodeArticle(const Article& article, size_t search_body_bytes);

// The body prefix that text search indexes: at most `max_bytes` (0: all),
// cut at the last space before the limit. A view into `body`.
std::string_view SearchPrefix(std::string_view body, size_t max_bytes);

// Paragraph texts joined by "\n\n" (as text::Document lays them out).
std::string BodyText(const Article& article);

// Parses what EncodeArticle wrote back into `article`'s paragraphs and
// dropped lines; `where` names the row in error messages.
Status DecodeBody(std::string_view body, std::string_view layout, std::string_view where, Article* article);
Status DecodeDropped(std::string_view json, std::string_view where, Article* article);

// Capitalised-name runs of the title and body, as search tokens: a run of
// two or more capitalised words ("Betty Ford Center") gives its words joined
// by '_' ("betty_ford_center") and each word alone ("ford"), so both the full
// name and a surname find it. ASCII case-folded. At most 96 distinct tokens.
std::vector<std::string> NameTokens(const Article& article);

// The search token of a name as a user types it: "Lindsay Lohan" ->
// "lindsay_lohan"; empty when the name has no word characters.
std::string NameToken(std::string_view name);

// An FTS5 query that needs every word of `text` (each quoted, so that no
// FTS5 operator reaches the parser); empty when `text` has no words.
std::string TextQuery(std::string_view text);

}  // namespace newsfuse::store

#endif  // NEWSFUSE_STORE_ARTICLE_CODEC_H_
