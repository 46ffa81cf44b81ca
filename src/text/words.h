// File: text/words.h
//
// Lower-cased word views of a text, for the stages that compare words rather
// than parse them (fingerprints, term vectors). Both are built on chars.h and
// call back once per word without allocating per word:
//
//   ForEachLowerWord(text, [&](const LowerWord& w) {
//     Hash(w.lowered);                        // first kMaxLowerWordBytes bytes, ASCII-folded
//     if (w.sentence_initial) ...;
//   });
//   ForEachFoldedWord(text, [&](std::string_view w) { ... });   // "U.S." -> "us"
//
// Why two: the fingerprint hashes every byte of every article and wants the
// plainest word (a run of letters and digits, every mark a separator); term
// vectors compare sentences across outlets and fold "U.S."/"US" and
// "don't"/"dont" together. The PTB tokens with offsets that the tagger and
// the quote finder read are tokenizer.h; letter and digit runs with spacing
// (the time-expression recognizer's units) are char_runs.h.
#ifndef NEWSFUSE_TEXT_WORDS_H_
#define NEWSFUSE_TEXT_WORDS_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "text/chars.h"

namespace newsfuse::text {

// The longest word prefix ForEachLowerWord lower-cases; longer words (URLs
// glued together, base64) are seen through their first kMaxLowerWordBytes.
inline constexpr size_t kMaxLowerWordBytes = 64;

struct LowerWord {
  std::string_view text;      // as written; lives as long as the caller's text
  std::string_view lowered;   // ASCII-lower-cased first kMaxLowerWordBytes bytes (scratch)
  bool any_lower = false;     // some byte of the word is a-z
  bool sentence_initial = false;  // first word of the text or after . ! ? : or a newline
};

namespace internal {

// Byte classes of the lower-word scanner: one table load per byte instead of
// a chain of range tests.
enum ByteClass : uint8_t {
  kSeparator = 0,    // ASCII punctuation, space, control
  kWordAscii = 1,    // A-Z a-z 0-9
  kHighByte = 2,     // >= 0x80: a letter of another script or a separator
  kSentenceEnd = 3,  // . ! ? : newline (a separator that starts a sentence)
};
inline constexpr auto kByteClass = [] {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
      t[c] = kWordAscii;
    } else if (c >= 0x80) {
      t[c] = kHighByte;
    } else if (c == '.' || c == '!' || c == '?' || c == ':' || c == '\n') {
      t[c] = kSentenceEnd;
    }
  }
  return t;
}();

// A byte >= 0x80 at `p` starts a letter unless it starts U+2000..U+207F
// (General Punctuation: curly quotes, dashes) or U+00A0 / U+00AB / U+00BB
// (no-break space, guillemets). A cheap approximation of IsUnicodePunct that
// looks at two bytes, kept because fingerprints are hashed with it.
inline bool IsHighWordByte(unsigned char c, const unsigned char* p, const unsigned char* end) {
  if (p + 1 < end && IsGeneralPunctuationLead(c, p[1])) return false;
  if (c == 0xC2 && p + 1 < end && (p[1] == 0xA0 || p[1] == 0xAB || p[1] == 0xBB)) return false;
  return true;
}

}  // namespace internal

// Calls `fn(const LowerWord&)` for each word of `text`, in order. A word is a
// maximal run of ASCII letters and digits or of non-ASCII letters (see
// internal::IsHighWordByte); ASCII punctuation and spaces separate words.
// Case folding is ASCII only: other scripts keep their case as written.
template <typename Fn>
void ForEachLowerWord(std::string_view text, Fn&& fn) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = p + text.size();
  bool sentence_start = true;
  // One pass per word: classify, lowercase into `lowered` and note lower-case
  // letters as the bytes go by, so the word is not read again.
  char lowered[kMaxLowerWordBytes];
  while (p < end) {
    unsigned char c = *p;
    const uint8_t cls = internal::kByteClass[c];
    if (cls != internal::kWordAscii && !(cls == internal::kHighByte && internal::IsHighWordByte(c, p, end))) {
      if (cls == internal::kSentenceEnd) sentence_start = true;
      // Skip the rest of a multi-byte separator as one unit.
      ++p;
      if (c >= 0x80) {
        while (p < end && IsUtf8Continuation(*p)) ++p;
      }
      continue;
    }
    const auto* begin = p;
    size_t n = 0;
    bool any_lower = false;
    while (p < end) {
      c = *p;
      const uint8_t k = internal::kByteClass[c];
      if (k == internal::kWordAscii) {
        if (n < kMaxLowerWordBytes) lowered[n++] = kAsciiLower[c];
        any_lower |= static_cast<unsigned char>(c - 'a') < 26;
        ++p;
      } else if (k == internal::kHighByte && internal::IsHighWordByte(c, p, end)) {
        // Step over whole UTF-8 sequences so that a separator test never
        // starts on a continuation byte.
        if (n < kMaxLowerWordBytes) lowered[n++] = static_cast<char>(c);
        ++p;
        while (p < end && IsUtf8Continuation(*p)) {
          if (n < kMaxLowerWordBytes) lowered[n++] = static_cast<char>(*p);
          ++p;
        }
      } else {
        break;
      }
    }
    LowerWord word;
    word.text = std::string_view(reinterpret_cast<const char*>(begin), p - begin);
    word.lowered = std::string_view(lowered, n);
    word.any_lower = any_lower;
    word.sentence_initial = sentence_start;
    sentence_start = false;
    fn(static_cast<const LowerWord&>(word));
  }
}

// Calls `fn(std::string_view word)` for each lower-cased word of `text`:
// ASCII letters and digits and non-ASCII bytes, with an apostrophe or period
// inside a word dropped when a letter follows ("U.S." -> "us", "don't" ->
// "dont"), so that outlets' spellings of one word meet. The view is valid
// during the call only (one buffer per call, reused for every word).
template <typename Fn>
void ForEachFoldedWord(std::string_view text, Fn&& fn) {
  std::string word;
  auto flush = [&] {
    if (!word.empty()) fn(std::string_view(word));
    word.clear();
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (IsAsciiAlnum(static_cast<char>(c)) || c >= 0x80) {
      word.push_back(kAsciiLower[c]);  // non-ASCII letters stay inside words
    } else if ((c == '\'' || c == '.') && !word.empty() && i + 1 < text.size() && IsAsciiAlpha(text[i + 1])) {
      // "U.S." stays "us"; "don't" becomes "dont".
    } else {
      flush();
    }
  }
  flush();
}

}  // namespace newsfuse::text

#endif  // NEWSFUSE_TEXT_WORDS_H_
