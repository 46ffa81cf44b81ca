// File: eval/timex_eval.h
//
// TempEval-3 Task A scoring of time expressions (UzZaman et al. 2013):
//   strict extent  = system span equal to a gold span;
//   relaxed extent = system span overlapping a gold span (one-to-one);
//   attribute F1   = relaxed matches whose attribute (value, type) is equal
//                    to gold, divided by the system count (precision) and by
//                    the gold count (recall).
//
//   TimexScores total;
//   for (...) total.Add(ScoreDocument(doc, FindTimeExpressions(doc.text, doc.creation_time)));
//   std::printf("value F1 %.2f\n", 100 * total.ValueF1());
//
// Thread-safe: value types and free functions.
#ifndef NEWSFUSE_EVAL_TIMEX_EVAL_H_
#define NEWSFUSE_EVAL_TIMEX_EVAL_H_

#include <functional>
#include <string>
#include <vector>

#include "extract/time_expressions.h"
#include "eval/timeml_reader.h"
#include "newsfuse/result.h"

namespace newsfuse::extract {

struct TimexScores {
  long documents = 0;
  long gold = 0;
  long system = 0;
  long strict = 0;        // exact-extent matches
  long relaxed = 0;       // overlapping pairs, one-to-one
  long value_match = 0;   // relaxed pairs with equal value
  long type_match = 0;    // relaxed pairs with equal type

  void Add(const TimexScores& other);
  double StrictPrecision() const { return Ratio(strict, system); }
  double StrictRecall() const { return Ratio(strict, gold); }
  double StrictF1() const { return F1(StrictPrecision(), StrictRecall()); }
  double RelaxedPrecision() const { return Ratio(relaxed, system); }
  double RelaxedRecall() const { return Ratio(relaxed, gold); }
  double RelaxedF1() const { return F1(RelaxedPrecision(), RelaxedRecall()); }
  double ValuePrecision() const { return Ratio(value_match, system); }
  double ValueRecall() const { return Ratio(value_match, gold); }
  double ValueF1() const { return F1(ValuePrecision(), ValueRecall()); }
  double TypeF1() const { return F1(Ratio(type_match, system), Ratio(type_match, gold)); }

  static double Ratio(long a, long b) { return b == 0 ? 0.0 : static_cast<double>(a) / b; }
  static double F1(double p, double r) { return p + r == 0 ? 0.0 : 2 * p * r / (p + r); }
};

// One disagreement, for error analysis.
struct TimexDiff {
  enum class Kind { kMissed, kSpurious, kWrongValue, kWrongType };
  Kind kind;
  std::string doc_id;
  std::string gold_text, gold_type, gold_value;
  std::string system_text, system_type, system_value;
};

// Scores one document. Spans are compared after trimming white space;
// relaxed pairs are formed greedily in text order. `diffs`, when given,
// receives every disagreement.
TimexScores ScoreDocument(const TimeMlDocument& doc, const std::vector<TimeExpression>& system,
                          std::vector<TimexDiff>* diffs = nullptr);

// Reads every *.tml file in `dir` and scores FindTimeExpressions against it,
// with each document's DCT as the anchor. Fails when the folder cannot be
// listed, holds no .tml file, or a file cannot be parsed (naming it).
Result<TimexScores> EvaluateTimeMlDir(const std::string& dir,
                                      std::vector<TimexDiff>* diffs = nullptr);

}  // namespace newsfuse::extract

#endif  // NEWSFUSE_EVAL_TIMEX_EVAL_H_
