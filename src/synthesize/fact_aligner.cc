#include "synthesize/fact_aligner.h"

#include <algorithm>
#include <numeric>
#include <unordered_map>

namespace newsfuse::synthesize {

std::vector<FactGroup> AlignFacts(const std::vector<uint32_t>& article_of,
                                  const std::vector<SparseVector>& vectors,
                                  const AlignOptions& options, AlignStats* stats) {
  const uint32_t n = static_cast<uint32_t>(vectors.size());
  // Candidate pairs through an inverted index: only sentences sharing a term
  // are scored, and their dot product is accumulated term by term from the
  // postings (in term order, as Cosine adds them) instead of merging the two
  // vectors again for every pair. The postings hold the earlier units j < i.
  // Every posting visited is one step of the pair budget: a unit whose
  // visits would pass it is not compared, nor any unit after it (they stay
  // facts of their own), and so is every unit once max_kept_pairs pairs
  // reach the floor, so that time and memory stay bounded when
  // thousands of sentences share their words.
  uint32_t terms = 0;
  for (const auto& v : vectors) {
    if (!v.empty()) terms = std::max(terms, v.back().first + 1);
  }
  std::vector<std::vector<std::pair<uint32_t, float>>> postings(terms);
  // neighbours[i]: (j, cosine) for every pair at or above the floor, both ways.
  std::vector<std::vector<std::pair<uint32_t, float>>> neighbours(n);
  struct Edge {
    float s;
    uint32_t a, b;
  };
  std::vector<Edge> edges;
  std::vector<float> acc(n, 0.0f);
  std::vector<uint32_t> touched;
  uint64_t visits = 0;
  uint32_t compared = 0;
  uint64_t kept = 0;
  for (uint32_t i = 0; i < n; ++i) {
    uint64_t need = 0;
    for (const auto& [term, w] : vectors[i]) need += postings[term].size();
    if (visits + need > options.max_pair_visits || kept > options.max_kept_pairs) break;
    visits += need;
    touched.clear();
    for (const auto& [term, w] : vectors[i]) {
      for (const auto& [j, wj] : postings[term]) {
        if (acc[j] == 0.0f) touched.push_back(j);
        acc[j] += w * wj;
      }
    }
    std::sort(touched.begin(), touched.end());
    for (uint32_t j : touched) {
      const float s = acc[j];
      acc[j] = 0.0f;
      if (s < options.candidate_floor) continue;
      neighbours[i].emplace_back(j, s);
      neighbours[j].emplace_back(i, s);
      ++kept;
      const float need_s = article_of[i] == article_of[j] ? options.same_article_threshold : options.threshold;
      if (s >= need_s) edges.push_back(Edge{s, j, i});
    }
    for (const auto& [term, w] : vectors[i]) postings[term].emplace_back(i, w);
    compared = i + 1;
  }
  if (stats) {
    stats->units = n;
    stats->compared_units = compared;
    stats->pair_visits = visits;
  }
  postings = {};
  for (auto& list : neighbours) std::sort(list.begin(), list.end());
  std::sort(edges.begin(), edges.end(), [](const Edge& x, const Edge& y) {
    return x.s != y.s ? x.s > y.s : (x.a != y.a ? x.a < y.a : x.b < y.b);
  });

  // Average link, strongest pair first. Each group keeps the summed
  // cross-article similarity to every group it touches and its sentence
  // count per article, so testing a merge costs one lookup (not a pass over
  // both groups' members) and a merge folds the smaller group's links into
  // the larger's.
  std::vector<uint32_t> group_of(n);
  std::iota(group_of.begin(), group_of.end(), 0);
  std::vector<std::vector<uint32_t>> members(n);
  std::vector<std::unordered_map<uint32_t, double>> links(n);
  std::vector<std::unordered_map<uint32_t, uint32_t>> per_article(n);
  for (uint32_t i = 0; i < n; ++i) {
    members[i] = {i};
    per_article[i][article_of[i]] = 1;
    for (const auto& [j, s] : neighbours[i]) {
      if (article_of[i] != article_of[j]) links[i][j] += s;
    }
  }
  auto cross_pairs = [&](uint32_t ga, uint32_t gb) {
    const auto& small = per_article[ga].size() <= per_article[gb].size() ? per_article[ga] : per_article[gb];
    const auto& large = &small == &per_article[ga] ? per_article[gb] : per_article[ga];
    uint64_t same = 0;
    for (const auto& [art, count] : small) {
      auto it = large.find(art);
      if (it != large.end()) same += static_cast<uint64_t>(count) * it->second;
    }
    return static_cast<uint64_t>(members[ga].size()) * members[gb].size() - same;
  };
  for (const Edge& e : edges) {
    const uint32_t ga = group_of[e.a], gb = group_of[e.b];
    if (ga == gb) continue;
    // Average link across the two groups, over pairs from different
    // articles: two sentences of one article may both belong to a fact (a
    // bulleted summary restating the body), and their own similarity says
    // nothing about the outlets agreeing.
    const uint64_t pairs = cross_pairs(ga, gb);
    double total = 0;
    if (auto it = links[ga].find(gb); it != links[ga].end()) total = it->second;
    if (pairs == 0 ? e.s < options.same_article_threshold
                   : static_cast<float>(total / static_cast<double>(pairs)) < options.threshold) {
      continue;
    }
    const uint32_t keep = members[ga].size() >= members[gb].size() ? ga : gb;
    const uint32_t drop = keep == ga ? gb : ga;
    for (uint32_t x : members[drop]) group_of[x] = keep;
    members[keep].insert(members[keep].end(), members[drop].begin(), members[drop].end());
    members[drop].clear();
    members[drop].shrink_to_fit();
    for (const auto& [art, count] : per_article[drop]) per_article[keep][art] += count;
    per_article[drop].clear();
    for (const auto& [g, s] : links[drop]) {
      auto& theirs = links[g];
      theirs.erase(drop);
      if (g == keep) continue;
      links[keep][g] += s;
      theirs[keep] += s;
    }
    links[keep].erase(drop);
    links[drop].clear();
  }
  // Similarity of two units of one group (0 below the floor).
  auto group_total = [&](uint32_t x, uint32_t g) {
    float total = 0;
    for (const auto& [y, s] : neighbours[x]) {
      if (group_of[y] == g) total += s;
    }
    return total;
  };

  std::vector<FactGroup> groups;
  for (uint32_t g = 0; g < n; ++g) {
    if (members[g].empty()) continue;
    FactGroup fg;
    fg.members = members[g];
    std::sort(fg.members.begin(), fg.members.end());
    float best = -1;
    for (uint32_t x : fg.members) {
      const float total = group_total(x, g);
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
