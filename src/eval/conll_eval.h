// File: eval/conll_eval.h
//
// Entity-level scoring as the CoNLL shared tasks' conlleval script does it: a
// predicted entity counts only when both its span and its type match a gold
// entity exactly; precision, recall and F1 are micro-averaged over all
// entities, and reported per type too.
//
//   ConllEvaluator eval;
//   eval.AddSentence(gold_chunks, predicted_chunks, num_tokens, correct_tokens);
//   std::cout << eval.Report();
#ifndef NEWSFUSE_EVAL_CONLL_EVAL_H_
#define NEWSFUSE_EVAL_CONLL_EVAL_H_

#include <array>
#include <cstddef>
#include <string>
#include <vector>

#include "extract/ner_types.h"

namespace newsfuse::extract {

struct ChunkScores {
  size_t gold = 0;
  size_t predicted = 0;
  size_t correct = 0;
  double Precision() const { return predicted ? 100.0 * correct / predicted : 0.0; }
  double Recall() const { return gold ? 100.0 * correct / gold : 0.0; }
  double F1() const {
    const double p = Precision(), r = Recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
};

// Accumulates counts over sentences. Not thread-safe.
class ConllEvaluator {
 public:
  // Chunks of one sentence (token indices). `tokens` and `correct_tokens`
  // feed the token accuracy line (pass 0, 0 to leave it out).
  void AddSentence(const std::vector<TokenChunk>& gold, const std::vector<TokenChunk>& predicted,
                   size_t tokens = 0, size_t correct_tokens = 0);

  const ChunkScores& Overall() const { return overall_; }
  const ChunkScores& ForType(EntityType type) const { return by_type_[static_cast<int>(type)]; }
  size_t tokens() const { return tokens_; }

  // conlleval's summary:
  //   processed 51362 tokens with 5942 phrases; found: 5903 phrases; correct: 5400.
  //   accuracy:  98.00%; precision:  91.48%; recall:  90.88%; FB1:  91.18
  //                 LOC: precision:  93.10%; recall:  ...
  std::string Report() const;

 private:
  ChunkScores overall_;
  std::array<ChunkScores, kNumEntityTypes> by_type_;
  size_t tokens_ = 0;
  size_t correct_tokens_ = 0;
};

}  // namespace newsfuse::extract

#endif  // NEWSFUSE_EVAL_CONLL_EVAL_H_
