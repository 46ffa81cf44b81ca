#include "engine/clustering_assigner.h"

#include <utility>

namespace newsfuse::engine {

fingerprint::RawFingerprint ClusteringAssigner::Fingerprint(const Article& article) {
  // Fingerprinters keep scratch buffers: one per thread at a time, pooled.
  std::unique_ptr<fingerprint::Fingerprinter> fp;
  {
    std::lock_guard<std::mutex> lock(fingerprinters_mu_);
    if (!fingerprinters_.empty()) {
      fp = std::move(fingerprinters_.back());
      fingerprinters_.pop_back();
    }
  }
  if (!fp) fp = std::make_unique<fingerprint::Fingerprinter>(options_.fingerprint);
  fingerprint::RawFingerprint raw = fp->Extract(article);
  std::lock_guard<std::mutex> lock(fingerprinters_mu_);
  fingerprinters_.push_back(std::move(fp));
  return raw;
}

std::any ClusteringAssigner::Prepare(const Article& article) { return Fingerprint(article); }

fingerprint::RawFingerprint ClusteringAssigner::Take(std::any& prepared, const Article& article) {
  if (auto* raw = std::any_cast<fingerprint::RawFingerprint>(&prepared)) return std::move(*raw);
  return Fingerprint(article);
}

void ClusteringAssigner::Reset() {
  clusterer_ = std::make_unique<cluster::StoryClusterer>(options_);
  cluster_to_store_.clear();
  // A frozen story never receives another article: forget its mapping, so
  // that the map stays as small as the clusterer's window.
  clusterer_->set_on_frozen([this](cluster::FrozenStory&& story) { cluster_to_store_.erase(story.id); });
  // A story merged into another as it left the window gets no more articles
  // either (new ones join the other). Its stored story stays as it was: the
  // articles already served under its id are not moved.
  clusterer_->set_on_merged([this](uint64_t story, uint64_t) { cluster_to_store_.erase(story); });
}

void ClusteringAssigner::Replay(const Article& article, std::any prepared, int64_t story) {
  if (!clusterer_) Reset();
  const cluster::Assignment a = clusterer_->AssignFingerprint(article, Take(prepared, article));
  // The first stored story seen for a clusterer story names it; the
  // clusterer may group the replay a little differently from the first run
  // (document frequencies start afresh), so later members of another stored
  // story keep their own and only new articles follow the map.
  cluster_to_store_.try_emplace(a.story_id, story);
}

int64_t ClusteringAssigner::Assign(const Article& article, std::any prepared, int64_t new_story) {
  if (!clusterer_) Reset();
  const cluster::Assignment a = clusterer_->AssignFingerprint(article, Take(prepared, article));
  return cluster_to_store_.try_emplace(a.story_id, new_story).first->second;
}

}  // namespace newsfuse::engine
