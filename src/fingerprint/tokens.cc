// Token hashing and the stopword set behind tokens.h (the words and the light
// stemmer are text/words.h and text/stemmer.h).
#include "fingerprint/tokens.h"

#include "text/chars.h"
#include "text/stemmer.h"

// Inlined: tokens are short, and a call into the shared library per token
// costs as much as hashing it.
#define XXH_INLINE_ALL
#include <xxhash.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <vector>

namespace newsfuse::fingerprint {
namespace {

// Function words and reporting verbs: they carry no topic. Kept short on
// purpose: TF-IDF discounts the remaining common words anyway.
constexpr const char* kStopwords[] = {
    "a", "about", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are",
    "as", "at", "be", "been", "before", "being", "between", "both", "but", "by", "can", "could",
    "did", "do", "does", "doing", "during", "each", "few", "for", "from", "further", "had", "has",
    "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how",
    "i", "if", "in", "into", "is", "it", "its", "itself", "just", "may", "me", "might", "more",
    "most", "must", "my", "no", "nor", "not", "now", "of", "off", "on", "once", "one", "only",
    "or", "other", "our", "ours", "out", "over", "own", "said", "same", "say", "says", "she",
    "should", "so", "some", "such", "than", "that", "the", "their", "them", "then", "there",
    "these", "they", "this", "those", "through", "to", "told", "too", "two", "three", "under",
    "until", "up", "us", "very", "was", "we", "were", "what", "when", "where", "which", "while",
    "who", "whom", "why", "will", "with", "would", "you", "your", "according", "new", "s", "t",
    "mr", "mrs", "ms", "dr", "www", "http", "https", "com"};

const WordHashSet& StopwordHashes() {
  static const WordHashSet set(kStopwords);
  return set;
}

// Lowercases at most kMaxTokenBytes bytes of `s` into `buf`; returns the length.
size_t LowerInto(std::string_view s, char* buf) {
  size_t n = std::min(s.size(), kMaxTokenBytes);
  for (size_t i = 0; i < n; ++i) buf[i] = text::AsciiLower(s[i]);
  return n;
}

}  // namespace

uint64_t HashLower(std::string_view s) {
  char buf[kMaxTokenBytes];
  size_t n = LowerInto(s, buf);
  return XXH3_64bits(buf, n);
}

namespace internal {

void DescribeLowered(Token& token, const char* lowered, size_t n, bool any_lower) {
  token.hash = XXH3_64bits(lowered, n);
  size_t stem = text::LightStemLength(lowered, n);
  token.stem_hash = stem == n ? token.hash : XXH3_64bits(lowered, stem);
  token.stopword = StopwordHashes().Contains(token.hash);
  char first = token.text[0];
  token.capitalised = first >= 'A' && first <= 'Z';
  token.all_caps = token.capitalised && token.text.size() >= 2 && !any_lower;
}

void DescribeToken(Token& token) {
  char buf[kMaxTokenBytes];
  size_t n = LowerInto(token.text, buf);
  bool any_lower = false;
  for (char c : token.text) any_lower |= c >= 'a' && c <= 'z';
  DescribeLowered(token, buf, n, any_lower);
}

}  // namespace internal
WordHashSet::WordHashSet(std::span<const char* const> words) : slots_(1024, 0) {
  for (const char* w : words) {
    uint64_t h = XXH3_64bits(w, std::strlen(w));
    size_t i = h & (slots_.size() - 1);
    while (slots_[i] != 0 && slots_[i] != h) i = (i + 1) & (slots_.size() - 1);
    slots_[i] = h;
  }
}

}  // namespace newsfuse::fingerprint
