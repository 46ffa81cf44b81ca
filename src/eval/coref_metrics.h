// File: eval/coref_metrics.h
//
// The standard coreference scores of a response partition of mentions
// against a key partition: MUC (links, Vilain et al. 1995), B-cubed
// (per mention, Bagga & Baldwin 1998), CEAF-e (entities aligned one to one,
// phi4 similarity, Luo 2005) and the CoNLL F1, their mean. Mentions are ids;
// a mention in one partition and not the other counts against the score as
// in the usual predicted-mention setting (no twinless-mention adjustment).
#ifndef NEWSFUSE_EVAL_COREF_METRICS_H_
#define NEWSFUSE_EVAL_COREF_METRICS_H_

#include <cstdint>
#include <vector>

namespace newsfuse::eval {

using Chain = std::vector<uint32_t>;  // mention ids of one entity

struct PrfCounts {
  double recall_num = 0, recall_den = 0, precision_num = 0, precision_den = 0;
  double Recall() const { return recall_den > 0 ? recall_num / recall_den : 0; }
  double Precision() const { return precision_den > 0 ? precision_num / precision_den : 0; }
  double F1() const {
    const double r = Recall(), p = Precision();
    return r + p > 0 ? 2 * r * p / (r + p) : 0;
  }
  void Add(const PrfCounts& o) {
    recall_num += o.recall_num, recall_den += o.recall_den;
    precision_num += o.precision_num, precision_den += o.precision_den;
  }
};

struct CorefScores {
  PrfCounts muc, b3, ceafe;
  double ConllF1() const { return (muc.F1() + b3.F1() + ceafe.F1()) / 3; }
  void Add(const CorefScores& o) { muc.Add(o.muc), b3.Add(o.b3), ceafe.Add(o.ceafe); }
};

// Counts for one document set (e.g. one topic); Add() them up over sets
// whose chains never cross (CEAF-e's alignment is then per set).
CorefScores ScoreCoref(const std::vector<Chain>& key, const std::vector<Chain>& response);

}  // namespace newsfuse::eval

#endif  // NEWSFUSE_EVAL_COREF_METRICS_H_
