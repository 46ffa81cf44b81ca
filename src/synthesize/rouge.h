// File: synthesize/rouge.h
//
// ROUGE recall as ROUGE-1.5.5 computes it with the DUC 2004 settings
// (`-n 2 -2 4 -u -m -l 100 -f A`, stop words kept):
//   - text lower-cased, every character other than a-z0-9 a separator;
//   - Porter stemming (-m) of tokens longer than three characters;
//   - the peer (system) summary cut to its first `max_words` words (-l);
//   - ROUGE-N: clipped n-gram hits / reference n-grams, summed over all
//     references before dividing (-f A, the model average);
//   - ROUGE-SU4: skip bigrams with at most four words between them, plus
//     unigrams (-u), counted the same way.
// Lin (2004), "ROUGE: A Package for Automatic Evaluation of Summaries".
#ifndef NEWSFUSE_SYNTHESIZE_ROUGE_H_
#define NEWSFUSE_SYNTHESIZE_ROUGE_H_

#include <string>
#include <string_view>
#include <vector>

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

#endif  // NEWSFUSE_SYNTHESIZE_ROUGE_H_
