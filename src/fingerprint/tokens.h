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
// A token is a word of text::ForEachLowerWord (text/words.h, which defines
// what a word is: a maximal run of ASCII letters and digits or of non-ASCII
// letters, ASCII-case-folded); this header adds the hashes, flags and the
// light stem (text::LightStemLength) that fingerprints are made of.
#ifndef NEWSFUSE_FINGERPRINT_TOKENS_H_
#define NEWSFUSE_FINGERPRINT_TOKENS_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "text/words.h"

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
inline constexpr size_t kMaxTokenBytes = text::kMaxLowerWordBytes;

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

}  // namespace internal

template <typename Fn>
void ForEachToken(std::string_view text, Fn&& fn) {
  text::ForEachLowerWord(text, [&](const text::LowerWord& word) {
    Token token;
    token.text = word.text;
    token.sentence_initial = word.sentence_initial;
    internal::DescribeLowered(token, word.lowered.data(), word.lowered.size(), word.any_lower);
    fn(static_cast<const Token&>(token));
  });
}

}  // namespace newsfuse::fingerprint

#endif  // NEWSFUSE_FINGERPRINT_TOKENS_H_
