#include "train/word_importance_trainer.h"

#include <gtest/gtest.h>

#include <cmath>

#include "synthesize/stem_sentence_testutil.h"

namespace newsfuse::synthesize {
namespace {

TEST(WordImportanceTrainerTest, ExamplesCountTheReferencesThatUseAWordKTimes) {
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
TEST(WordImportanceTrainerTest, FitRecoversALogisticRule) {
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

TEST(WordImportanceTrainerTest, ModelSourceHoldsEveryNumber) {
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
