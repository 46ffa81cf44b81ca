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

TEST(StringsTest, CollapseWhitespace) {
  EXPECT_EQ(CollapseWhitespace("  a \n\t b\xC2\xA0 c "), "a b c");
}

TEST(StringsTest, CaseInsensitiveHelpers) {
  EXPECT_TRUE(StartsWithIgnoreCase("PHOTO: x", "photo:"));
  EXPECT_FALSE(StartsWithIgnoreCase("PH", "photo:"));
  EXPECT_EQ(FindIgnoreCase("via Getty Images", "GETTY"), 4u);
  EXPECT_EQ(FindIgnoreCase("abc", "x"), std::string_view::npos);
}

}  // namespace
}  // namespace newsfuse::base
