// File: fingerprint/tokens.h
//
// Word tokens for fingerprinting, produced as views into the caller's text
// with no allocation per token, and hashed with xxHash (XXH3, 64 bits) over
// their ASCII-lowercased bytes.
//
//   ForEachToken(paragraph, [&](const Token& t) {
//     uint64_t h = t.hash;                // case-folded word
//     if (t.capitalised && !t.sentence_initial) ...;
//   });
//
// A token is a maximal run of ASCII letters and digits or of non-ASCII bytes
// (UTF-8 letters of other scripts); ASCII punctuation, spaces and the Unicode
// General Punctuation block (curly quotes, dashes: U+2000..U+206F) separate
// tokens. Case folding is ASCII only: good enough for hashing English news,
// where the other scripts keep their case as written.
#ifndef NEWSFUSE_FINGERPRINT_TOKENS_H_
#define NEWSFUSE_FINGERPRINT_TOKENS_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace newsfuse::fingerprint {

struct Token {
  std::string_view text;     // as written; lives as long as the caller's text
  uint64_t hash = 0;         // XXH3 of the lowercased token
  uint64_t stem_hash = 0;    // XXH3 of the lowercased, lightly stemmed token
  bool capitalised = false;  // first byte is an ASCII capital
  bool all_caps = false;     // every letter is an ASCII capital (and there are >= 2)
  bool sentence_initial = false;  // first token of the text or after . ! ? :
  bool stopword = false;     // a function word ("the", "said", ...)
};

// A fixed set of lower-case words, probed by token hash once per token:
// open addressing over a power-of-two table (a few hundred words in 1024
// slots: one probe, rarely two), faster than a binary search's
// unpredictable branches. Holds at most a few hundred words.
class WordHashSet {
 public:
  explicit WordHashSet(std::span<const char* const> words);
  bool Contains(uint64_t hash) const {
    size_t i = hash & (slots_.size() - 1);
    while (slots_[i] != 0) {
      if (slots_[i] == hash) return true;
      i = (i + 1) & (slots_.size() - 1);
    }
    return false;
  }

 private:
  std::vector<uint64_t> slots_;  // 0 = empty (no word hashes to 0 here)
};

// The longest token prefix that is hashed; longer tokens (URLs glued
// together, base64) are hashed on their first kMaxTokenBytes bytes.
inline constexpr size_t kMaxTokenBytes = 64;

// XXH3-64 of `s` lowercased (ASCII), without allocating.
uint64_t HashLower(std::string_view s);

// Calls `fn(const Token&)` for each token of `text`, in order.
template <typename Fn>
void ForEachToken(std::string_view text, Fn&& fn);

// Combines two hashes, order-sensitive (for shingles and multi-word names).
inline uint64_t MixHash(uint64_t a, uint64_t b) {
  a ^= b + 0x9e3779b97f4a7c15ULL + (a << 6) + (a >> 2);
  a ^= a >> 31;
  a *= 0xbf58476d1ce4e5b9ULL;
  return a ^ (a >> 29);
}

namespace internal {
// Fills `token` (text already set) with hashes and flags.
void DescribeToken(Token& token);
// The same from what the scanner gathered: the first `n` bytes of the
// token lowercased (n <= kMaxTokenBytes), and whether any byte is a-z.
void DescribeLowered(Token& token, const char* lowered, size_t n, bool any_lower);

// Byte classes of the scanner: one table load per byte instead of a chain
// of range tests (the scanner reads every byte of every article).
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
inline constexpr auto kAsciiLower = [] {
  std::array<char, 256> t{};
  for (int c = 0; c < 256; ++c) {
    t[c] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  return t;
}();

inline bool IsWordByte(unsigned char c, const unsigned char* p, const unsigned char* end) {
  if (c < 0x80) return kByteClass[c] == kWordAscii;
  // U+2000..U+206F is E2 80 xx / E2 81 xx: punctuation, not letters.
  if (c == 0xE2 && p + 1 < end && (p[1] == 0x80 || p[1] == 0x81)) return false;
  // U+00A0 (no-break space) and U+00AB/U+00BB (guillemets) are C2 A0/AB/BB.
  if (c == 0xC2 && p + 1 < end && (p[1] == 0xA0 || p[1] == 0xAB || p[1] == 0xBB)) return false;
  return true;
}
}  // namespace internal

template <typename Fn>
void ForEachToken(std::string_view text, Fn&& fn) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = p + text.size();
  bool sentence_start = true;
  // One pass per token: classify, lowercase into `lowered` and note lower-case
  // letters as the bytes go by, so the token is not read again.
  char lowered[kMaxTokenBytes];
  while (p < end) {
    unsigned char c = *p;
    const uint8_t cls = internal::kByteClass[c];
    if (cls != internal::kWordAscii && !(cls == internal::kHighByte && internal::IsWordByte(c, p, end))) {
      if (cls == internal::kSentenceEnd) sentence_start = true;
      // Skip the rest of a multi-byte separator as one unit.
      ++p;
      if (c >= 0x80) {
        while (p < end && (*p & 0xC0) == 0x80) ++p;
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
        if (n < kMaxTokenBytes) lowered[n++] = internal::kAsciiLower[c];
        any_lower |= static_cast<unsigned char>(c - 'a') < 26;
        ++p;
      } else if (k == internal::kHighByte && internal::IsWordByte(c, p, end)) {
        // Step over whole UTF-8 sequences so that a separator test never
        // starts on a continuation byte.
        if (n < kMaxTokenBytes) lowered[n++] = static_cast<char>(c);
        ++p;
        while (p < end && (*p & 0xC0) == 0x80) {
          if (n < kMaxTokenBytes) lowered[n++] = static_cast<char>(*p);
          ++p;
        }
      } else {
        break;
      }
    }
    Token token;
    token.text = std::string_view(reinterpret_cast<const char*>(begin), p - begin);
    token.sentence_initial = sentence_start;
    sentence_start = false;
    internal::DescribeLowered(token, lowered, n, any_lower);
    fn(static_cast<const Token&>(token));
  }
}

}  // namespace newsfuse::fingerprint

#endif  // NEWSFUSE_FINGERPRINT_TOKENS_H_
