#include "synthesize/word_importance.h"

#include <gtest/gtest.h>

#include <cmath>

namespace newsfuse::synthesize {
namespace {

TEST(StemIdsTest, InternsRougeStems) {
  StemIds stems;
  std::vector<uint32_t> a, b;
  stems.Add("Ferries were running.", &a);
  stems.Add("The ferry runs", &b);
  ASSERT_EQ(a.size(), 3u);
  ASSERT_EQ(b.size(), 3u);
  EXPECT_EQ(a[0], b[1]) << "ferries / ferry";
  EXPECT_EQ(a[2], b[2]) << "running / runs";
  EXPECT_EQ(stems.stem(a[0]), "ferri");
}

StemSentence Sentence(StemIds& stems, uint32_t article, uint32_t index, float position, const char* text) {
  StemSentence s;
  s.article = article;
  s.index = index;
  s.position = position;
  stems.Add(text, &s.stems);
  return s;
}

TEST(WordImportanceTest, StatsSayHowAWordSpreadsOverTheArticles) {
  StemIds stems;
  std::vector<StemSentence> sentences = {
      Sentence(stems, 0, 0, 0.0f, "ferry sank ferry"),
      Sentence(stems, 0, 5, 1.0f, "gulls"),
      Sentence(stems, 1, 0, 0.0f, "rescue"),
      Sentence(stems, 1, 4, 0.5f, "ferry"),
  };
  const auto stats = ComputeStemStats(sentences, stems);
  std::vector<uint32_t> ids;
  stems.Add("ferry gulls", &ids);
  const StemStats& ferry = stats[ids[0]];
  EXPECT_FLOAT_EQ(ferry.article_share, 1.0f);
  EXPECT_FLOAT_EQ(ferry.mean_first, 1.0f - 0.25f);
  EXPECT_FLOAT_EQ(ferry.earliest, 1.0f);
  EXPECT_FLOAT_EQ(ferry.lead_share, 0.5f) << "in the first three sentences of one article of two";
  EXPECT_FLOAT_EQ(ferry.log_most_in_one, std::log(2.0f));
  EXPECT_FLOAT_EQ(ferry.log_frequency, std::log(3.0f / 6.0f * 1000.0f));
  const StemStats& gulls = stats[ids[1]];
  EXPECT_FLOAT_EQ(gulls.article_share, 0.5f);
  EXPECT_FLOAT_EQ(gulls.lead_share, 0.0f);
}

TEST(WordImportanceTest, ExamplesCountTheReferencesThatUseAWordKTimes) {
  StemIds stems;
  std::vector<StemSentence> sentences = {Sentence(stems, 0, 0, 0.0f, "ferry sank")};
  std::vector<std::vector<uint32_t>> refs(2);
  stems.Add("ferry ferry sank", &refs[0]);
  stems.Add("boat", &refs[1]);
  const auto examples = WordImportanceExamples(sentences, stems, refs, 2);
  ASSERT_EQ(examples.size(), 4u) << "ferry and sank, once and twice; boat is only in a reference";
  EXPECT_FLOAT_EQ(examples[0].share, 0.5f);  // ferry, once
  EXPECT_FLOAT_EQ(examples[1].share, 0.5f);  // ferry, twice
  EXPECT_FLOAT_EQ(examples[2].share, 0.5f);  // sank, once
  EXPECT_FLOAT_EQ(examples[3].share, 0.0f);  // sank, twice
}

// Soft labels that follow a logistic curve of the article share are fitted
// back, within what the L2 penalty leaves.
TEST(WordImportanceTest, FitRecoversALogisticRule) {
  std::vector<WordImportanceExample> examples;
  for (int i = 0; i <= 100; ++i) {
    for (int k = 1; k <= 2; ++k) {
      WordImportanceExample e;
      e.stats.article_share = static_cast<float>(i) / 100.0f;
      e.stats.length = static_cast<float>(3 + i % 7);
      e.occurrence = k;
      e.share = static_cast<float>(1.0 / (1.0 + std::exp(-(8.0 * e.stats.article_share - 4.0 - 2.0 * (k - 1)))));
      examples.push_back(e);
    }
  }
  const WordImportanceModel m = FitWordImportance(examples, 1e-3);
  for (const auto& e : examples) {
    EXPECT_NEAR(m.Probability(e.stats, e.occurrence), e.share, 0.03)
        << "share " << e.stats.article_share << " k " << e.occurrence;
  }
  EXPECT_NEAR(m.weight[6], 0.0f, 0.05f) << "length says nothing here";
}

TEST(WordImportanceTest, TrainedModelRanksWhatArticlesShareEarlyAboveAsides) {
  const WordImportanceModel& m = TrainedWordImportance();
  StemStats shared;
  shared.article_share = 0.9f;
  shared.log_frequency = std::log(8.0f);
  shared.mean_first = 0.9f;
  shared.earliest = 1.0f;
  shared.lead_share = 0.8f;
  shared.length = 6;
  shared.log_most_in_one = std::log(3.0f);
  StemStats aside;
  aside.article_share = 0.1f;
  aside.log_frequency = std::log(0.3f);
  aside.mean_first = 0.3f;
  aside.earliest = 0.3f;
  aside.length = 6;
  EXPECT_GT(m.Probability(shared, 1), 0.5f);
  EXPECT_LT(m.Probability(aside, 1), 0.1f);
  EXPECT_GT(m.Probability(shared, 1), m.Probability(shared, 2)) << "a second use is less likely than a first";
}

TEST(WordImportanceTest, ModelSourceHoldsEveryNumber) {
  WordImportanceModel m;
  m.bias = -1.5f;
  m.scale.fill(2);
  m.weight[3] = 0.25f;
  const std::string src = WordImportanceModelSource(m, "test");
  EXPECT_NE(src.find("kTrainedWordImportance"), std::string::npos);
  EXPECT_NE(src.find("-1.5f"), std::string::npos);
  EXPECT_NE(src.find("0.25f"), std::string::npos);
  EXPECT_NE(src.find("// test"), std::string::npos);
}

}  // namespace
}  // namespace newsfuse::synthesize
