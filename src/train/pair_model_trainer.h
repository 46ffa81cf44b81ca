// File: train/pair_model_trainer.h
//
// Fits the batch clusterer's learnt pair similarity (cluster/pair_model.h)
// on labelled ECB+ topics (gold label "<topic>_<sub>": each topic two twin
// events of one kind), and chooses its merge threshold. Used by
// `newsfuse eval cluster --loto --pair-model learnt` (a model per fold,
// trained without the held-out topic).
//
//   PairSamples s = CollectPairSamples(articles, options);
//   PairModel m = FitPairModel(s, /*held_out=*/"");
#ifndef NEWSFUSE_TRAIN_PAIR_MODEL_TRAINER_H_
#define NEWSFUSE_TRAIN_PAIR_MODEL_TRAINER_H_

#include <cstddef>
#include <string>
#include <vector>

#include "cluster/cluster_options.h"
#include "cluster/pair_model.h"
#include "eval/cluster_eval.h"

namespace newsfuse::cluster {

struct PairSample {
  PairFeatures features;
  bool same_event = false;
  double weight = 1;
  // The topics of the two articles (indices into PairSamples::topics);
  // equal for a same-topic pair.
  uint32_t topic_a = 0;
  uint32_t topic_b = 0;
};

struct PairSamples {
  std::vector<std::string> topics;
  std::vector<PairSample> samples;
};

// Every pair of articles within each topic, its features computed as the
// batch clusterer computes them when the topic alone is its input (document
// frequencies of the topic); each topic's pairs weigh 1 in all, so a big
// topic counts as much as a small one. Then, for each topic and the next
// (by name, cyclically), up to `cross_pairs` pairs across the two clustered
// together, all negatives, weighing `cross_weight` in all: what a mixed feed
// adds (`eval cluster --loto` never shows them, every topic being clustered
// alone).
PairSamples CollectPairSamples(const std::vector<LabelledArticle>& articles, const ClusterOptions& options,
                               size_t cross_pairs = 200, double cross_weight = 0.5);

// The model fitted (train/logistic_regression.h, the samples' weights
// scaled to sum to 1) on every sample that involves no article of topic
// `held_out` ("" keeps all), its merge threshold left at the default.
PairModel FitPairModel(const PairSamples& samples, const std::string& held_out, double l2 = 1e-3);

// Topic of an ECB+ gold label "<topic>_<sub>" (the label itself when it has no '_').
std::string TopicOf(const std::string& gold);

}  // namespace newsfuse::cluster

#endif  // NEWSFUSE_TRAIN_PAIR_MODEL_TRAINER_H_
