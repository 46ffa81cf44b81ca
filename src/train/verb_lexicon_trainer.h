// File: train/verb_lexicon_trainer.h
//
// Learns which word forms can be verbs from a part-of-speech-tagged corpus
// (the CoNLL-2003 files carry Penn Treebank tags in their second column) and
// writes them as the C++ source text/verb_lexicon.cc compiles in
// (text/verb_lexicon.inc). Used by `newsfuse train-verbs`.
#ifndef NEWSFUSE_TRAIN_VERB_LEXICON_TRAINER_H_
#define NEWSFUSE_TRAIN_VERB_LEXICON_TRAINER_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace newsfuse::train {

struct VerbLexiconOptions {
  // A form is kept when at least this share of its uses is tagged a verb
  // other than a gerund/present participle (VB, VBD, VBN, VBP, VBZ, MD):
  // a quarter keeps forms that are mostly nouns in sports results ("runs":
  // 17 of 60) yet are verbs in news prose, and leaves out nouns a tagger
  // calls a verb now and then ("judge": 2 of 15, "states": 2 of 76).
  double min_verb_share = 0.25;
  size_t min_count = 2;  // a form seen once says little
};

struct VerbLexicon {
  std::vector<std::string> forms;  // lower case, sorted, unique
  size_t tokens = 0;               // tagged tokens read
  size_t lines_skipped = 0;        // lines that were not "word TAG ..."
};

// Reads CoNLL-2003-style lines ("word POS chunk NER"; "-DOCSTART-" and blank
// lines ignored) from `text`.
VerbLexicon LearnVerbLexicon(std::string_view text, const VerbLexiconOptions& options = {});

// The lexicon as the body of a C++ array of string literals, with a comment
// naming its provenance.
std::string VerbLexiconSource(const VerbLexicon& lexicon, std::string_view provenance);

}  // namespace newsfuse::train

#endif  // NEWSFUSE_TRAIN_VERB_LEXICON_TRAINER_H_
