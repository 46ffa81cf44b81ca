#include "cluster/window_regrouper.h"

#include <algorithm>
#include <tuple>
#include <unordered_map>

#include "cluster/cluster_articles.h"

namespace newsfuse::cluster {

using fingerprint::RawFingerprint;

namespace {
constexpr size_t kNoGroup = SIZE_MAX;
}  // namespace

Article WithoutBody(const Article& article) {
  Article light;
  light.id = article.id;
  light.outlet = article.outlet;
  light.title = article.title;
  light.published = article.published;
  return light;
}

WindowRegrouper::WindowRegrouper(const ClusterOptions& options) : options_(options) {}

void WindowRegrouper::Keep(const Article& article, RawFingerprint raw, int64_t story) {
  window_.push_back(Entry{WithoutBody(article), std::move(raw), story});
  Evict();
}

void WindowRegrouper::Propose(std::span<const Article> arrivals, std::span<const RawFingerprint> raw) {
  arrivals_.clear();
  for (size_t k = 0; k < arrivals.size(); ++k) arrivals_.push_back(Entry{WithoutBody(arrivals[k]), raw[k], kNoStory});
  placed_.assign(arrivals_.size(), false);

  std::vector<Article> articles;
  std::vector<RawFingerprint> raws;
  articles.reserve(window_.size() + arrivals_.size());
  raws.reserve(articles.capacity());
  for (const Entry& e : window_) {
    articles.push_back(e.article);
    raws.push_back(e.raw);
  }
  for (const Entry& e : arrivals_) {
    articles.push_back(e.article);
    raws.push_back(e.raw);
  }
  ClusterOptions options = options_;
  options.threads = 1;  // the fingerprints are made: nothing left to spread
  const std::vector<StoryGroup> groups = ClusterFingerprints(articles, raws, options);

  // An article left out of every group (an id repeated in the input) is a
  // group of its own.
  std::vector<size_t> group_of(articles.size(), kNoGroup);
  for (size_t g = 0; g < groups.size(); ++g) {
    for (size_t i : groups[g].members) group_of[i] = g;
  }
  size_t next_group = groups.size();
  for (size_t& g : group_of) {
    if (g == kNoGroup) g = next_group++;
  }
  window_group_.assign(group_of.begin(), group_of.begin() + static_cast<std::ptrdiff_t>(window_.size()));
  arrival_group_.assign(group_of.begin() + static_cast<std::ptrdiff_t>(window_.size()), group_of.end());
  group_story_.assign(next_group, kNoStory);
  NameGroups();
}

void WindowRegrouper::NameGroups() {
  // (window articles in both, group, story), largest overlap first; ties
  // by the older story (lower id), then the first group.
  std::unordered_map<uint64_t, size_t> overlap;  // group << 32 | story slot
  std::vector<int64_t> stories;                  // distinct window stories
  std::unordered_map<int64_t, size_t> slot_of;
  for (size_t i = 0; i < window_.size(); ++i) {
    auto [it, fresh] = slot_of.try_emplace(window_[i].story, stories.size());
    if (fresh) stories.push_back(window_[i].story);
    ++overlap[(static_cast<uint64_t>(window_group_[i]) << 32) | it->second];
  }
  std::vector<std::tuple<size_t, size_t, size_t>> ranked;  // overlap, group, story slot
  ranked.reserve(overlap.size());
  for (const auto& [key, n] : overlap) ranked.emplace_back(n, key >> 32, key & 0xffffffffu);
  std::sort(ranked.begin(), ranked.end(), [&](const auto& a, const auto& b) {
    if (std::get<0>(a) != std::get<0>(b)) return std::get<0>(a) > std::get<0>(b);
    if (stories[std::get<2>(a)] != stories[std::get<2>(b)]) return stories[std::get<2>(a)] < stories[std::get<2>(b)];
    return std::get<1>(a) < std::get<1>(b);
  });
  std::vector<bool> story_taken(stories.size(), false);
  for (const auto& [n, group, slot] : ranked) {
    if (group_story_[group] != kNoStory || story_taken[slot]) continue;
    group_story_[group] = stories[slot];
    story_taken[slot] = true;
  }
}

int64_t WindowRegrouper::Place(size_t k, int64_t new_story) {
  if (k >= arrivals_.size()) return new_story;
  int64_t& story = group_story_[arrival_group_[k]];
  if (story == kNoStory) story = new_story;
  arrivals_[k].story = story;
  placed_[k] = true;
  return story;
}

std::vector<WindowRegrouper::Move> WindowRegrouper::Settle(int64_t* next_story) {
  std::vector<Move> moves;
  for (size_t i = 0; i < window_.size() && i < window_group_.size(); ++i) {
    int64_t& story = group_story_[window_group_[i]];
    if (story == kNoStory) {
      if (next_story == nullptr) continue;
      story = (*next_story)++;
    }
    if (story == window_[i].story) continue;
    moves.push_back(Move{window_[i].article.id, window_[i].story, story});
    window_[i].story = story;
  }
  for (size_t k = 0; k < arrivals_.size(); ++k) {
    if (placed_[k]) window_.push_back(std::move(arrivals_[k]));
  }
  arrivals_.clear();
  placed_.clear();
  window_group_.clear();
  arrival_group_.clear();
  group_story_.clear();
  Evict();
  return moves;
}

void WindowRegrouper::Evict() {
  const size_t cap = std::max<size_t>(options_.regroup_window_articles, 1);
  while (window_.size() > cap) window_.pop_front();
}

}  // namespace newsfuse::cluster
