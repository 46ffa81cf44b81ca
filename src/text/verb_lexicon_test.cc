#include "text/verb_lexicon.h"

#include <gtest/gtest.h>

namespace newsfuse::text {
namespace {

TEST(VerbLexiconTest, VerbFormsAndNouns) {
  for (std::string_view verb : {"was", "is", "were", "said", "killed", "opened", "found", "runs", "charged", "will"}) {
    EXPECT_TRUE(CanBeVerb(verb)) << verb;
  }
  for (std::string_view noun : {"judge", "victim", "president", "nomination", "minutes", "states", "the", "killing"}) {
    EXPECT_FALSE(CanBeVerb(noun)) << noun;
  }
  EXPECT_FALSE(CanBeVerb(""));
  EXPECT_FALSE(CanBeVerb("Was"));  // lower case only, as documented
}

TEST(VerbLexiconTest, FiniteAuxiliaries) {
  for (std::string_view aux : {"is", "was", "were", "has", "did", "will", "could", "must"}) EXPECT_TRUE(IsAuxiliary(aux));
  for (std::string_view other : {"be", "been", "being", "said", "run", "Was", ""}) EXPECT_FALSE(IsAuxiliary(other));
}

}  // namespace
}  // namespace newsfuse::text
