// File: text/sentence_splitter.h
//
// Rule-based English sentence boundary detection for news text.
//
//   std::vector<Span> spans = SplitSentences("Mr. Smith went to Washington. He left.");
//   // -> "Mr. Smith went to Washington." and "He left."
#ifndef NEWSFUSE_TEXT_SENTENCE_SPLITTER_H_
#define NEWSFUSE_TEXT_SENTENCE_SPLITTER_H_

#include <string_view>
#include <vector>

#include "text/span.h"

namespace newsfuse::text {

// Splits `text` (UTF-8) into sentences. Returns spans into `text`, in order,
// each trimmed of surrounding white space; together they cover every
// non-space byte of `text`. Thread-safe; allocates only the result.
std::vector<Span> SplitSentences(std::string_view text);

}  // namespace newsfuse::text

#endif  // NEWSFUSE_TEXT_SENTENCE_SPLITTER_H_
