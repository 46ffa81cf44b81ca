// File: eval/duc_clusters.h
//
// Reader of DUC-style summarization clusters: DIR/<cluster>/doc_*.txt (the
// articles, plain text without a headline line) and ref_*.txt (the human
// summaries). Used by `newsfuse eval summary` and `newsfuse train-summary`.
#ifndef NEWSFUSE_EVAL_DUC_CLUSTERS_H_
#define NEWSFUSE_EVAL_DUC_CLUSTERS_H_

#include <functional>
#include <string>
#include <vector>

#include "newsfuse/article.h"
#include "newsfuse/status.h"

namespace newsfuse::synthesize {

// The DUC 2003 clusters whose topics DUC 2004 does not reuse (the data's README).
const std::vector<std::string>& CleanDuc2003Clusters();

// One cluster: its articles and its human summaries.
struct DucCluster {
  std::string name;
  std::vector<Article> articles;
  std::vector<std::string> references;
};

// The clusters to read: `names`, or the nine clean DUC 2003 ones for a
// DUC 2003 folder, or (all) every folder in `dir`, sorted.
std::vector<std::string> DucClusterNames(const std::string& dir, const std::vector<std::string>& names, bool all);

// Reads DIR/NAME/doc_*.txt and ref_*.txt into `out`. Passes each file it
// cannot read to `on_error` and goes on; returns false (after passing the
// reason to `on_error`) when the cluster lacks documents or references.
bool ReadDucCluster(const std::string& dir, const std::string& name,
                    const std::function<void(const Status&)>& on_error, DucCluster* out);

}  // namespace newsfuse::synthesize

#endif  // NEWSFUSE_EVAL_DUC_CLUSTERS_H_
