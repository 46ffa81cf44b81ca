// File: engine/clustering_assigner.h
//
// The store's StoryAssigner (store/story_assigner.h) over the window
// regrouper (cluster/window_regrouper.h): each ingest batch is grouped with
// the most recent stored articles by the batch clusterer, so the store's
// stories are the ones `newsfuse cluster` makes of the same articles. New
// articles join the stored story their group continues (or open one), and
// recent stored articles the new grouping places elsewhere are moved
// (Revise), in the batch's transaction.
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
#include <string>
#include <unordered_map>
#include <vector>

#include "cluster/cluster_options.h"
#include "cluster/window_regrouper.h"
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
  void Plan(std::span<const Article* const> articles, std::span<const std::any* const> prepared) override;
  int64_t Assign(const Article& article, std::any prepared, int64_t new_story) override;
  std::vector<Move> Revise(int64_t* next_story) override;

 private:
  fingerprint::RawFingerprint Fingerprint(const Article& article);
  fingerprint::RawFingerprint Take(std::any& prepared, const Article& article);
  void Collect(std::vector<cluster::WindowRegrouper::Move> moves);

  const cluster::ClusterOptions options_;
  std::unique_ptr<cluster::WindowRegrouper> regrouper_;
  std::unordered_map<std::string, size_t> planned_;  // article id -> its place in the plan
  bool plan_open_ = false;
  std::vector<Move> moves_;  // not yet handed to the store

  std::mutex fingerprinters_mu_;
  std::vector<std::unique_ptr<fingerprint::Fingerprinter>> fingerprinters_;
};

}  // namespace newsfuse::engine

#endif  // NEWSFUSE_ENGINE_CLUSTERING_ASSIGNER_H_
