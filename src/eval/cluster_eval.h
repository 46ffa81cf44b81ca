// File: eval/cluster_eval.h
//
// Scoring a clustering against gold labels, and the labelled sets the
// project measures on:
//   * ECB+ as one article per line (../shared/data/clustering/ecbplus):
//     gold story = sub-topic, split train/dev;
//   * Telegram contest "same thread?" pairs (../shared/data/clustering/
//     tgcontest_pairs).
// Metrics follow Miranda et al. 2018 (`eval_lib.py` of their multilingual
// stream clustering code): both computed over the contingency table n_ij of
// gold cluster i and predicted cluster j, N articles:
//   B-cubed P = sum_ij n_ij^2 / |pred_j| / N,  R = sum_ij n_ij^2 / |gold_i| / N
//   pairwise P = sum_ij C(n_ij, 2) / sum_j C(|pred_j|, 2), R likewise over gold.
#ifndef NEWSFUSE_EVAL_CLUSTER_EVAL_H_
#define NEWSFUSE_EVAL_CLUSTER_EVAL_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "cluster/cluster_options.h"
#include "newsfuse/article.h"
#include "newsfuse/result.h"

namespace newsfuse::cluster {

struct ClusteringScores {
  double bcubed_precision = 0;
  double bcubed_recall = 0;
  double bcubed_f1 = 0;
  double pairwise_precision = 0;
  double pairwise_recall = 0;
  double pairwise_f1 = 0;
  size_t gold_clusters = 0;
  size_t predicted_clusters = 0;
};

// `gold[i]` and `predicted[i]` label article i. REQUIRES: equal sizes.
ClusteringScores ScoreClustering(const std::vector<std::string>& gold,
                                 const std::vector<std::string>& predicted);

struct LabelledArticle {
  Article article;
  std::string gold;   // gold story label
  std::string split;  // "train", "dev", ... ("" when the set has none)
};

// Reads the ECB+ JSONL (fields id, source, date, title, text, cluster,
// split). The text's lines become paragraphs. Errors name the file and line.
Result<std::vector<LabelledArticle>> ReadEcbPlus(const std::string& path);

// Predicted story label per article of `articles`, from ClusterArticles.
std::vector<std::string> PredictBatch(const std::vector<LabelledArticle>& articles,
                                      const ClusterOptions& options);
// The same from the streaming StoryClusterer, articles fed by date (undated
// after the dated, each group in input order).
std::vector<std::string> PredictStream(const std::vector<LabelledArticle>& articles,
                                       const ClusterOptions& options);

struct TunedOptions {
  ClusterOptions options;
  double train_bcubed_f1 = 0;  // whole train split
  double train_objective = 0;  // what was maximised (see TuneOnTrain)
};

// B-cubed F1 of clustering each ECB+ topic (gold label "<topic>_<sub>": two
// twin events) on its own, averaged by articles: small corpora, where
// document frequencies are least reliable.
double TopicByTopicBcubedF1(const std::vector<LabelledArticle>& articles,
                            const ClusterOptions& options, bool stream);

// Grid search of entity_weight and the threshold (merge_threshold for
// batch, assign_threshold for stream) on `train`, maximising the mean of
// the whole split's B-cubed F1 and TopicByTopicBcubedF1.
TunedOptions TuneOnTrain(const std::vector<LabelledArticle>& train, const ClusterOptions& base,
                         bool stream);

struct PairSet {
  std::vector<Article> articles;  // distinct articles (by URL)
  struct Pair {
    size_t first;
    size_t second;
    bool same_story;
  };
  std::vector<Pair> pairs;
};

// Reads tgcontest pairs.jsonl, keeping pairs whose `lang` is `language`.
Result<PairSet> ReadTgContestPairs(const std::string& path, std::string_view language);

struct PairScores {
  size_t pairs = 0;
  size_t correct = 0;
  double accuracy = 0;
  double precision = 0;  // of "same story"
  double recall = 0;
  double f1 = 0;
};

// Clusters all articles of the set together (ClusterArticles) and checks
// each pair: same story predicted iff both land in one group.
PairScores ScorePairs(const PairSet& set, const ClusterOptions& options);

}  // namespace newsfuse::cluster

#endif  // NEWSFUSE_EVAL_CLUSTER_EVAL_H_
