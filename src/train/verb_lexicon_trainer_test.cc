#include "train/verb_lexicon_trainer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace newsfuse::train {
namespace {

TEST(VerbLexiconTrainerTest, KeepsFormsTaggedVerbInAQuarterOfTwoOrMoreUses) {
  const std::string conll =
      "-DOCSTART- -X- O O\n\n"
      "Police NNP I-NP O\nsaid VBD I-VP O\nruns NNS I-NP O\nruns NNS I-NP O\nruns VBZ I-VP O\n"
      "judge NN I-NP O\njudge NN I-NP O\njudge NN I-NP O\njudge NN I-NP O\njudge VB I-VP O\n"
      "Opened VBD I-VP O\nopened VBN I-VP O\nkilling VBG I-VP O\nkilling VBG I-VP O\n"
      "m VBP I-VP O\nm VBP I-VP O\n1996 CD I-NP O\nbroken\n";
  const VerbLexicon lexicon = LearnVerbLexicon(conll);
  // said: seen once; runs: 1 of 3; judge: 1 of 5; opened: 2 of 2 (case folded);
  // killing: only a gerund; m: a lone letter.
  EXPECT_EQ(lexicon.forms, (std::vector<std::string>{"opened", "runs"}));
  EXPECT_EQ(lexicon.tokens, 17u);
  EXPECT_EQ(lexicon.lines_skipped, 1u);
  const std::string source = VerbLexiconSource(lexicon, "test data");
  EXPECT_NE(source.find("// test data\n\"opened\",\n\"runs\",\n"), std::string::npos) << source;
}

}  // namespace
}  // namespace newsfuse::train
