#include "synthesize/summarizer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

namespace newsfuse::synthesize {
namespace {

// A model under which every stem's first use is worth the same and a second
// use of it nearly nothing: only the weight on log k (feature 8) is set.
WordImportanceModel FirstUseModel() {
  WordImportanceModel m;
  m.scale.fill(1);
  m.bias = 0;          // P(first use) = 0.5
  m.weight[8] = -8.0f;  // P(second use) = 1 / (1 + 2^8)
  return m;
}

// Units whose stems are the given words; each word one stem.
struct Fixture {
  StemIds stems;
  std::vector<SummaryUnit> units;
  std::vector<FactGroup> groups;

  // Adds a unit of `text` in article `article` at relative `position`, in a
  // fact group of its own unless `group` names an existing one.
  uint32_t Add(uint32_t article, const std::string& text, float position = 0.0f, int group = -1) {
    SummaryUnit u;
    u.sentence.article = article;
    u.sentence.position = position;
    stems.Add(text, &u.sentence.stems);
    u.words = static_cast<uint32_t>(u.sentence.stems.size());
    const auto id = static_cast<uint32_t>(units.size());
    units.push_back(std::move(u));
    if (group < 0) {
      FactGroup g;
      g.members = {id};
      g.representative = id;
      groups.push_back(std::move(g));
    } else {
      groups[static_cast<size_t>(group)].members.push_back(id);
    }
    return id;
  }

  std::vector<uint32_t> Choose(SummaryOptions options) const { return ChooseSummary(units, stems, groups, options); }
};

SummaryOptions Options(int max_words, const WordImportanceModel* model) {
  SummaryOptions o;
  o.max_words = max_words;
  o.min_sentences = 1;
  o.model = model;
  return o;
}

// A sentence that says again what a chosen one said earns only the second
// uses of its words; one with new words comes before it.
TEST(SummarizerTest, RepeatedWordsEarnLessThanNewOnes) {
  const WordImportanceModel model = FirstUseModel();
  Fixture f;
  f.Add(0, "ferry sank near harbour");
  f.Add(1, "ferry sank near harbour");
  f.Add(2, "crew rescued by fishermen");
  const auto chosen = f.Choose(Options(8, &model));
  ASSERT_EQ(chosen.size(), 2u);
  EXPECT_EQ(chosen[0], 0u);
  EXPECT_EQ(chosen[1], 2u);
}

// Pure gain per word takes the short sentence first and then has no room
// for the long one worth three times as much; the other cost exponents and
// the swaps find the long one.
TEST(SummarizerTest, ChoosesTheLongSentenceWorthMoreOverAShortOneThatBlocksIt) {
  const WordImportanceModel model = FirstUseModel();
  Fixture f;
  f.Add(0, "storm hit coast");
  const uint32_t long_one = f.Add(1, "floods closed roads schools airports ports markets and offices");
  const auto chosen = f.Choose(Options(10, &model));
  ASSERT_EQ(chosen.size(), 1u);
  EXPECT_EQ(chosen[0], long_one);
}

TEST(SummarizerTest, OneSentencePerFactGroup) {
  const WordImportanceModel model = FirstUseModel();
  Fixture f;
  f.Add(0, "ferry sank near harbour");
  f.Add(1, "vessel capsized close to port", 0.0f, /*group=*/0);
  const auto chosen = f.Choose(Options(100, &model));
  EXPECT_EQ(chosen.size(), 1u);
}

TEST(SummarizerTest, StaysWithinTheBudgetAndReadsInOrder) {
  const WordImportanceModel model = FirstUseModel();
  Fixture f;
  for (uint32_t i = 0; i < 12; ++i) {
    std::string text;
    for (uint32_t w = 0; w < 4 + i % 5; ++w) text += "word" + std::to_string(i) + "x" + std::to_string(w) + " ";
    f.Add(i % 3, text, static_cast<float>(11 - i) / 12.0f);
  }
  const auto chosen = f.Choose(Options(20, &model));
  ASSERT_GE(chosen.size(), 2u);
  uint32_t words = 0;
  for (size_t k = 0; k < chosen.size(); ++k) {
    words += f.units[chosen[k]].words;
    if (k > 0) {
      EXPECT_LE(f.units[chosen[k - 1]].sentence.position, f.units[chosen[k]].sentence.position);
    }
  }
  EXPECT_LE(words, 20u);
}

// The product's options: the summary never runs past its word budget, even
// when the budget holds a single sentence.
TEST(SummarizerTest, DefaultOptionsKeepTheWordBudget) {
  const WordImportanceModel model = FirstUseModel();
  Fixture f;
  f.Add(0, "alpha beta gamma delta epsilon zeta");
  f.Add(1, "eta theta iota kappa lambda mu");
  f.Add(2, "nu xi omicron pi rho sigma");
  SummaryOptions o;
  o.max_words = 8;
  o.model = &model;
  const auto chosen = f.Choose(o);
  uint32_t words = 0;
  for (uint32_t u : chosen) words += f.units[u].words;
  EXPECT_EQ(chosen.size(), 1u);
  EXPECT_LE(words, 8u);
}

TEST(SummarizerTest, MinSentencesMayExceedTheBudget) {
  const WordImportanceModel model = FirstUseModel();
  Fixture f;
  f.Add(0, "alpha beta gamma delta epsilon zeta");
  f.Add(1, "eta theta iota kappa lambda mu");
  f.Add(2, "nu xi omicron pi rho sigma");
  SummaryOptions o = Options(8, &model);
  o.min_sentences = 3;
  EXPECT_EQ(f.Choose(o).size(), 3u);
}

// Filling to the cut: the summary runs past the budget with the sentence
// that crosses it, and that sentence goes last so the cut truncates it and
// not one chosen whole. Off, the summary stops short.
TEST(SummarizerTest, FillToCutAddsTheCrossingSentenceLast) {
  const WordImportanceModel model = FirstUseModel();
  Fixture f;
  f.Add(0, "one two three four five six", 0.5f);
  f.Add(1, "seven eight nine ten eleven twelve", 0.6f);
  const uint32_t early = f.Add(2, "alpha beta gamma delta epsilon", 0.0f);
  SummaryOptions o = Options(14, &model);
  const auto plain = f.Choose(o);
  ASSERT_EQ(plain.size(), 2u);
  o.fill_to_cut = true;
  const auto filled = f.Choose(o);
  ASSERT_EQ(filled.size(), 3u);
  EXPECT_LE(f.units[filled[0]].sentence.position, f.units[filled[1]].sentence.position);
  uint32_t whole = f.units[filled[0]].words + f.units[filled[1]].words;
  EXPECT_LE(whole, 14u);
  EXPECT_GT(whole + f.units[filled[2]].words, 14u) << "the last one crosses the cut";
  EXPECT_TRUE(filled[2] == early || f.units[filled[2]].sentence.position >= 0.5f);
}

// With the committed model: of two sentences of equal length, the one in
// the words that every article uses beats the one in words of one article.
TEST(SummarizerTest, TrainedModelPrefersWhatEveryArticleSays) {
  Fixture f;
  f.Add(0, "the ferry sank in the harbour on tuesday", 0.0f);
  f.Add(1, "a ferry sank in the harbour on tuesday morning", 0.0f);
  f.Add(2, "the ferry sank in the old harbour tuesday", 0.0f);
  f.Add(0, "gulls circled above the grey painted lighthouse", 0.5f);
  f.Add(1, "a brass band played later at the fair", 0.5f);
  f.Add(2, "vendors sold roasted chestnuts near the square", 0.5f);
  const auto chosen = f.Choose(Options(9, nullptr));
  ASSERT_EQ(chosen.size(), 1u);
  EXPECT_LT(chosen[0], 3u) << "chose an aside";
}

// A sentence that points back ("But it ...") is passed over for one that
// stands alone, even worth less; a story with nothing else still gets one.
TEST(SummarizerTest, ChoosesSentencesThatStandAloneWhenThereAreAny) {
  const WordImportanceModel model = FirstUseModel();
  Fixture f;
  f.Add(0, "but it sank near the old harbour wall");  // 8 words
  f.units.back().stands_alone = false;
  const uint32_t alone = f.Add(1, "ferry sank");
  auto chosen = f.Choose(Options(9, &model));  // not room for both
  ASSERT_EQ(chosen.size(), 1u);
  EXPECT_EQ(chosen[0], alone);
  f.units[alone].stands_alone = false;
  chosen = f.Choose(Options(9, &model));
  ASSERT_EQ(chosen.size(), 1u);
  EXPECT_EQ(chosen[0], 0u) << "no sentence stands alone: the best of the rest";
}

TEST(SummarizerTest, NoUnitsNoSummary) {
  EXPECT_TRUE(ChooseSummary({}, StemIds{}, {}, SummaryOptions{}).empty());
}

}  // namespace
}  // namespace newsfuse::synthesize
