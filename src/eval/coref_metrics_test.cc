#include "eval/coref_metrics.h"

#include <gtest/gtest.h>

namespace newsfuse::eval {
namespace {

// Key {a,b,c} {d,e,f,g}; response {a,b} {c,d} {f,g,h,i} (a..i = 1..9), the
// worked example of Pradhan et al. 2014; the figures below are computed by hand.
TEST(CorefMetricsTest, WorkedExample) {
  const std::vector<Chain> key = {{1, 2, 3}, {4, 5, 6, 7}};
  const std::vector<Chain> response = {{1, 2}, {3, 4}, {6, 7, 8, 9}};
  const CorefScores s = ScoreCoref(key, response);
  // MUC: recall (1 + 1) / (2 + 3), precision (1 + 0 + 1) / (1 + 1 + 3).
  EXPECT_NEAR(s.muc.Recall(), 0.4, 1e-9);
  EXPECT_NEAR(s.muc.Precision(), 0.4, 1e-9);
  // B3: recall (2/3 + 2/3 + 1/3 + 1/4 + 0 + 1/2 + 1/2) / 7, precision 4 / 8.
  EXPECT_NEAR(s.b3.Recall(), 35.0 / 84.0, 1e-9);
  EXPECT_NEAR(s.b3.Precision(), 0.5, 1e-9);
  // CEAF-e: best alignment {a,b,c}-{a,b} (0.8) and {d,e,f,g}-{f,g,h,i} (0.5).
  EXPECT_NEAR(s.ceafe.Recall(), 1.3 / 2, 1e-9);
  EXPECT_NEAR(s.ceafe.Precision(), 1.3 / 3, 1e-9);
  const double ceafe_f1 = 2 * 0.65 * (1.3 / 3) / (0.65 + 1.3 / 3);
  const double b3_f1 = 2 * (35.0 / 84) * 0.5 / (35.0 / 84 + 0.5);
  EXPECT_NEAR(s.ConllF1(), (0.4 + b3_f1 + ceafe_f1) / 3, 1e-9);
}

TEST(CorefMetricsTest, IdenticalPartitionsScoreOne) {
  const std::vector<Chain> key = {{1, 2, 3}, {4}, {5, 6}};
  const CorefScores s = ScoreCoref(key, key);
  EXPECT_DOUBLE_EQ(s.muc.F1(), 1.0);
  EXPECT_DOUBLE_EQ(s.b3.F1(), 1.0);
  EXPECT_DOUBLE_EQ(s.ceafe.F1(), 1.0);
}

TEST(CorefMetricsTest, SumsOverSetsBeforeDividing) {
  CorefScores total = ScoreCoref({{1, 2}}, {{1, 2}});
  total.Add(ScoreCoref({{3, 4}}, {{3}, {4}}));
  // MUC recall: (1 + 0) / (1 + 1).
  EXPECT_NEAR(total.muc.Recall(), 0.5, 1e-9);
  // CEAF-e: phi 1 for the first set, 2*1/(2+1) for one of the second's.
  EXPECT_NEAR(total.ceafe.Recall(), (1 + 2.0 / 3) / 2, 1e-9);
  EXPECT_NEAR(total.ceafe.Precision(), (1 + 2.0 / 3) / 3, 1e-9);
}

}  // namespace
}  // namespace newsfuse::eval
