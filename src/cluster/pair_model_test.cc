#include "cluster/pair_model.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "cluster/cluster_articles.h"
#include "cluster/similarity.h"

namespace newsfuse::cluster {
namespace {

PairModel SomeModel() {
  std::array<double, kPairFeatureCount> w{};
  for (size_t k = 0; k < kPairFeatureCount; ++k) w[k] = 0.1 * static_cast<double>(k) - 1.0 / 3.0;
  return PairModel(w, 0.123456789012345);
}

TEST(PairModelTest, TextRoundTripsEveryBit) {
  const PairModel model = SomeModel();
  const std::string text = model.ToText("made by a test");
  Result<PairModel> back = PairModel::Parse(text, "model.txt");
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->weights(), model.weights());
  EXPECT_EQ(back->merge_threshold(), model.merge_threshold());
  EXPECT_EQ(back->ToText("made by a test"), text);
}

TEST(PairModelTest, ParseNamesTheLineOfAWrongNameOrNumber) {
  std::string text = SomeModel().ToText("x");
  std::string swapped = text;
  swapped.replace(swapped.find("term_cosine"), 11, "name_cosine");
  Result<PairModel> r = PairModel::Parse(swapped, "m.txt");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().ToString().find("m.txt:4"), std::string::npos) << r.status().ToString();
  std::string bad = text;
  bad.replace(bad.find("bias ") + 5, 1, "x");
  EXPECT_FALSE(PairModel::Parse(bad, "m.txt").ok());
  const std::string cut = text.substr(0, text.find("merge_threshold"));
  r = PairModel::Parse(cut, "m.txt");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().ToString().find("merge_threshold"), std::string::npos) << r.status().ToString();
  EXPECT_FALSE(PairModel::Load("/nonexistent/pair-model.txt").ok());
}

TEST(PairModelTest, ScoreIsTheLogisticOfTheWeightedSum) {
  std::array<double, kPairFeatureCount> w{};
  w[kBias] = -2;
  w[kTermCosine] = 4;
  const PairModel model(w, 0.5);
  PairFeatures f{};
  f[kBias] = 1;
  f[kTermCosine] = 0.5;
  EXPECT_FLOAT_EQ(model.Score(f), 0.5f);
  f[kTermCosine] = 1;
  EXPECT_NEAR(model.Score(f), 1 / (1 + std::exp(-2.0)), 1e-6);
}

PairArticle Side(uint32_t protagonist, std::vector<fingerprint::TermCount> names, int64_t minutes) {
  PairArticle a;
  a.names = std::move(names);
  a.top_names = {a.names.front().term};
  a.protagonist = protagonist;
  a.minutes = minutes;
  return a;
}

TEST(PairModelTest, FeaturesSayWhoLeadsEachSideAndHowFarApart) {
  const ClusterOptions options;
  // Article a is about 7 and names 9; b is about 8 and never names 7.
  const PairArticle a = Side(7, {{7, 3}, {9, 1}}, 1440 * 10);
  const PairArticle b = Side(8, {{8, 2}, {9, 1}}, 1440 * 13);
  PairFeatures f = ComputePairFeatures(a, b, 0.3f, 0.2f, options);
  EXPECT_EQ(f[kBias], 1);
  EXPECT_FLOAT_EQ(static_cast<float>(f[kTermCosine]), 0.3f);
  EXPECT_EQ(f[kProtagonistConflict], 1);
  EXPECT_EQ(f[kSameProtagonist], 0);
  EXPECT_EQ(f[kTopNamesSharedMin], 0);  // neither names the other's top name
  EXPECT_EQ(f[kBothDated], 1);
  EXPECT_NEAR(f[kLogDaysApart], std::log1p(3.0), 1e-12);
  // Once b names 7, it is no conflict; with b undated, no time.
  const PairArticle b2 = Side(8, {{7, 1}, {8, 2}}, kUnknownTime);
  f = ComputePairFeatures(a, b2, 0.3f, 0.2f, options);
  EXPECT_EQ(f[kProtagonistConflict], 0);
  EXPECT_EQ(f[kTopNamesSharedMax], 1);  // b2 names a's top name 7
  EXPECT_EQ(f[kBothDated], 0);
  EXPECT_EQ(f[kLogDaysApart], 0);
  f = ComputePairFeatures(a, a, 1, 1, options);
  EXPECT_EQ(f[kSameProtagonist], 1);
}

Article Make(std::string id, std::string title, std::string body) {
  Article a;
  a.id = std::move(id);
  a.title = std::move(title);
  Paragraph p;
  p.text = std::move(body);
  a.paragraphs.push_back(std::move(p));
  return a;
}

// A model that trusts word overlap alone groups two reports of one event
// and leaves a third, unrelated one apart; with every pair scored 0.27 (bias
// only) nothing reaches its threshold of 0.5.
TEST(PairModelTest, BatchClustererUsesTheModelsProbability) {
  const std::string bridge =
      "The harbour authority closed the northern bridge on Tuesday after inspectors found cracks in two of "
      "its steel cables. Traffic was diverted through the tunnel while engineers plan repairs.";
  const std::vector<Article> articles = {
      Make("a", "Harbour bridge closed", bridge),
      Make("b", "Bridge shut over cable cracks", bridge + " Ferries added crossings for commuters."),
      Make("c", "Orchestra names conductor",
           "The city orchestra named a new principal conductor who will lead the spring season concerts.")};
  std::array<double, kPairFeatureCount> w{};
  w[kBias] = -1;
  w[kTermCosine] = 8;
  const PairModel words(w, 0.5);
  ClusterOptions options;
  options.duplicate_jaccard = 1.01f;  // no copies: every pair goes through the model
  options.pair_model = &words;
  options.merge_threshold = static_cast<float>(words.merge_threshold());
  std::vector<StoryGroup> stories = ClusterArticles(articles, options);
  ASSERT_EQ(stories.size(), 2u);
  EXPECT_EQ(stories[0].members.size(), 2u);
  w[kTermCosine] = 0;
  const PairModel bias_only(w, 0.5);
  options.pair_model = &bias_only;
  EXPECT_EQ(ClusterArticles(articles, options).size(), 3u);
}

}  // namespace
}  // namespace newsfuse::cluster
