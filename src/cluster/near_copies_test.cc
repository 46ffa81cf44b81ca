#include "cluster/near_copies.h"

#include <gtest/gtest.h>

namespace newsfuse::cluster {
namespace {

// Invented bodies: a wire report, its reprint with a new last sentence, and
// an unrelated report.
const char* kWire =
    "The council of Harlow Vale voted on Tuesday to close the old tram depot on Mill Street and "
    "to move its forty workers to the new yard at Fenwick by the end of the year, the mayor said.";
const char* kOther =
    "A storm brought down power lines across the northern valley overnight, leaving about "
    "three thousand homes without electricity and closing two schools in Brackwater.";

Article Make(std::string id, std::string body, std::optional<CivilDate> published = std::nullopt) {
  Article a;
  a.id = std::move(id);
  a.published = published;
  if (!body.empty()) a.paragraphs.push_back({std::move(body), false, false, ""});
  return a;
}

TEST(FindNearCopiesTest, AReprintPointsAtTheEarlierPublishedOriginal) {
  const std::string reprint = std::string(kWire) + " Union leaders said they would appeal.";
  // The reprint comes first in the input but was published a day later.
  std::vector<Article> articles = {Make("reprint", reprint, ParseIsoDate("2025-03-12")),
                                   Make("other", kOther, ParseIsoDate("2025-03-10")),
                                   Make("wire", kWire, ParseIsoDate("2025-03-11"))};
  const std::vector<std::optional<size_t>> copy_of = FindNearCopies(articles);
  ASSERT_EQ(copy_of.size(), 3u);
  ASSERT_TRUE(copy_of[0].has_value());
  EXPECT_EQ(*copy_of[0], 2u);
  EXPECT_FALSE(copy_of[1].has_value());
  EXPECT_FALSE(copy_of[2].has_value());
}

TEST(FindNearCopiesTest, ACopyOfACopyPointsAtTheOriginalAndEmptyBodiesAreNeverCopies) {
  std::vector<Article> articles = {Make("a", kWire), Make("b", kWire), Make("c", kWire), Make("e1", ""),
                                   Make("e2", "")};
  const std::vector<std::optional<size_t>> copy_of = FindNearCopies(articles);
  EXPECT_FALSE(copy_of[0].has_value());
  EXPECT_EQ(copy_of[1], std::optional<size_t>(0));
  EXPECT_EQ(copy_of[2], std::optional<size_t>(0));
  EXPECT_FALSE(copy_of[3].has_value());
  EXPECT_FALSE(copy_of[4].has_value());
  // Above any estimated Jaccard, nothing is a copy.
  for (const auto& c : FindNearCopies(articles, 1.01)) EXPECT_FALSE(c.has_value());
}

}  // namespace
}  // namespace newsfuse::cluster
