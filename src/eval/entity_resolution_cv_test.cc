#include "eval/entity_resolution_cv.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>

namespace newsfuse::eval {
namespace {

TEST(EntityResolutionCvTest, KnobsReadAndWriteTheirOption) {
  synthesize::ResolutionOptions o;
  for (const ResolutionKnob& k : ResolutionKnobs()) {
    ASSERT_FALSE(k.values.empty()) << k.name;
    // The default is among the values tried, so the search can keep it.
    EXPECT_NE(std::find(k.values.begin(), k.values.end(), k.Get(o)), k.values.end()) << k.name;
    k.Set(o, k.values.back());
    EXPECT_EQ(k.Get(o), k.values.back()) << k.name;
  }
}

// Three ECB+ train topics, two knobs: the folds' bookkeeping adds up and the
// held-out scores are those of the options each fold chose.
TEST(EntityResolutionCvTest, LeaveOneTopicOutOnSharedEcbPlus) {
  const std::string dir = NEWSFUSE_SHARED_DIR "/data/coref/ecbplus";
  const std::string model = NEWSFUSE_SOURCE_DIR "/models/ner-conll2003.bin";
  if (!std::filesystem::exists(dir + "/xml")) GTEST_SKIP() << "ECB+ not found at " << dir;
  auto tagger = extract::EntityTagger::Load(model);
  if (!tagger.ok()) GTEST_SKIP() << "no tagger model: " << tagger.status().ToString();
  auto topics = AnalyzeEcbTopics(**tagger, dir, {1, 3, 4});
  ASSERT_TRUE(topics.ok()) << topics.status().ToString();
  ASSERT_EQ(topics->size(), 3u);
  const auto places = extract::PlaceGazetteer::FromNames({});
  std::vector<ResolutionKnob> knobs;
  for (const auto& k : ResolutionKnobs()) {
    if (k.name == "person_spelling_edits" || k.name == "surname_together") knobs.push_back(k);
  }
  ASSERT_EQ(knobs.size(), 2u);
  const ResolutionCvResult cv = CrossValidateResolution(*topics, places, knobs);
  ASSERT_EQ(cv.topic_f1_chosen.size(), 3u);
  for (const auto& picks : cv.fold_picks) {
    int folds = 0;
    for (int n : picks) folds += n;
    EXPECT_EQ(folds, 3);
  }
  // With the defaults every fold scores what a plain evaluation scores.
  const EntityCorefResult plain = ScoreAnalyzedTopics(*topics, places, {});
  EXPECT_DOUBLE_EQ(cv.held_out_defaults.ConllF1(), plain.scores.ConllF1());
  EXPECT_DOUBLE_EQ(cv.all_defaults.ConllF1(), plain.scores.ConllF1());
  EXPECT_GT(plain.scores.ConllF1(), 0.2);
  // The search never ends below where it started, on the topics it searched.
  EXPECT_GE(cv.all_chosen.ConllF1(), cv.all_defaults.ConllF1());
}

}  // namespace
}  // namespace newsfuse::eval
