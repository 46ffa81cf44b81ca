#include "synthesize/name_variants.h"

#include <gtest/gtest.h>

namespace newsfuse::synthesize {
namespace {

TEST(NameVariantsTest, ReadsNamesWithOfAndWithoutTheirTitle) {
  EXPECT_EQ(LongNames("In 2002 she became President of the Medical Association of the State of Alabama, a first."),
            (std::vector<std::string>{"Medical Association of the State of Alabama"}));
  EXPECT_EQ(LongNames("She led Alabama's state medical association."), (std::vector<std::string>{"Alabama"}));
}

TEST(NameVariantsTest, OtherOrderOrWordsLeftOutAreOneName) {
  EXPECT_TRUE(NameVariants("Medical Association of the State of Alabama", "State of Alabama Medical Association"));
  EXPECT_TRUE(NameVariants("Medical Association of the State of Alabama", "Medical Association of Alabama"));
}

TEST(NameVariantsTest, ShorterMentionsAndPeopleAreNot) {
  // A run of the longer name is just a shorter mention; a person with a
  // title is the title comparison's; two names are not one.
  EXPECT_FALSE(NameVariants("American Medical Association Board of Trustees", "American Medical Association"));
  EXPECT_FALSE(NameVariants("Strategic Affairs Minister Ron Dermer", "Minister Ron Dermer Strategic Affairs"));
  EXPECT_FALSE(NameVariants("Medical Association of Alabama", "American Medical Association"));
}

}  // namespace
}  // namespace newsfuse::synthesize
