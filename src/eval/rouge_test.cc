#include "eval/rouge.h"

#include <gtest/gtest.h>

namespace newsfuse::synthesize {
namespace {

TEST(RougeTest, TokensAreLowerCasedStemmedAndCut) {
  EXPECT_EQ(RougeTokens("The ministers' meetings, in U.S. cities!", 0),
            (std::vector<std::string>{"the", "minist", "meet", "in", "u", "s", "citi"}));
  EXPECT_EQ(RougeTokens("one two three four", 2), (std::vector<std::string>{"one", "two"}));
}

TEST(RougeTest, RecallByHand) {
  // Reference "the cat sat on the mat": 6 unigrams, 5 bigrams.
  // Peer "the cat on the mat": unigram hits the x2, cat, on, mat = 5; bigram
  // hits "the cat", "on the", "the mat" = 3.
  auto s = RougeRecall("the cat on the mat", {"the cat sat on the mat"}, 100);
  EXPECT_DOUBLE_EQ(s.rouge1, 5.0 / 6.0);
  EXPECT_DOUBLE_EQ(s.rouge2, 3.0 / 5.0);
  EXPECT_GT(s.rouge_su4, 0.5);
  EXPECT_LT(s.rouge_su4, 1.0);
}

TEST(RougeTest, MultipleReferencesAreSummedBeforeDividing) {
  // Ref A: 2 unigrams, both hit; ref B: 4 unigrams, one hit -> (2 + 1) / (2 + 4).
  auto s = RougeRecall("alpha beta", {"alpha beta", "alpha gamma delta epsilon"}, 100);
  EXPECT_DOUBLE_EQ(s.rouge1, 3.0 / 6.0);
}

TEST(RougeTest, PeerIsCutAtTheWordLimit) {
  auto s = RougeRecall("alpha beta gamma", {"gamma"}, 2);
  EXPECT_DOUBLE_EQ(s.rouge1, 0.0);
}

}  // namespace
}  // namespace newsfuse::synthesize
