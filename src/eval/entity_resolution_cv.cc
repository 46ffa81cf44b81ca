#include "eval/entity_resolution_cv.h"

#include <map>

namespace newsfuse::eval {

using synthesize::ResolutionOptions;

double ResolutionKnob::Get(const ResolutionOptions& o) const {
  return as_double != nullptr ? o.*as_double : static_cast<double>(o.*as_int);
}

void ResolutionKnob::Set(ResolutionOptions& o, double v) const {
  if (as_double != nullptr) {
    o.*as_double = v;
  } else {
    o.*as_int = static_cast<int>(v);
  }
}

std::vector<ResolutionKnob> ResolutionKnobs() {
  using O = ResolutionOptions;
  // 99 letters: never (that kind of spelling variant off).
  return {
      {"acronym_dominance", &O::acronym_dominance, nullptr, {1, 2, 3, 5}},
      {"place_short_form_together", &O::place_short_form_together, nullptr, {0, 0.25, 0.5, 0.75, 1}},
      {"surname_together", &O::surname_together, nullptr, {0, 0.25, 0.5, 0.75, 1}},
      {"person_spelling_edits", nullptr, &O::person_spelling_edits, {0, 1, 2, 3}},
      {"person_spelling_min_letters", nullptr, &O::person_spelling_min_letters, {3, 4, 5, 6}},
      {"other_spelling_min_letters", nullptr, &O::other_spelling_min_letters, {4, 5, 6, 8, 99}},
      {"common_word_ratio", &O::common_word_ratio, nullptr, {0.5, 1, 2, 4}},
      {"speaking_place_share", &O::speaking_place_share, nullptr, {0.1, 0.2, 0.3, 0.5, 2}},
  };
}

namespace {

// Resolves every topic under an option set once and remembers the per-topic scores.
class ScoreTable {
 public:
  ScoreTable(const std::vector<AnalyzedTopic>& topics, const extract::PlaceGazetteer& places,
             const std::vector<ResolutionKnob>& knobs)
      : topics_(topics), places_(places), knobs_(knobs) {}

  const std::vector<CorefScores>& PerTopic(const ResolutionOptions& o) {
    std::vector<double> key;
    for (const auto& k : knobs_) key.push_back(k.Get(o));
    auto it = memo_.find(key);
    if (it != memo_.end()) return it->second;
    std::vector<CorefScores> per_topic;
    for (const AnalyzedTopic& t : topics_) {
      EntityCorefResult r;
      ScoreAnalyzedTopic(t, places_, o, r);
      per_topic.push_back(r.scores);
    }
    return memo_.emplace(std::move(key), std::move(per_topic)).first->second;
  }

  // Summed over every topic but `left_out` (none when out of range).
  CorefScores Sum(const ResolutionOptions& o, size_t left_out) {
    CorefScores sum;
    const auto& per_topic = PerTopic(o);
    for (size_t t = 0; t < per_topic.size(); ++t) {
      if (t != left_out) sum.Add(per_topic[t]);
    }
    return sum;
  }

  size_t size() const { return memo_.size(); }

 private:
  const std::vector<AnalyzedTopic>& topics_;
  const extract::PlaceGazetteer& places_;
  const std::vector<ResolutionKnob>& knobs_;
  std::map<std::vector<double>, std::vector<CorefScores>> memo_;
};

// Coordinate search from the defaults; a change must raise the F1 by more
// than rounding, so ties keep the value in hand.
ResolutionOptions Search(ScoreTable& table, const std::vector<ResolutionKnob>& knobs, size_t left_out) {
  ResolutionOptions best;
  double best_f1 = table.Sum(best, left_out).ConllF1();
  for (int round = 0; round < 4; ++round) {
    bool changed = false;
    for (const auto& knob : knobs) {
      for (double v : knob.values) {
        ResolutionOptions o = best;
        knob.Set(o, v);
        const double f1 = table.Sum(o, left_out).ConllF1();
        if (f1 > best_f1 + 1e-9) {
          best = o;
          best_f1 = f1;
          changed = true;
        }
      }
    }
    if (!changed) break;
  }
  return best;
}

}  // namespace

ResolutionCvResult CrossValidateResolution(const std::vector<AnalyzedTopic>& topics,
                                           const extract::PlaceGazetteer& places,
                                           const std::vector<ResolutionKnob>& knobs) {
  ResolutionCvResult out;
  out.knobs = knobs;
  ScoreTable table(topics, places, knobs);
  out.fold_picks.resize(knobs.size());
  for (size_t k = 0; k < knobs.size(); ++k) out.fold_picks[k].assign(knobs[k].values.size(), 0);
  for (size_t t = 0; t < topics.size(); ++t) {
    const ResolutionOptions fold = Search(table, knobs, t);
    for (size_t k = 0; k < knobs.size(); ++k) {
      for (size_t v = 0; v < knobs[k].values.size(); ++v) out.fold_picks[k][v] += knobs[k].Get(fold) == knobs[k].values[v];
    }
    const CorefScores& chosen = table.PerTopic(fold)[t];
    const CorefScores& defaults = table.PerTopic(out.defaults)[t];
    out.held_out_chosen.Add(chosen);
    out.held_out_defaults.Add(defaults);
    out.topic_names.push_back(topics[t].topic.name);
    out.topic_f1_chosen.push_back(chosen.ConllF1());
    out.topic_f1_defaults.push_back(defaults.ConllF1());
  }
  out.chosen = Search(table, knobs, topics.size());
  out.all_chosen = table.Sum(out.chosen, topics.size());
  out.all_defaults = table.Sum(out.defaults, topics.size());
  out.option_sets_tried = table.size();
  return out;
}

}  // namespace newsfuse::eval
