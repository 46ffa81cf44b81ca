#include "base/utf8.h"

#include <gtest/gtest.h>

namespace newsfuse::base {
namespace {

TEST(Utf8Test, FindsFirstInvalidByte) {
  struct Case {
    std::string bytes;
    size_t invalid_at;
  };
  const Case cases[] = {
      {"plain ascii", std::string::npos},
      {"caf\xC3\xA9", std::string::npos},
      {"\xE2\x80\x9Cquote\xE2\x80\x9D", std::string::npos},
      {"ab\xFF", 2},
      {"\xC0\xAF", 0},              // overlong '/'
      {"x\xED\xA0\x80", 1},         // UTF-16 surrogate
      {"\xE2\x80", 0},              // truncated
      {"\xF4\x90\x80\x80", 0},      // above U+10FFFF
  };
  for (const auto& c : cases) EXPECT_EQ(FindInvalidUtf8(c.bytes), c.invalid_at) << c.bytes;
}

TEST(Utf8Test, DecodesAndEncodesRoundTrip) {
  for (char32_t cp : {U'a', U'\u00e9', U'\u201c', U'\U0001F600'}) {
    std::string s;
    AppendUtf8(cp, &s);
    size_t pos = 0;
    EXPECT_EQ(DecodeUtf8(s, &pos), cp);
    EXPECT_EQ(pos, s.size());
  }
}

TEST(Utf8Test, BinaryDetection) {
  EXPECT_TRUE(LooksBinary(std::string("PK\x03\x04\0\0", 6)));
  EXPECT_FALSE(LooksBinary("Headline\n\nBody text.\n"));
}

}  // namespace
}  // namespace newsfuse::base
