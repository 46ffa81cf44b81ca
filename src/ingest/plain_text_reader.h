// File: ingest/plain_text_reader.h
//
// Reads one article saved as plain text, the way people copy stories off news
// pages: maybe a headline line, maybe a standfirst, maybe a dateline (at the
// top or the bottom), the body in paragraphs separated by blank lines, and
// page furniture mixed in (photo captions with credits, newsletter prompts,
// "Live updates" promos, "What You Need To Know" headers).
//
//   Result<Article> a = ParsePlainTextArticle("000_abc", "dir/000_abc.txt", bytes);
//
// Metadata is only what the text says: no headline when the first line is
// body text, no date when the only dates are in captions, no outlet unless
// the text names the one it reports for.
#ifndef NEWSFUSE_INGEST_PLAIN_TEXT_READER_H_
#define NEWSFUSE_INGEST_PLAIN_TEXT_READER_H_

#include <optional>
#include <string>
#include <string_view>

#include "newsfuse/article.h"
#include "newsfuse/result.h"

namespace newsfuse::ingest {

struct PlainTextOptions {
  // Look for a headline (and standfirst) at the top. Off for JSONL bodies,
  // whose title comes in its own field.
  bool detect_headline = true;
};

// Fails (InvalidArgument / DataLoss naming `origin`) on empty input, binary
// data and invalid UTF-8. Never throws; never reads outside `bytes`.
Result<Article> ParsePlainTextArticle(std::string_view id, std::string_view origin,
                                      std::string_view bytes, const PlainTextOptions& options = {});

// Checks that `bytes` can be text at all: not empty, not binary, valid UTF-8.
Status CheckTextBytes(std::string_view origin, std::string_view bytes);

// Fails (InvalidArgument naming `origin`) when a file of 30 or more words is
// not prose: fewer than 70% of its whitespace-separated tokens are words or
// figures once punctuation is stripped. News text scores 0.76 or more (all
// 1,351 texts of ../shared/data: PolNeAR, DUC, MEANTIME), a CMakeCache.txt
// or a source file about 0.62. For files met in a folder, which may hold
// anything; not for a feed's "text" field.
Status CheckLooksLikeProse(std::string_view origin, std::string_view utf8);

// Bytes that are not valid UTF-8 but are text: decoded as Windows-1252 (what
// browsers assume for an undeclared page); nullopt when `bytes` are valid
// UTF-8, empty or binary (CheckTextBytes then says what is wrong).
std::optional<std::string> DecodeNonUtf8Text(std::string_view bytes);

}  // namespace newsfuse::ingest

#endif  // NEWSFUSE_INGEST_PLAIN_TEXT_READER_H_
