// File: eval/cluster_loto.h
//
// Leave-one-topic-out cross-validation of story clustering on ECB+ (gold
// label "<topic>_<sub>": each topic is two twin events of one kind, years
// apart). For each topic, entity_weight and merge_threshold (and, batch and
// regroup, the cohesion test of the average-link merge) are chosen on the
// other topics only (the mean B-cubed F1 of clustering each of them on
// its own), and the held-out topic is then clustered on its own with them:
// the figure says how the choice carries to events it was not made on.
//
//   LotoReport r = LeaveOneTopicOut(articles, base, LotoMode::kBatch);
//   printf("%.3f +- %.3f", r.mean_bcubed_f1, r.sd_bcubed_f1);
//
// Modes: kBatch clusters the topic at once (ClusterArticles); kRegroup
// feeds it in date order in small batches through the window regrouper
// (cluster/window_regrouper.h), as the store's ingest does; kOnePass feeds
// the one-pass StoryClusterer (`cluster --stream`), its threshold being
// assign_threshold and its weight stream_entity_weight.
//
// Articles are fingerprinted once; each grid point clusters every topic on
// its own (grid points spread over base.threads, 0: every core). The batch
// and regroup grids are 25 times the one-pass grid (the cohesion test's
// settings): about 4 minutes of CPU for all three modes (3 of wall time on
// two shared cores).
#ifndef NEWSFUSE_EVAL_CLUSTER_LOTO_H_
#define NEWSFUSE_EVAL_CLUSTER_LOTO_H_

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "cluster/cluster_options.h"
#include "cluster/pair_model.h"
#include "eval/cluster_eval.h"

namespace newsfuse::cluster {

enum class LotoMode { kBatch, kRegroup, kOnePass };

struct LotoFold {
  std::string topic;
  size_t articles = 0;
  float entity_weight = 0;
  float threshold = 0;
  // The cohesion test chosen (ClusterOptions::cohesion_*; ratio 0: off).
  float cohesion_ratio = 0;
  size_t cohesion_min_articles = 0;
  bool cohesion_weighted_mean = false;
  double bcubed_f1 = 0;  // the held-out topic, clustered on its own
};

struct LotoReport {
  std::vector<LotoFold> folds;  // by topic
  double mean_bcubed_f1 = 0;    // over topics, each counting once
  double sd_bcubed_f1 = 0;      // population standard deviation over topics
  double min_bcubed_f1 = 0;
};

// Articles whose gold label has no topic prefix form a topic of their own
// label. Needs two topics at least (else an empty report).
LotoReport LeaveOneTopicOut(const std::vector<LabelledArticle>& articles, const ClusterOptions& base,
                            LotoMode mode);

// The same with a learnt pair similarity (cluster/pair_model.h) in place of
// the hand-weighted one: for each held-out topic, `fit(topic)` returns the
// model trained without any article of it; merge_threshold is then chosen
// on the other topics with that model (the mean B-cubed F1 of clustering
// each on its own, over `thresholds`) and the held-out topic clustered with
// both. Each fold's entity_weight reads 0. kOnePass never uses the model
// (StoryClusterer has no pair model): it gives LeaveOneTopicOut's figure.
using PairModelFit = std::function<PairModel(const std::string& held_out_topic)>;
LotoReport LeaveOneTopicOutLearnt(const std::vector<LabelledArticle>& articles, const ClusterOptions& base,
                                  LotoMode mode, const PairModelFit& fit, const std::vector<float>& thresholds);

}  // namespace newsfuse::cluster

#endif  // NEWSFUSE_EVAL_CLUSTER_LOTO_H_
