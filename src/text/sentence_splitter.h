// File: text/sentence_splitter.h
//
// Rule-based English sentence boundary detection for news text.
//
//   std::vector<Span> spans = SplitSentences("Mr. Smith went to Washington. He left.");
//   // -> "Mr. Smith went to Washington." and "He left."
//
// What it knows (see sentence_splitter.cc for the rules):
//   - titles and abbreviations: "Gen. Mark Ellis", "Acme Corp. fell", "Oct. 7",
//     "No. 5", "p. 55"; an abbreviation ends a sentence only before a word that
//     usually starts one ("the U.S. The next day" splits, "U.S. officials" not);
//   - initials ("J. R. R. Tolkien"), "a.m."/"p.m." ("at 5 p.m. Monday. He"),
//     numbers ("1.4 million", "$100.00."), e-mail addresses and URLs;
//   - quotations: a sentence ending inside closing quotes ends after them, and
//     a lower-case word after them continues it (`"Hi." she said.`);
//   - ellipses ("..." "…" ". . ."), "?!" runs, "Yahoo! in";
//   - lists: "1." "2)" "3.)" "a." markers and bullets ("•", "⁃", "- " at a line
//     start) open items, also mid-line when a marker continues the sequence;
//   - newlines: a blank line always ends a sentence; a single newline ends one
//     before or after a list item and after a line with no terminal or
//     continuing punctuation (a headline) when the next line is not lower
//     case; otherwise it is a space.
// It is tuned for English news; it does not split on ';' or ':'.
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
