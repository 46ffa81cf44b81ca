// File: text/tokenizer.h
//
// Word tokenization of English news text, compatible with the Penn Treebank
// and CoNLL-2003 conventions that the entity tagger was trained on.
//
//   std::vector<Span> tokens;
//   Tokenize("Netanyahu's aides don't expect a cease-fire.", &tokens);
//   // -> "Netanyahu" "'s" "aides" "do" "n't" "expect" "a" "cease-fire" "."
//
// Conventions:
//   - Abbreviations keep their periods: "U.S.", "a.m.", "Ph.D.", "Mr.", "Gen.",
//     initials ("George W. Bush"); a sentence-final period after an ordinary
//     word is its own token.
//   - Clitics split as in the PTB: "'s" "'re" "'ve" "'ll" "'d" "'m" and "n't"
//     ("don't" -> "do" "n't", "can't" -> "ca" "n't"); a possessive apostrophe
//     after a plural ("students'") is its own token; "O'Brien" stays whole.
//     The typographic apostrophe (U+2019) is treated like "'".
//   - Hyphenated words ("cease-fire", "Jean-Pierre", "1996-08-22"), numbers with
//     separators ("1,200", "1.4", "10:30", "1/2") and URLs, e-mail addresses,
//     domains ("reuters.com"), @handles and #hashtags are one token each.
//   - Other punctuation, straight and curly quotes, brackets, dashes and
//     currency symbols are split off; runs of the same mark ("...", "--",
//     "?!") stay together.
//   - Non-ASCII letters (UTF-8) are word characters; Unicode spaces (NBSP,
//     U+2000..U+200A, U+202F, U+3000) separate tokens like ASCII white space.
#ifndef NEWSFUSE_TEXT_TOKENIZER_H_
#define NEWSFUSE_TEXT_TOKENIZER_H_

#include <string_view>
#include <vector>

#include "text/span.h"

namespace newsfuse::text {

// Appends the tokens of `text` to `*out` as byte spans into `text`, in order,
// never overlapping, never empty and never containing white space. Offsets are
// relative to the start of `text` (for a sentence inside a document, add the
// sentence's begin, or call TokenizeRange). Allocates nothing per token beyond
// the growth of `*out`. Thread-safe; works on any bytes (invalid UTF-8 bytes
// are treated as word characters).
void Tokenize(std::string_view text, std::vector<Span>* out);

// Tokenizes `range` of `text` and appends spans relative to `text` itself.
void TokenizeRange(std::string_view text, Span range, std::vector<Span>* out);

}  // namespace newsfuse::text

#endif  // NEWSFUSE_TEXT_TOKENIZER_H_
