#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include "extract/ner_features.h"

namespace newsfuse::extract::ner {
namespace {

// HashLower as it was before issue 15 (one recursion per 128 bytes): the
// loop must give the same values, or the shipped model's features change.
uint64_t RecursiveHashLower(std::string_view s) {
  char buf[128];
  const size_t n = std::min(s.size(), sizeof buf);
  for (size_t k = 0; k < n; ++k) {
    const char c = s[k];
    buf[k] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  uint64_t h = XXH3_64bits(buf, n);
  if (s.size() > n) h = Mix64(h + RecursiveHashLower(s.substr(n)));
  return h;
}

TEST(HashLower, SameValueAsTheRecursiveForm) {
  for (size_t len : {0, 1, 5, 127, 128, 129, 255, 256, 257, 1000}) {
    std::string word;
    for (size_t i = 0; i < len; ++i) word += static_cast<char>((i % 3 ? 'A' : 'a') + i % 26);
    EXPECT_EQ(HashLower(word), RecursiveHashLower(word)) << len;
  }
}

TEST(HashLower, SixMebibyteWordDoesNotOverflowTheStack) {
  EXPECT_NE(HashLower(std::string(6 << 20, 'x')), HashLower(std::string(6 << 20, 'y')));
}

}  // namespace
}  // namespace newsfuse::extract::ner
