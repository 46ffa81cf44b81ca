#include "train/pair_model_trainer.h"

#include <gtest/gtest.h>

#include <cmath>

namespace newsfuse::cluster {
namespace {

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
