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
  regrouper_ = std::make_unique<cluster::WindowRegrouper>(options_);
  planned_.clear();
  plan_open_ = false;
  moves_.clear();
}

void ClusteringAssigner::Replay(const Article& article, std::any prepared, int64_t story) {
  if (!regrouper_) Reset();
  regrouper_->Keep(article, Take(prepared, article), story);
}

void ClusteringAssigner::Plan(std::span<const Article* const> articles,
                              std::span<const std::any* const> prepared) {
  if (!regrouper_) Reset();
  if (plan_open_) Collect(regrouper_->Settle(nullptr));
  std::vector<Article> arrivals;
  std::vector<fingerprint::RawFingerprint> raws;
  arrivals.reserve(articles.size());
  raws.reserve(articles.size());
  planned_.clear();
  for (size_t k = 0; k < articles.size(); ++k) {
    if (!planned_.try_emplace(articles[k]->id, arrivals.size()).second) continue;  // (repeated id)
    arrivals.push_back(cluster::WithoutBody(*articles[k]));
    const auto* raw = std::any_cast<fingerprint::RawFingerprint>(prepared[k]);
    raws.push_back(raw != nullptr ? *raw : Fingerprint(*articles[k]));
  }
  regrouper_->Propose(arrivals, raws);
  plan_open_ = true;
}

int64_t ClusteringAssigner::Assign(const Article& article, std::any prepared, int64_t new_story) {
  if (!regrouper_) Reset();
  auto it = plan_open_ ? planned_.find(article.id) : planned_.end();
  if (it != planned_.end()) return regrouper_->Place(it->second, new_story);
  // Not in the plan (a caller that does not plan): grouped on its own with
  // the window, which moves nothing that would need a new story.
  if (plan_open_) Collect(regrouper_->Settle(nullptr));
  const fingerprint::RawFingerprint raw = Take(prepared, article);
  const Article light = cluster::WithoutBody(article);
  regrouper_->Propose({&light, 1}, {&raw, 1});
  const int64_t story = regrouper_->Place(0, new_story);
  Collect(regrouper_->Settle(nullptr));
  planned_.clear();
  plan_open_ = false;
  return story;
}

std::vector<store::StoryAssigner::Move> ClusteringAssigner::Revise(int64_t* next_story) {
  if (regrouper_ && plan_open_) Collect(regrouper_->Settle(next_story));
  planned_.clear();
  plan_open_ = false;
  return std::exchange(moves_, {});
}

void ClusteringAssigner::Collect(std::vector<cluster::WindowRegrouper::Move> moves) {
  for (cluster::WindowRegrouper::Move& m : moves) moves_.push_back(Move{std::move(m.article_id), m.story});
}

}  // namespace newsfuse::engine
