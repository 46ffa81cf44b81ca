// File: text/normalizer.h
//
// Unicode normalization of article text, with a byte map back to the source
// (after sentencepiece's Normalizer::Normalize(input, &normalized, &norm_to_orig)).
//
//   NormalizedText n = Normalize("Cafe\xCC\x81 \xE2\x80\x9Cnews\xE2\x80\x9D");  // "Café “news”"
//   // n.text is NFC ("Caf\xC3\xA9 ..."); quotes are kept as written.
//   Span in_source = n.ToOriginal(Span{0, 5});  // {0, 6}: "Cafe" plus the combining accent
//
//   MatchKey("The  “U.S.” Army — it’s here") == "the \"u.s.\" army - it's here"
//
// Normalize() is for display and for every later stage: it applies NFC,
// turns Unicode spaces into ASCII spaces, drops invisible format characters
// and replaces invalid UTF-8 with U+FFFD. It does not fold quotes or case:
// the text a reader sees keeps the outlet's typography. MatchKey() is the
// lossy key for comparing sentences across outlets.
//
// Thread-safety: both functions are pure and may be called from any thread
// (ICU's normalizer instances are immutable singletons).
#ifndef NEWSFUSE_TEXT_NORMALIZER_H_
#define NEWSFUSE_TEXT_NORMALIZER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/span.h"

namespace newsfuse::text {

struct NormalizedText {
  // Valid UTF-8 in NFC.
  std::string text;
  // norm_to_orig[i] is the source byte offset that text[i] came from; it has
  // text.size() + 1 entries, the last being the source size, and never
  // decreases. Bytes produced by one source character (or one composed
  // sequence) all map to where it starts in the source.
  std::vector<uint32_t> norm_to_orig;

  // Maps a span of `text` to the source bytes it came from. REQUIRES: the
  // span lies within `text`.
  Span ToOriginal(Span normalized) const {
    return Span{norm_to_orig[normalized.begin], norm_to_orig[normalized.end]};
  }
};

struct NormalizeOptions {
  // NBSP, U+2000..U+200A, U+202F, U+205F, U+3000 and line/paragraph
  // separators (U+2028/9 become '\n') become ASCII.
  bool ascii_spaces = true;
  // Drops soft hyphens, zero-width spaces, word joiners and byte-order marks,
  // which scraped pages leave inside words.
  bool drop_invisible = true;
};

// Normalizes `utf8` (which may hold invalid UTF-8: each invalid byte becomes
// U+FFFD, mapped to that byte). Inputs of 4 GiB or more are truncated.
NormalizedText Normalize(std::string_view utf8, const NormalizeOptions& options = {});

// A key under which two renderings of the same sentence compare equal:
// NFKC with case folding, typographic quotes and apostrophes folded to '"'
// and '\'', dashes and minus signs to '-', white space runs collapsed to one
// space and trimmed. ASCII input takes a fast path without ICU.
std::string MatchKey(std::string_view utf8);

}  // namespace newsfuse::text

#endif  // NEWSFUSE_TEXT_NORMALIZER_H_
