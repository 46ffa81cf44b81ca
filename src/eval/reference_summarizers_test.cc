#include "eval/reference_summarizers.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace newsfuse::synthesize {
namespace {

// Invented sentences: the first is the hub every other one shares words
// with; the last is off topic and linked to none.
std::vector<std::string> Sentences() {
  return {
      "The storm flooded the valley town and closed the river bridge overnight.",
      "Rescue crews reached the valley town by boat after the storm.",
      "The river bridge stays closed while engineers inspect it.",
      "Families left the flooded valley town for a school gym.",
      "The storm also cut power to the valley town for a day.",
      "A chess club elected its new treasurer on Tuesday evening.",
  };
}

TEST(LexRankTest, TheHubComesFirstAndTheOffTopicSentenceLast) {
  const std::vector<std::string> s = Sentences();
  const std::vector<size_t> chosen = LexRankSummary(s, 1000);
  ASSERT_EQ(chosen.size(), s.size());  // nothing is redundant at cosine 0.5
  EXPECT_EQ(chosen.front(), 0u);
  EXPECT_EQ(chosen.back(), 5u);
}

TEST(LexRankTest, SkipsANearRepeatAndFillsOnePastTheBudget) {
  std::vector<std::string> s = Sentences();
  s.push_back("The storm flooded the valley town and closed the river bridge overnight, police said.");
  // Budget 25 words: the hub (12) and then whatever ranks next and fits; the
  // near repeat of the hub is never taken, and the last one overruns.
  const std::vector<size_t> chosen = LexRankSummary(s, 25);
  ASSERT_GE(chosen.size(), 2u);
  EXPECT_TRUE(chosen.front() == 0u || chosen.front() == 6u);
  for (size_t i = 1; i < chosen.size(); ++i) EXPECT_NE(chosen[i], chosen.front() == 0u ? 6u : 0u);
  size_t words = 0;
  for (size_t k = 0; k + 1 < chosen.size(); ++k) words += std::count(s[chosen[k]].begin(), s[chosen[k]].end(), ' ') + 1;
  EXPECT_LE(words, 25u);
  words += std::count(s[chosen.back()].begin(), s[chosen.back()].end(), ' ') + 1;
  EXPECT_GT(words, 25u);
}

TEST(LexRankTest, EmptyInput) { EXPECT_TRUE(LexRankSummary({}, 100).empty()); }

}  // namespace
}  // namespace newsfuse::synthesize
