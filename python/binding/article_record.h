// File: python/binding/article_record.h
//
// The compact per-article record the Python module passes between the steps
// of a distributed run (analyse -> shuffle -> cluster -> brief): the
// article's sketch (newsfuse/engine.h ArticleSketch: copy keys, names,
// words, protagonist), its id and publication date, and the article itself
// as its JSON line, so that a later step rebuilds exactly the Article the
// single-machine reader makes. Little-endian, length-prefixed, versioned:
//
//   u8 version | str id | str published | u32 protagonist | u64 body_bytes
//   | u16 n, u64[n] copy_keys | u16 n, u32[n] names | u16 n, u32[n] words
//   | str line                                  (str: u32 length, bytes)
#ifndef NEWSFUSE_PYTHON_ARTICLE_RECORD_H_
#define NEWSFUSE_PYTHON_ARTICLE_RECORD_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "newsfuse/article.h"
#include "newsfuse/engine.h"
#include "newsfuse/result.h"

namespace newsfuse::python {

struct ArticleRecord {
  std::string id;
  std::string published;  // CivilDate::ToString(), "" when undated
  ArticleSketch sketch;
  std::string line;       // the article's JSON line
};

std::string EncodeRecord(const ArticleRecord& record);
// Fails naming the problem when `bytes` is not a whole record of this version.
Result<ArticleRecord> DecodeRecord(std::string_view bytes);

// The record's blocking keys in one 64-bit space, tagged by kind in the top
// two bits so that a word id never meets an equal name id: copy keys, names,
// words, and the article id (repeated ids must meet to be left out).
std::vector<uint64_t> BlockingKeys(const ArticleRecord& record);

// An Article whole, as bytes (read_articles' items: an article read from a
// WARC crawl or an HTML page has no JSON line that parses back to it, so its
// record's `line` holds these bytes instead). They begin with a NUL byte,
// which no JSON line does:
//
//   u8 0 | u8 version | str id | str origin | u8 mask, str[k] outlet url title
//   subtitle language (bit k: present) | u8 dated, i32[5] published
//   | u32 n, (str text, u8 flags, str label)[n] | u32 n, (u8 kind, str text)[n]
std::string EncodeArticle(const Article& article);
bool IsEncodedArticle(std::string_view bytes);
// Fails naming the problem when `bytes` is not a whole encoded article.
Result<Article> DecodeArticle(std::string_view bytes);

}  // namespace newsfuse::python

#endif  // NEWSFUSE_PYTHON_ARTICLE_RECORD_H_
