#include "synthesize/fact_aligner.h"

#include <algorithm>
#include <numeric>
#include <unordered_map>

namespace newsfuse::synthesize {

namespace {
uint64_t PairKey(uint32_t a, uint32_t b) {
  if (a > b) std::swap(a, b);
  return (static_cast<uint64_t>(a) << 32) | b;
}
}  // namespace

std::vector<FactGroup> AlignFacts(const std::vector<uint32_t>& article_of,
                                  const std::vector<SparseVector>& vectors,
                                  const AlignOptions& options) {
  const uint32_t n = static_cast<uint32_t>(vectors.size());
  // Candidate pairs through an inverted index: only sentences sharing a term.
  std::unordered_map<uint32_t, std::vector<uint32_t>> postings;
  for (uint32_t i = 0; i < n; ++i) {
    for (const auto& [term, w] : vectors[i]) postings[term].push_back(i);
  }
  std::unordered_map<uint64_t, float> sim;
  struct Edge {
    float s;
    uint32_t a, b;
  };
  std::vector<Edge> edges;
  for (uint32_t i = 0; i < n; ++i) {
    std::vector<uint32_t> seen;
    for (const auto& [term, w] : vectors[i]) {
      for (uint32_t j : postings[term]) {
        if (j > i) seen.push_back(j);
      }
    }
    std::sort(seen.begin(), seen.end());
    seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
    for (uint32_t j : seen) {
      const float s = Cosine(vectors[i], vectors[j]);
      if (s < options.candidate_floor) continue;
      sim[PairKey(i, j)] = s;
      const float need = article_of[i] == article_of[j] ? options.same_article_threshold : options.threshold;
      if (s >= need) edges.push_back(Edge{s, i, j});
    }
  }
  std::sort(edges.begin(), edges.end(), [](const Edge& x, const Edge& y) {
    return x.s != y.s ? x.s > y.s : (x.a != y.a ? x.a < y.a : x.b < y.b);
  });

  std::vector<uint32_t> group_of(n);
  std::iota(group_of.begin(), group_of.end(), 0);
  std::vector<std::vector<uint32_t>> members(n);
  for (uint32_t i = 0; i < n; ++i) members[i] = {i};
  auto pair_sim = [&](uint32_t a, uint32_t b) {
    auto it = sim.find(PairKey(a, b));
    return it == sim.end() ? 0.0f : it->second;
  };
  for (const Edge& e : edges) {
    const uint32_t ga = group_of[e.a], gb = group_of[e.b];
    if (ga == gb) continue;
    // Average link across the two groups, over pairs from different
    // articles: two sentences of one article may both belong to a fact (a
    // bulleted summary restating the body), and their own similarity says
    // nothing about the outlets agreeing.
    float total = 0;
    size_t pairs = 0;
    for (uint32_t x : members[ga]) {
      for (uint32_t y : members[gb]) {
        if (article_of[x] == article_of[y]) continue;
        total += pair_sim(x, y);
        ++pairs;
      }
    }
    if (pairs == 0 ? e.s < options.same_article_threshold
                   : total / static_cast<float>(pairs) < options.threshold) {
      continue;
    }
    const uint32_t keep = members[ga].size() >= members[gb].size() ? ga : gb;
    const uint32_t drop = keep == ga ? gb : ga;
    for (uint32_t x : members[drop]) group_of[x] = keep;
    members[keep].insert(members[keep].end(), members[drop].begin(), members[drop].end());
    members[drop].clear();
  }

  std::vector<FactGroup> groups;
  for (uint32_t g = 0; g < n; ++g) {
    if (members[g].empty()) continue;
    FactGroup fg;
    fg.members = members[g];
    std::sort(fg.members.begin(), fg.members.end());
    float best = -1;
    for (uint32_t x : fg.members) {
      float total = 0;
      for (uint32_t y : fg.members) {
        if (x != y) total += pair_sim(x, y);
      }
      if (total > best + 1e-6f) {
        best = total;
        fg.representative = x;
      }
      fg.articles.push_back(article_of[x]);
    }
    std::sort(fg.articles.begin(), fg.articles.end());
    fg.articles.erase(std::unique(fg.articles.begin(), fg.articles.end()), fg.articles.end());
    groups.push_back(std::move(fg));
  }
  std::stable_sort(groups.begin(), groups.end(), [](const FactGroup& a, const FactGroup& b) {
    if (a.articles.size() != b.articles.size()) return a.articles.size() > b.articles.size();
    return a.members.front() < b.members.front();
  });
  return groups;
}

}  // namespace newsfuse::synthesize
