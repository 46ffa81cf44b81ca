// File: synthesize/claims.h
//
// Claims that contradict: two outlets' wordings of one aligned fact where one
// says the opposite of the other, by negation ("X met Y" / "X did not meet
// Y") or by an antonym ("prices rose" / "prices fell", "approved" /
// "rejected"). A double flip agrees ("did not rise" / "fell") and is not a
// contradiction.
//
// Method: each sentence maps its predicate words to a lemma (a few irregular
// verbs folded by hand, the rest stemmed) with a polarity: negative when a
// negator ("not", "never", "-n't", "no longer") stands before it within
// three words, flipped again when the word is the second of an antonym pair
// (which maps to the first). The sentences contradict when a lemma that is
// negated or an antonym in either has opposite polarities in the two.
// Sentences that are not about the same thing are the caller's to exclude
// (the fact aligner groups them first).
#ifndef NEWSFUSE_SYNTHESIZE_CLAIMS_H_
#define NEWSFUSE_SYNTHESIZE_CLAIMS_H_

#include <string>
#include <string_view>

#include "synthesize/term_vectors.h"

namespace newsfuse::synthesize {

struct ClaimContrast {
  bool contradicts = false;
  // The words that carry each side's version ("met", "did not meet"), as
  // written, when `contradicts`.
  std::string value_a;
  std::string value_b;
};

// Not thread-safe through `stemmer` (one per thread).
ClaimContrast CompareClaims(std::string_view a, std::string_view b, Stemmer& stemmer);

}  // namespace newsfuse::synthesize

#endif  // NEWSFUSE_SYNTHESIZE_CLAIMS_H_
