// File: text/chars.h
//
// What a character is, for every stage that reads words: ASCII classes and
// case folding by table, UTF-8 decoding, the Unicode white space and
// punctuation the tokenizers treat as separators, and the multi-byte marks
// news text is full of (the typographic apostrophe U+2019, curly quotes
// U+2018..U+201D, the General Punctuation block, the no-break space).
//
//   size_t len;
//   char32_t cp = DecodeUtf8(s, i, &len);
//   if (IsUnicodeSpace(cp)) ...;
//   if (size_t apo = ApostropheAt(s, i)) i += apo;   // "'" or U+2019
//
// The word views built on these (tokenizer.h: PTB tokens with offsets;
// words.h: lower-cased word views; char_runs.h: letter/digit runs) and the
// stemmers (stemmer.h) are the only definitions of a word in the tree; later
// stages pick a view, they do not scan bytes themselves. Everything here is
// inline, allocation-free and thread-safe: the scanners call it once per byte.
#ifndef NEWSFUSE_TEXT_CHARS_H_
#define NEWSFUSE_TEXT_CHARS_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "base/strings.h"

namespace newsfuse::text {

using base::IsAsciiAlpha;
using base::IsAsciiDigit;
using base::IsAsciiLower;
using base::IsAsciiSpace;
using base::IsAsciiUpper;

// Lower case first: it is most of the bytes of English text, and the
// scanners test this once per byte.
inline bool IsAsciiAlnum(char c) { return IsAsciiLower(c) || IsAsciiUpper(c) || IsAsciiDigit(c); }

// ASCII case folding; bytes >= 0x80 are left as they are, so UTF-8 passes
// through unchanged. AsciiLower is arithmetic so that a loop over a short
// word vectorizes; kAsciiLower is the same mapping as a table, for scanners
// that already classify one byte at a time by table (words.h).
constexpr char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
inline constexpr auto kAsciiLower = [] {
  std::array<char, 256> t{};
  for (int c = 0; c < 256; ++c) t[c] = AsciiLower(static_cast<char>(c));
  return t;
}();

// True for a UTF-8 continuation byte (10xxxxxx).
inline bool IsUtf8Continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Decodes the UTF-8 character at `i` (REQUIRES: i < s.size()). Invalid or
// truncated sequences decode as one byte of U+FFFD so that scanning always
// advances.
inline char32_t DecodeUtf8(std::string_view s, size_t i, size_t* len) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    *len = 1;
    return c;
  }
  size_t n = 0;
  char32_t cp = 0;
  if ((c & 0xE0) == 0xC0) {
    n = 2;
    cp = c & 0x1F;
  } else if ((c & 0xF0) == 0xE0) {
    n = 3;
    cp = c & 0x0F;
  } else if ((c & 0xF8) == 0xF0) {
    n = 4;
    cp = c & 0x07;
  } else {
    *len = 1;
    return 0xFFFD;
  }
  if (i + n > s.size()) {
    *len = 1;
    return 0xFFFD;
  }
  for (size_t k = 1; k < n; ++k) {
    const auto cc = static_cast<unsigned char>(s[i + k]);
    if (!IsUtf8Continuation(cc)) {
      *len = 1;
      return 0xFFFD;
    }
    cp = (cp << 6) | (cc & 0x3F);
  }
  *len = n;
  return cp;
}

// The byte length a UTF-8 lead byte announces (1 for ASCII and for bytes
// that cannot lead), without checking the continuation bytes.
inline size_t Utf8LeadLength(unsigned char c) {
  if (c < 0xC0) return 1;
  return c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
}

// Unicode white space: ASCII spaces, NEL, no-break spaces, the U+2000..U+200D
// spaces and zero-widths, line and paragraph separators, the ideographic
// space and the BOM.
inline bool IsUnicodeSpace(char32_t cp) {
  if (cp < 0x80) return cp == ' ' || (cp >= '\t' && cp <= '\r');
  return cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200D) ||
         cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x2060 ||
         cp == 0x3000 || cp == 0xFEFF;
}

// Non-ASCII code points that are marks rather than letters: Latin-1
// punctuation and symbols, general punctuation (dashes, curly quotes,
// bullets, ellipsis), currency, arrows, math and other symbols, CJK and
// full-width punctuation, emoji.
inline bool IsUnicodePunct(char32_t cp) {
  return (cp >= 0xA1 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 || (cp >= 0x2010 && cp <= 0x205E) ||
         (cp >= 0x20A0 && cp <= 0x20CF) || (cp >= 0x2100 && cp <= 0x214F) ||
         (cp >= 0x2190 && cp <= 0x2BFF) || (cp >= 0x3001 && cp <= 0x303F) ||
         (cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) || cp >= 0x1F000;
}

// The typographic apostrophe / right single quotation mark U+2019.
inline constexpr std::string_view kRightSingleQuote = "\xE2\x80\x99";

// Length of an apostrophe ("'" or U+2019) at `i` of `s`, else 0.
inline size_t ApostropheAt(std::string_view s, size_t i) {
  if (i >= s.size()) return 0;
  if (s[i] == '\'') return 1;
  if (static_cast<unsigned char>(s[i]) == 0xE2 && i + 3 <= s.size() && s[i + 1] == kRightSingleQuote[1] &&
      s[i + 2] == kRightSingleQuote[2]) {
    return 3;
  }
  return 0;
}

// Length of the possessive ending of `w` ("'s", or "s" after U+2019: 2 or
// 4 bytes), else 0.
inline size_t PossessiveSuffixLength(std::string_view w) {
  if (w.ends_with("'s")) return 2;
  if (w.size() >= 4 && w.substr(w.size() - 4, 3) == kRightSingleQuote && w.back() == 's') return 4;
  return 0;
}

// True for the 3-byte curly quotes U+2018..U+201D at `i` of `s`.
inline bool CurlyQuoteAt(std::string_view s, size_t i) {
  return i + 3 <= s.size() && static_cast<unsigned char>(s[i]) == 0xE2 &&
         static_cast<unsigned char>(s[i + 1]) == 0x80 && static_cast<unsigned char>(s[i + 2]) >= 0x98 &&
         static_cast<unsigned char>(s[i + 2]) <= 0x9D;
}

// True when bytes b0 b1 lead a character of U+2000..U+207F (E2 80 xx or
// E2 81 xx): the General Punctuation block (spaces, dashes, curly quotes,
// ellipsis) and the superscripts after it. One two-byte test, for the hot
// scanners that only need "a mark, not a letter".
inline bool IsGeneralPunctuationLead(unsigned char b0, unsigned char b1) {
  return b0 == 0xE2 && (b1 == 0x80 || b1 == 0x81);
}

// Byte length (3) of a character of the General Punctuation block proper,
// U+2000..U+206F, at `i` of `s`, else 0. REQUIRES nothing about `i`.
inline size_t GeneralPunctuationAt(std::string_view s, size_t i) {
  // Written as two whole tests: this shape keeps the quote finder's word
  // scanner, which calls it on every non-ASCII byte, about 6% faster than
  // an early return on the lead byte (measured on quote_finder_benchmark).
  if (i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xE2 &&
      static_cast<unsigned char>(s[i + 1]) == 0x80) {
    return 3;
  }
  if (i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xE2 &&
      static_cast<unsigned char>(s[i + 1]) == 0x81 && static_cast<unsigned char>(s[i + 2]) < 0xB0) {
    return 3;
  }
  return 0;
}

// True for the no-break space U+00A0 (C2 A0) at `i` of `s`.
inline bool NoBreakSpaceAt(std::string_view s, size_t i) {
  return i + 1 < s.size() && static_cast<unsigned char>(s[i]) == 0xC2 &&
         static_cast<unsigned char>(s[i + 1]) == 0xA0;
}

}  // namespace newsfuse::text

#endif  // NEWSFUSE_TEXT_CHARS_H_
