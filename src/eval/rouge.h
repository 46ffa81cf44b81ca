// File: eval/rouge.h
//
// ROUGE recall as ROUGE-1.5.5 computes it with the DUC 2004 settings
// (`-n 2 -2 4 -u -m -l 100 -f A`, stop words kept):
//   - tokens as synthesize/rouge_tokenizer.h makes them (lower-cased,
//     a-z0-9 runs, Porter stemming (-m) of tokens longer than three characters);
//   - the peer (system) summary cut to its first `max_words` words (-l);
//   - ROUGE-N: clipped n-gram hits / reference n-grams, summed over all
//     references before dividing (-f A, the model average);
//   - ROUGE-SU4: skip bigrams with at most four words between them, plus
//     unigrams (-u), counted the same way.
// Lin (2004), "ROUGE: A Package for Automatic Evaluation of Summaries".
// One known difference: with -m, ROUGE-1.5.5 first looks a word of more than
// three characters up in its WordNet 2.0 exception database ("were" -> "be",
// "children" -> "child") and stems only the rest. The database is often
// rebuilt empty (its build script is commonly run with the stop-word file in
// place of the ".exc" extension), and then the two agree exactly; with the
// full database, irregular forms of one word match each other there and not
// here. The list is not in Debian in its 2.0 version, so it is left out.
#ifndef NEWSFUSE_EVAL_ROUGE_H_
#define NEWSFUSE_EVAL_ROUGE_H_

#include <string>
#include <string_view>
#include <vector>

#include "synthesize/rouge_tokenizer.h"

namespace newsfuse::synthesize {

struct RougeScores {
  double rouge1 = 0;
  double rouge2 = 0;
  double rouge_su4 = 0;
};

// Tokens as ROUGE sees them (lower-cased, stemmed), after cutting the text
// to `max_words` white-space separated words (0: no cut).
std::vector<std::string> RougeTokens(std::string_view text, size_t max_words);

RougeScores RougeRecall(std::string_view peer, const std::vector<std::string>& references,
                        size_t max_words = 100);

}  // namespace newsfuse::synthesize

#endif  // NEWSFUSE_EVAL_ROUGE_H_
