// File: text/verb_lexicon.h
//
// Whether a word form can be a verb (not counting gerunds): the forms that
// the CoNLL-2003 training file tags VB, VBD, VBN, VBP, VBZ or MD in at least
// a quarter of their uses (train/verb_lexicon_trainer.h; rebuild with
// `newsfuse train-verbs --out src/text/verb_lexicon.inc`). It tells a clause
// that predicates something ("runs a clinic in Bayou La Batre") from a bare
// noun phrase ("A Superior Court judge") without a part-of-speech tagger.
#ifndef NEWSFUSE_TEXT_VERB_LEXICON_H_
#define NEWSFUSE_TEXT_VERB_LEXICON_H_

#include <string_view>

namespace newsfuse::text {

// `word` in lower case, as written ("was", "runs", "charged").
bool CanBeVerb(std::string_view lower_word);

// A finite auxiliary or modal, lower case: "is", "was", "has", "did",
// "will", "could", ... (not "be", "been", "being": those need one of these
// before them).
bool IsAuxiliary(std::string_view lower_word);

}  // namespace newsfuse::text

#endif  // NEWSFUSE_TEXT_VERB_LEXICON_H_
