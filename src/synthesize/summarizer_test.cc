#include "synthesize/summarizer.h"

#include <gtest/gtest.h>

#include <cmath>

namespace newsfuse::synthesize {
namespace {

SummaryUnit MakeUnit(uint32_t article, uint32_t source, uint32_t words, float position = 0.0f) {
  SummaryUnit u;
  u.article = article;
  u.source = source;
  u.words = words;
  u.position = position;
  return u;
}

SparseVector Terms(std::initializer_list<uint32_t> ids) {
  SparseVector v;
  const float w = 1.0f / std::sqrt(static_cast<float>(ids.size()));
  for (uint32_t id : ids) v.emplace_back(id, w);
  return v;
}

FactGroup Group(std::vector<uint32_t> members, std::vector<uint32_t> articles) {
  FactGroup g;
  g.members = std::move(members);
  g.representative = g.members.front();
  g.articles = std::move(articles);
  return g;
}

// Two facts, each in two articles; but one fact's second article reprints
// the first, so only the other has two independent outlets behind it.
TEST(SummarizerTest, ReprintCountsOnceAsSupport) {
  const std::vector<SummaryUnit> units = {MakeUnit(0, 0, 10), MakeUnit(1, 0, 10), MakeUnit(0, 0, 10),
                                          MakeUnit(2, 2, 10)};
  const std::vector<SparseVector> vectors = {Terms({1}), Terms({1}), Terms({2}), Terms({2})};
  const std::vector<FactGroup> groups = {Group({0, 1}, {0, 1}), Group({2, 3}, {0, 2})};
  SummaryOptions options;
  options.max_words = 10;
  options.min_sentences = 1;
  const auto chosen = ChooseSummary(units, vectors, groups, options);
  ASSERT_EQ(chosen.size(), 1u);
  EXPECT_TRUE(chosen[0] == 2 || chosen[0] == 3) << "chose unit " << chosen[0];
}

// A sentence that says again what a chosen one said earns only its support
// and lead; a sentence with new words comes before it.
TEST(SummarizerTest, CoveredWordsEarnNothing) {
  const std::vector<SummaryUnit> units = {MakeUnit(0, 0, 10), MakeUnit(1, 1, 10), MakeUnit(2, 2, 10)};
  const std::vector<SparseVector> vectors = {Terms({1, 2}), Terms({1, 2}), Terms({3})};
  const std::vector<FactGroup> groups = {Group({0}, {0}), Group({1}, {1}), Group({2}, {2})};
  SummaryOptions options;
  options.max_words = 20;
  options.min_sentences = 1;
  const auto chosen = ChooseSummary(units, vectors, groups, options);
  ASSERT_EQ(chosen.size(), 2u);
  EXPECT_EQ(chosen[0], 0u);
  EXPECT_EQ(chosen[1], 2u);
}

TEST(SummarizerTest, StaysWithinTheBudgetAndReadsInOrder) {
  std::vector<SummaryUnit> units;
  std::vector<SparseVector> vectors;
  std::vector<FactGroup> groups;
  for (uint32_t i = 0; i < 12; ++i) {
    units.push_back(MakeUnit(i % 3, i % 3, 7 + i * 3, static_cast<float>(i) / 12.0f));
    vectors.push_back(Terms({i, 100 + i % 4}));
    groups.push_back(Group({i}, {i % 3}));
  }
  SummaryOptions options;
  options.max_words = 60;
  options.min_sentences = 1;
  const auto chosen = ChooseSummary(units, vectors, groups, options);
  ASSERT_FALSE(chosen.empty());
  uint32_t words = 0;
  for (size_t k = 0; k < chosen.size(); ++k) {
    words += units[chosen[k]].words;
    if (k > 0) {
      EXPECT_LE(units[chosen[k - 1]].position, units[chosen[k]].position);
    }
  }
  EXPECT_LE(words, 60u);
}

TEST(SummarizerTest, MinSentencesMayExceedTheBudget) {
  const std::vector<SummaryUnit> units = {MakeUnit(0, 0, 30), MakeUnit(1, 1, 30), MakeUnit(2, 2, 30)};
  const std::vector<SparseVector> vectors = {Terms({1}), Terms({2}), Terms({3})};
  const std::vector<FactGroup> groups = {Group({0}, {0}), Group({1}, {1}), Group({2}, {2})};
  SummaryOptions options;
  options.max_words = 40;
  options.min_sentences = 3;
  EXPECT_EQ(ChooseSummary(units, vectors, groups, options).size(), 3u);
}

// The minimum number of sentences is met within the budget when the budget
// allows it: a second long sentence gives way to two short ones.
TEST(SummarizerTest, MinSentencesWithinTheBudgetWhenItHoldsThem) {
  const std::vector<SummaryUnit> units = {MakeUnit(0, 0, 60, 0.0f), MakeUnit(1, 1, 60, 0.1f),
                                          MakeUnit(2, 2, 15, 1.0f), MakeUnit(0, 0, 15, 1.0f),
                                          MakeUnit(1, 1, 15, 1.0f)};
  const std::vector<SparseVector> vectors = {Terms({1}), Terms({2}), Terms({3}), Terms({4}), Terms({5})};
  const std::vector<FactGroup> groups = {Group({0}, {0}), Group({1}, {1}), Group({2}, {2}), Group({3}, {0}),
                                         Group({4}, {1})};
  SummaryOptions options;
  options.max_words = 100;
  options.min_sentences = 3;
  const auto chosen = ChooseSummary(units, vectors, groups, options);
  ASSERT_EQ(chosen.size(), 3u);
  uint32_t words = 0;
  for (uint32_t u : chosen) words += units[u].words;
  EXPECT_LE(words, 100u);
  EXPECT_EQ(chosen.front(), 0u);
}

// Filling to the cut: when nothing more fits, one more sentence goes past
// the budget, and it goes last, so that a cut at max_words truncates it and
// not a sentence chosen within the budget. Off, the summary stops short.
TEST(SummarizerTest, FillToCutAddsOneSentenceLast) {
  const std::vector<SummaryUnit> units = {MakeUnit(0, 0, 40, 0.5f), MakeUnit(1, 1, 40, 0.6f),
                                          MakeUnit(2, 2, 30, 0.0f)};
  const std::vector<SparseVector> vectors = {Terms({1, 2}), Terms({3, 4}), Terms({5})};
  const std::vector<FactGroup> groups = {Group({0}, {0}), Group({1}, {1}), Group({2}, {2})};
  SummaryOptions options;
  options.max_words = 100;
  options.min_sentences = 1;
  options.lead_weight = 0;
  options.support_weight = 0;
  const auto plain = ChooseSummary(units, vectors, groups, options);
  ASSERT_EQ(plain.size(), 2u);
  EXPECT_EQ(plain[0], 0u);
  EXPECT_EQ(plain[1], 1u);
  options.fill_to_cut = true;
  const auto filled = ChooseSummary(units, vectors, groups, options);
  ASSERT_EQ(filled.size(), 3u);
  EXPECT_EQ(filled[0], 0u);
  EXPECT_EQ(filled[1], 1u);
  EXPECT_EQ(filled[2], 2u) << "the filler reads first by position but must come last";
}

TEST(SummarizerTest, NoUnitsNoSummary) {
  EXPECT_TRUE(ChooseSummary({}, {}, {}, SummaryOptions{}).empty());
}

}  // namespace
}  // namespace newsfuse::synthesize
