// File: engine/clustering_assigner.h
//
// The store's StoryAssigner (store/story_assigner.h) over the streaming
// clusterer (cluster/story_clusterer.h): a new article joins the stored story
// of the clusterer story it joins, or opens one.
//
//   ClusteringAssigner assigner(cluster_options);
//   store_options.assigner = &assigner;
//
// Thread-safety: Prepare from any thread at once; the others one at a time
// (the store calls them under its write lock).
#ifndef NEWSFUSE_ENGINE_CLUSTERING_ASSIGNER_H_
#define NEWSFUSE_ENGINE_CLUSTERING_ASSIGNER_H_

#include <any>
#include <cstdint>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "cluster/cluster_options.h"
#include "cluster/story_clusterer.h"
#include "fingerprint/fingerprinter.h"
#include "store/story_assigner.h"

namespace newsfuse::engine {

class ClusteringAssigner : public store::StoryAssigner {
 public:
  explicit ClusteringAssigner(const cluster::ClusterOptions& options) : options_(options) {}

  // A fingerprint (fingerprint::RawFingerprint).
  std::any Prepare(const Article& article) override;
  void Reset() override;
  void Replay(const Article& article, std::any prepared, int64_t story) override;
  int64_t Assign(const Article& article, std::any prepared, int64_t new_story) override;

 private:
  fingerprint::RawFingerprint Fingerprint(const Article& article);
  fingerprint::RawFingerprint Take(std::any& prepared, const Article& article);

  const cluster::ClusterOptions options_;
  std::unique_ptr<cluster::StoryClusterer> clusterer_;
  std::unordered_map<uint64_t, int64_t> cluster_to_store_;  // clusterer story -> stored story

  std::mutex fingerprinters_mu_;
  std::vector<std::unique_ptr<fingerprint::Fingerprinter>> fingerprinters_;
};

}  // namespace newsfuse::engine

#endif  // NEWSFUSE_ENGINE_CLUSTERING_ASSIGNER_H_
