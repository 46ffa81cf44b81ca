#include "synthesize/section_ranks.h"

#include <algorithm>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace newsfuse::synthesize {

namespace {

// Sort key of one item: larger is more important, compared in order.
using Importance = std::tuple<size_t, long, std::string>;

// Ranks 1..n by descending importance; equal keys keep the builder's order.
template <typename Item, typename KeyFn>
void RankSection(std::vector<Item>& items, KeyFn key) {
  std::vector<std::pair<Importance, size_t>> order;
  order.reserve(items.size());
  for (size_t i = 0; i < items.size(); ++i) order.emplace_back(key(items[i]), i);
  std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (size_t r = 0; r < order.size(); ++r) items[order[r].second].rank = static_cast<int>(r + 1);
}

}  // namespace

void AssignRanks(Story* story) {
  RankSection(story->facts, [](const Fact& f) {
    return Importance{f.sources.size(), f.consensus ? 1 : 0, ""};
  });
  RankSection(story->entities, [](const BriefEntity& e) {
    return Importance{e.sources.size(), e.mentions, ""};
  });
  RankSection(story->quotes, [](const BriefQuote& q) {
    std::set<std::string> outlets(q.sources.begin(), q.sources.end());
    for (const auto& v : q.variants) outlets.insert(v.sources.begin(), v.sources.end());
    return Importance{outlets.size(), 0, ""};
  });
  RankSection(story->timeline, [](const TimelineEntry& t) {
    return Importance{t.sources.size(), t.planned ? 0 : 1, t.date};
  });
  RankSection(story->discrepancies, [](const Discrepancy& d) {
    std::set<std::string> outlets;
    for (const auto& v : d.variants) outlets.insert(v.sources.begin(), v.sources.end());
    return Importance{outlets.size(), static_cast<long>(d.variants.size()), ""};
  });
}

}  // namespace newsfuse::synthesize
