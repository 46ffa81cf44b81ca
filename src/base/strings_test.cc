#include "base/strings.h"

#include <gtest/gtest.h>

namespace newsfuse::base {
namespace {

TEST(StringsTest, TrimRemovesAsciiAndNoBreakSpace) {
  EXPECT_EQ(Trim("  a b \t"), "a b");
  EXPECT_EQ(Trim("\xC2\xA0x\xC2\xA0"), "x");
  EXPECT_EQ(Trim("\xEF\xBB\xBFtitle"), "title");
  EXPECT_EQ(Trim("   "), "");
}

TEST(StringsTest, SplitLinesDropsCarriageReturns) {
  auto lines = SplitLines("a\r\nb\n\nc");
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0], "a");
  EXPECT_EQ(lines[2], "");
  EXPECT_EQ(lines[3], "c");
}

TEST(StringsTest, CountWordsAgreesWithSplitWords) {
  for (std::string_view text : {"", "   ", "one", " two  words ", "a\tb\nc\r\nd", "x "}) {
    EXPECT_EQ(CountWords(text), SplitWords(text).size()) << '"' << text << '"';
  }
}

TEST(StringsTest, CollapseWhitespace) {
  EXPECT_EQ(CollapseWhitespace("  a \n\t b\xC2\xA0 c "), "a b c");
  // U+00A0 at either end and alone between words; 0xC2 starting another
  // character ("\xC2\xB7", a middle dot) is text, not space.
  EXPECT_EQ(CollapseWhitespace("\xC2\xA0x\xC2\xA0\xC2\xA0y\xC2\xA0"), "x y");
  EXPECT_EQ(CollapseWhitespace("a\xC2\xB7" "b \xC2\xB7 c"), "a\xC2\xB7" "b \xC2\xB7 c");
  EXPECT_EQ(CollapseWhitespace("ends with \xC2"), "ends with \xC2");
  EXPECT_EQ(CollapseWhitespace(" \v\f\r "), "");
  EXPECT_EQ(CollapseWhitespace("one"), "one");
}

TEST(StringsTest, CaseInsensitiveHelpers) {
  EXPECT_TRUE(StartsWithIgnoreCase("PHOTO: x", "photo:"));
  EXPECT_FALSE(StartsWithIgnoreCase("PH", "photo:"));
  EXPECT_EQ(FindIgnoreCase("via Getty Images", "GETTY"), 4u);
  EXPECT_EQ(FindIgnoreCase("abc", "x"), std::string_view::npos);
  // The first byte in either case, a digit or a symbol first, a match at the end.
  EXPECT_EQ(FindIgnoreCase("Display: NONE", "none"), 9u);
  EXPECT_EQ(FindIgnoreCase("x 2Ab", "2aB"), 2u);
  EXPECT_EQ(FindIgnoreCase("a-b", "-B"), 1u);
  EXPECT_EQ(FindIgnoreCase("ab", "abc"), std::string_view::npos);
}

}  // namespace
}  // namespace newsfuse::base
