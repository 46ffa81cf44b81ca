// File: eval/entity_resolution_cv.h
//
// Chooses the numbers of synthesize::ResolutionOptions by leave-one-topic-out
// cross-validation over analysed ECB+ topics (eval/entity_coref_eval.h):
// for each held-out topic, a coordinate search from the defaults over each
// knob's values (one knob at a time, a value kept only when it raises the
// CoNLL F1 of predicted mentions summed over the other topics, rounds until
// nothing changes) picks the options, which are then scored on the held-out
// topic. The same search over all the topics gives the options to use.
// Every option set is resolved once per topic and remembered, so the folds
// cost little beyond the distinct sets they visit.
#ifndef NEWSFUSE_EVAL_ENTITY_RESOLUTION_CV_H_
#define NEWSFUSE_EVAL_ENTITY_RESOLUTION_CV_H_

#include <string>
#include <vector>

#include "eval/coref_metrics.h"
#include "eval/entity_coref_eval.h"
#include "extract/place_gazetteer.h"
#include "synthesize/entity_resolution.h"

namespace newsfuse::eval {

// One number of ResolutionOptions and the values the search tries.
struct ResolutionKnob {
  std::string name;
  double synthesize::ResolutionOptions::*as_double = nullptr;  // one of the two is set
  int synthesize::ResolutionOptions::*as_int = nullptr;
  std::vector<double> values;

  double Get(const synthesize::ResolutionOptions& o) const;
  void Set(synthesize::ResolutionOptions& o, double v) const;
};

// Every knob of ResolutionOptions with values around its default.
std::vector<ResolutionKnob> ResolutionKnobs();

struct ResolutionCvResult {
  std::vector<ResolutionKnob> knobs;
  synthesize::ResolutionOptions defaults;
  synthesize::ResolutionOptions chosen;  // the search over all topics
  CorefScores all_defaults, all_chosen;  // all topics, in-sample
  // Held-out: each topic scored with the options its fold chose, summed.
  CorefScores held_out_defaults, held_out_chosen;
  std::vector<std::string> topic_names;
  std::vector<double> topic_f1_defaults, topic_f1_chosen;  // per held-out topic
  // Per knob, per value (as in knobs[k].values): how many folds chose it.
  std::vector<std::vector<int>> fold_picks;
  size_t option_sets_tried = 0;
};

ResolutionCvResult CrossValidateResolution(const std::vector<AnalyzedTopic>& topics,
                                           const extract::PlaceGazetteer& places,
                                           const std::vector<ResolutionKnob>& knobs);

}  // namespace newsfuse::eval

#endif  // NEWSFUSE_EVAL_ENTITY_RESOLUTION_CV_H_
