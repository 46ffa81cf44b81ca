#include "synthesize/word_importance.h"

#include <gtest/gtest.h>

#include <cmath>

#include "synthesize/stem_sentence_testutil.h"

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

}  // namespace
}  // namespace newsfuse::synthesize
