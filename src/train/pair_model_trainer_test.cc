#include "train/pair_model_trainer.h"

#include <gtest/gtest.h>

#include <cmath>

namespace newsfuse::cluster {
namespace {

// Labels that are exactly the probabilities of a known logistic model are
// fitted back to its weights (no penalty: the minimum is the model itself).
TEST(PairModelTrainerTest, FitRecoversKnownWeights) {
  const double truth[3] = {-1.5, 3.0, -2.0};  // bias, x1, x2
  std::vector<std::vector<double>> x;
  std::vector<double> y;
  for (int i = 0; i <= 10; ++i) {
    for (int j = 0; j <= 10; ++j) {
      const double x1 = i / 10.0;
      const double x2 = j / 5.0 - 1.0;
      x.push_back({1.0, x1, x2});
      y.push_back(1.0 / (1.0 + std::exp(-(truth[0] + truth[1] * x1 + truth[2] * x2))));
    }
  }
  const std::vector<double> w = FitLogistic(x, y, std::vector<double>(x.size(), 1.0), 0.0, 0);
  ASSERT_EQ(w.size(), 3u);
  for (int k = 0; k < 3; ++k) EXPECT_NEAR(w[k], truth[k], 1e-6) << "weight " << k;
}

// On a separable set (label 1 exactly when x1 > 0.5, x2 noise) the penalised
// fit stays finite, classifies every point, and weighs the noise least.
TEST(PairModelTrainerTest, FitSeparatesASeparableSet) {
  std::vector<std::vector<double>> x;
  std::vector<double> y;
  for (int i = 0; i < 40; ++i) {
    const double x1 = (i + 0.5) / 40.0;
    const double x2 = (i * 7 % 11) / 10.0;
    x.push_back({1.0, x1, x2});
    y.push_back(x1 > 0.5 ? 1.0 : 0.0);
  }
  const std::vector<double> w = FitLogistic(x, y, std::vector<double>(x.size(), 1.0), 1e-3, 0);
  for (double v : w) EXPECT_TRUE(std::isfinite(v));
  for (size_t i = 0; i < x.size(); ++i) {
    const double z = w[0] + w[1] * x[i][1] + w[2] * x[i][2];
    EXPECT_EQ(z > 0, y[i] == 1.0) << "point " << i;
  }
  EXPECT_GT(w[1], 10 * std::fabs(w[2]));
}

// A held-out topic's pairs (and pairs that touch it) take no part in the fit.
TEST(PairModelTrainerTest, HeldOutTopicIsLeftOut) {
  PairSamples s;
  s.topics = {"1", "2"};
  auto sample = [](double term, bool same, uint32_t a, uint32_t b) {
    PairSample p;
    p.features.fill(0);
    p.features[kBias] = 1;
    p.features[kTermCosine] = term;
    p.same_event = same;
    p.topic_a = a;
    p.topic_b = b;
    return p;
  };
  for (int i = 0; i < 10; ++i) {
    s.samples.push_back(sample(0.1 * i, i >= 4, 0, 0));   // topic 1: more words, same event
    s.samples.push_back(sample(0.1 * i, i < 6, 1, 1));    // topic 2 says the opposite
    s.samples.push_back(sample(0.05 * i, false, 0, 1));   // across both
  }
  const PairModel without_2 = FitPairModel(s, "2");
  EXPECT_GT(without_2.weights()[kTermCosine], 0);
  PairSamples only_1 = s;
  only_1.samples.clear();
  for (const PairSample& p : s.samples) {
    if (p.topic_a == 0 && p.topic_b == 0) only_1.samples.push_back(p);
  }
  EXPECT_EQ(FitPairModel(only_1, "").weights(), without_2.weights());
  EXPECT_LT(FitPairModel(s, "1").weights()[kTermCosine], 0);
}

LabelledArticle Labelled(std::string id, std::string gold, std::string body) {
  LabelledArticle l;
  l.article.id = std::move(id);
  l.article.title = "Report " + l.article.id;
  Paragraph p;
  p.text = std::move(body);
  l.article.paragraphs.push_back(std::move(p));
  l.gold = std::move(gold);
  return l;
}

TEST(PairModelTrainerTest, SamplesEveryPairOfATopicAndSomeAcross) {
  const std::vector<LabelledArticle> articles = {
      Labelled("a", "1_1", "Police in Springfield arrested Tom Baker on Friday."),
      Labelled("b", "1_1", "Tom Baker was arrested by Springfield police."),
      Labelled("c", "1_2", "Springfield police arrested Ann Cole a year later."),
      Labelled("d", "2_1", "The Harbour Bridge closed after cracks were found."),
      Labelled("e", "2_1", "Cracks closed the Harbour Bridge."),
  };
  const PairSamples s = CollectPairSamples(articles, ClusterOptions(), /*cross_pairs=*/100, /*cross_weight=*/0.5);
  ASSERT_EQ(s.topics, (std::vector<std::string>{"1", "2"}));
  size_t same_topic = 0;
  size_t positives = 0;
  double weight_1 = 0;
  double cross_weight = 0;
  for (const PairSample& p : s.samples) {
    if (p.topic_a == p.topic_b) {
      ++same_topic;
      positives += p.same_event;
      if (p.topic_a == 0) weight_1 += p.weight;
    } else {
      EXPECT_FALSE(p.same_event);
      cross_weight += p.weight;
    }
  }
  EXPECT_EQ(same_topic, 3u + 1u);
  EXPECT_EQ(positives, 2u);  // a-b, d-e
  EXPECT_EQ(s.samples.size(), 4u + 2u * 6u);  // 3 x 2 pairs across, from each topic to the next
  EXPECT_NEAR(weight_1, 1.0, 1e-12);
  EXPECT_NEAR(cross_weight, 2 * 0.5, 1e-12);
}

}  // namespace
}  // namespace newsfuse::cluster
