// File: cluster/pair_model.h
//
// A learnt pair similarity for the batch clusterer: a logistic regression
// over a handful of features of two articles' fingerprints (PairFeatures),
// whose probability "same event" replaces the hand-weighted mix of
// similarity.h in the average link (ClusterOptions::pair_model). Fitted by
// train/pair_model_trainer.h on ECB+ topics: same-topic pairs (positives:
// one event; negatives: its twin event) and a sample of cross-topic pairs.
//
//   PairArticle a = PairArticle::Of(vectors_a, raw_a, minutes_a);   // once per article
//   PairFeatures f = ComputePairFeatures(a, b, term_dot, entity_dot, options);
//   float p = model.Score(f);
//
// Why features and not one more hand rule: the ECB+ twins a topic holds
// (two arrests of two players of one team, two earthquakes of one region)
// share topic words and often names; what differs is who leads each side,
// whether each side's main names appear on the other, and, when both are
// dated, time. How much each counts is what the data should say.
#ifndef NEWSFUSE_CLUSTER_PAIR_MODEL_H_
#define NEWSFUSE_CLUSTER_PAIR_MODEL_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "cluster/cluster_options.h"
#include "fingerprint/fingerprinter.h"
#include "newsfuse/result.h"

namespace newsfuse::cluster {

// What a pair's features need of one article, made once per article.
struct PairArticle {
  // Its names, sorted by entity id (every name, not only the vector's top).
  std::vector<fingerprint::TermCount> names;
  // Its most weighed names (by TF-IDF weight in its vector), at most kTopNames.
  std::vector<uint32_t> top_names;
  uint32_t protagonist = 0;
  int64_t minutes = INT64_MIN;  // kUnknownTime when undated
  float log_body_kb = 0;        // ln(1 + body bytes / 1000)

  static constexpr size_t kTopNames = 5;
  static PairArticle Of(const fingerprint::ArticleVectors& vectors, const fingerprint::RawFingerprint& raw,
                        int64_t minutes);
  float CountOf(uint32_t entity) const;
};

// The features, in this order (the model file names them the same way).
enum PairFeature : size_t {
  kBias,
  kTermCosine,        // TF-IDF cosine of the words
  kNameCosine,        // TF-IDF cosine of the names
  kProtagonistConflict,  // both have a protagonist, different, neither mentions the other's
  kSameProtagonist,   // both have one protagonist, the same
  kTopNamesSharedMin,  // of each side's top names, the share the other names at all: the lower
  kTopNamesSharedMax,  // ... and the higher
  kBothDated,         // 1 when both are dated
  kLogDaysApart,      // ln(1 + days between them) when both are dated, else 0
  kLogBodyKbMin,      // ln(1 + the shorter body's KB): short bodies make noisy cosines
  kHandSimilarity,    // the hand-weighted similarity (similarity.h, protagonist conflict, time factor)
  kPairFeatureCount,
};
using PairFeatures = std::array<double, kPairFeatureCount>;

// Names of the features as the model file writes them.
std::string_view PairFeatureName(size_t feature);

// The features of articles a and b, given their word and name cosines (the
// clusterer computes those anyway). `options` gives protagonist_mention_ratio.
PairFeatures ComputePairFeatures(const PairArticle& a, const PairArticle& b, float term_dot, float entity_dot,
                                 const ClusterOptions& options);

// True when `article` names `other` more than in passing: more than
// protagonist_mention_ratio of its mentions of `own` (the clusterer's
// definition of a mention, see ClusterOptions::protagonist_conflict_factor).
bool MentionsOther(const PairArticle& article, uint32_t own, uint32_t other, const ClusterOptions& options);

class PairModel {
 public:
  PairModel() { weights_.fill(0); }
  explicit PairModel(const std::array<double, kPairFeatureCount>& weights, double merge_threshold)
      : weights_(weights), merge_threshold_(merge_threshold) {}

  // Probability that the two articles report one event.
  float Score(const PairFeatures& f) const;
  const std::array<double, kPairFeatureCount>& weights() const { return weights_; }
  // The average link at which the batch clusterer merges with this model
  // (chosen with it on the training topics).
  double merge_threshold() const { return merge_threshold_; }

  // Text form: comment lines (#), then "name value" lines, one per feature
  // and "merge_threshold", in PairFeature order. Parse rejects a missing,
  // unknown or repeated name or a bad number, naming `source` and the line.
  std::string ToText(std::string_view provenance) const;
  static Result<PairModel> Parse(std::string_view text, std::string_view source);
  static Result<PairModel> Load(const std::string& path);

 private:
  std::array<double, kPairFeatureCount> weights_;
  double merge_threshold_ = 0.5;
};

}  // namespace newsfuse::cluster

#endif  // NEWSFUSE_CLUSTER_PAIR_MODEL_H_
