#include "cluster/cluster_articles.h"

#include <xxhash.h>

#include <algorithm>
#include <queue>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "cluster/similarity.h"
#include "fingerprint/fingerprinter.h"
#include "fingerprint/tokens.h"

namespace newsfuse::cluster {

using fingerprint::ArticleVectors;
using fingerprint::Dot;
using fingerprint::RawFingerprint;
using fingerprint::TermWeight;

namespace {

constexpr size_t kBands = 16;
constexpr size_t kRowsPerBand = fingerprint::kMinHashSlots / kBands;
// Pairs below this similarity add nothing measurable to an average and are
// not stored (matters only for the candidate path on large inputs).
constexpr float kMinStoredSimilarity = 0.01f;

uint64_t BandKey(const fingerprint::MinHash& m, size_t band) {
  uint64_t h = XXH3_64bits(&m.slots[band * kRowsPerBand], kRowsPerBand * sizeof(uint32_t));
  return fingerprint::MixHash(h, band);
}

template <typename Fn>
void ParallelFor(size_t n, size_t threads, Fn&& fn) {
  if (threads <= 1 || n < 64) {
    fn(0, 0, n);
    return;
  }
  std::vector<std::thread> pool;
  const size_t chunk = (n + threads - 1) / threads;
  for (size_t t = 0; t < threads; ++t) {
    size_t begin = t * chunk;
    size_t end = std::min(n, begin + chunk);
    if (begin >= end) break;
    pool.emplace_back([&fn, t, begin, end] { fn(t, begin, end); });
  }
  for (std::thread& th : pool) th.join();
}

void TopKeys(const ArticleVectors& v, size_t terms, size_t entities, std::vector<uint32_t>* out) {
  out->clear();
  auto take = [&](const std::vector<TermWeight>& vec, size_t n, uint32_t salt) {
    std::vector<TermWeight> copy(vec);
    if (copy.size() > n) {
      std::nth_element(copy.begin(), copy.begin() + n, copy.end(),
                       [](const TermWeight& a, const TermWeight& b) { return a.weight > b.weight; });
      copy.resize(n);
    }
    for (const TermWeight& t : copy) out->push_back(t.term ^ salt);
  };
  take(v.terms, terms, 0);
  take(v.entities, entities, 0x5bd1e995u);
}

struct HeapEntry {
  double average;
  uint32_t a;
  uint32_t b;
  uint32_t stamp_a;
  uint32_t stamp_b;
  bool operator<(const HeapEntry& o) const { return average < o.average; }
};

// The split pass. Average link can still join twin events (two arrests of
// two players of one team: team, city, charge and police all shared) when
// enough of the later event's articles recall the earlier one. What tells
// them apart is time's arrow: the later articles may name the earlier
// event's protagonist, the earlier ones cannot name the later's. So a story
// is cut in two when its two most common protagonists each lead at least
// split_min_articles articles and split_min_share of the story, and on at
// least one side at most split_max_cross_mention of the articles mention
// the other side's protagonist. One event with two protagonists (a trade, a
// couple, shooter and victim) is named on both sides and stays whole.
// Articles with neither protagonist join the side they are closer to on
// average; a copy follows its original.
template <typename Similarity, typename Mentions>
void SplitByProtagonist(const std::vector<size_t>& order, const std::vector<RawFingerprint>& raw,
                        const std::vector<std::optional<size_t>>& copy_of,
                        const ClusterOptions& options, Similarity&& similarity,
                        Mentions&& mentions, std::vector<uint32_t>* story_of) {
  if (options.split_min_articles == 0) return;
  std::unordered_map<uint32_t, std::vector<size_t>> members;
  uint32_t next_story = 0;
  for (size_t i : order) {
    members[(*story_of)[i]].push_back(i);
    next_story = std::max(next_story, (*story_of)[i] + 1);
  }
  // The average over at most this many articles of each side: enough to
  // place an article, and bounded on a huge story.
  constexpr size_t kSideSample = 64;
  std::vector<std::pair<uint32_t, uint32_t>> votes;  // protagonist, articles
  for (const auto& [story, m] : members) {
    if (m.size() < 2 * options.split_min_articles) continue;
    votes.clear();
    for (size_t i : m) {
      if (raw[i].protagonist == 0) continue;
      auto it = std::find_if(votes.begin(), votes.end(),
                             [&](const auto& v) { return v.first == raw[i].protagonist; });
      if (it == votes.end()) {
        votes.push_back({raw[i].protagonist, 1});
      } else {
        ++it->second;
      }
    }
    if (votes.size() < 2) continue;
    std::partial_sort(votes.begin(), votes.begin() + 2, votes.end(), [](const auto& a, const auto& b) {
      return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    const auto [p1, n1] = votes[0];
    const auto [p2, n2] = votes[1];
    if (n2 < options.split_min_articles || n2 < options.split_min_share * m.size()) continue;
    size_t mention_2 = 0;  // articles about p1 that mention p2
    size_t mention_1 = 0;
    std::vector<size_t> side_1;
    std::vector<size_t> side_2;
    for (size_t i : m) {
      if (raw[i].protagonist == p1) {
        mention_2 += mentions(i, p1, p2);
        if (side_1.size() < kSideSample) side_1.push_back(i);
      } else if (raw[i].protagonist == p2) {
        mention_1 += mentions(i, p2, p1);
        if (side_2.size() < kSideSample) side_2.push_back(i);
      }
    }
    if (std::min(static_cast<double>(mention_2) / n1, static_cast<double>(mention_1) / n2) >
        options.split_max_cross_mention) {
      continue;
    }
    const uint32_t new_story = next_story++;
    auto average = [&](size_t i, const std::vector<size_t>& side) {
      double sum = 0;
      for (size_t j : side) sum += similarity(std::min(i, j), std::max(i, j));
      return sum / static_cast<double>(side.size());
    };
    for (size_t i : m) {
      const uint32_t p = raw[i].protagonist;
      if (p == p2 || (p != p1 && average(i, side_2) > average(i, side_1))) (*story_of)[i] = new_story;
    }
    for (size_t i : m) {
      if (copy_of[i]) (*story_of)[i] = (*story_of)[*copy_of[i]];
    }
  }
}

}  // namespace

std::vector<StoryGroup> ClusterArticles(std::span<const Article> articles,
                                        const ClusterOptions& options, ClusterReport* report) {
  const size_t n = articles.size();
  ClusterReport local_report;
  ClusterReport& rep = report ? *report : local_report;
  rep = ClusterReport{};
  rep.article_issues.assign(n, kNoIssue);

  // Repeated ids are left out; the first occurrence stands.
  std::vector<bool> active(n, true);
  std::vector<int64_t> minutes(n, kUnknownTime);
  {
    std::unordered_set<std::string_view> seen;
    seen.reserve(n);
    for (size_t i = 0; i < n; ++i) {
      minutes[i] = ArticleMinutes(articles[i], options, &rep.article_issues[i]);
      if (!seen.insert(articles[i].id).second) {
        rep.article_issues[i] |= kDuplicateId;
        active[i] = false;
        ++rep.duplicate_ids;
      }
    }
  }

  size_t threads = options.threads ? options.threads : std::thread::hardware_concurrency();
  threads = std::clamp<size_t>(threads, 1, 16);
  std::vector<RawFingerprint> raw(n);
  ParallelFor(n, threads, [&](size_t, size_t begin, size_t end) {
    fingerprint::Fingerprinter fp(options.fingerprint);
    for (size_t i = begin; i < end; ++i) {
      if (active[i]) raw[i] = fp.Extract(articles[i]);
    }
  });
  fingerprint::DocumentFrequency df;
  for (size_t i = 0; i < n; ++i) {
    if (!active[i]) continue;
    uint32_t& issues = rep.article_issues[i];
    if (raw[i].truncated) issues |= kTruncatedBody;
    if (raw[i].body_bytes == 0) {
      issues |= kEmptyBody;
      if (!articles[i].title || articles[i].title->empty()) issues |= kEmptyArticle;
    }
    df.Add(raw[i]);
  }
  for (size_t i = 0; i < n; ++i) rep.issues.Count(rep.article_issues[i]);
  std::vector<ArticleVectors> vec(n);
  ParallelFor(n, threads, [&](size_t, size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) {
      if (active[i]) vec[i] = fingerprint::Weigh(raw[i], df, options.fingerprint);
    }
  });

  // Time order (undated last, then input order): the earliest of a copy
  // group is its original.
  std::vector<size_t> order;
  order.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    if (active[i]) order.push_back(i);
  }
  auto time_key = [&](size_t i) { return minutes[i] == kUnknownTime ? INT64_MAX : minutes[i]; };
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return time_key(a) < time_key(b); });

  std::vector<std::optional<size_t>> copy_of(n);
  {
    std::unordered_map<uint64_t, size_t> bands;
    bands.reserve(order.size() * kBands);
    for (size_t i : order) {
      const fingerprint::MinHash& m = raw[i].minhash;
      if (m.empty) continue;
      double best = options.duplicate_jaccard;
      for (size_t b = 0; b < kBands; ++b) {
        auto it = bands.find(BandKey(m, b));
        if (it == bands.end()) continue;
        double j = fingerprint::EstimateJaccard(m, raw[it->second].minhash);
        if (j >= best) {
          best = j;
          copy_of[i] = copy_of[it->second].value_or(it->second);
        }
      }
      for (size_t b = 0; b < kBands; ++b) bands.emplace(BandKey(m, b), i);  // first one stays
    }
  }

  // One starting group per copy group.
  std::vector<uint32_t> group_of(n, UINT32_MAX);
  std::vector<uint32_t> size;
  for (size_t i : order) {
    if (copy_of[i] && group_of[*copy_of[i]] != UINT32_MAX) {
      group_of[i] = group_of[*copy_of[i]];
      ++size[group_of[i]];
    } else {
      group_of[i] = static_cast<uint32_t>(size.size());
      size.push_back(1);
    }
  }
  const size_t groups = size.size();
  // Per pair of groups: the sum of scored pair similarities and how many
  // pairs were scored. With every pair scored (exact) the average divides
  // by |A||B|, as UPGMA does; on the candidate path it divides by the pairs
  // actually scored, since an unscored pair is unknown, not dissimilar (big
  // stories would otherwise fall apart: each article meets only the most
  // recent postings).
  struct PairSum {
    double sum = 0;
    double count = 0;
  };
  std::vector<std::unordered_map<uint32_t, PairSum>> neighbours(groups);
  const bool exact = order.size() <= options.exact_pairs_limit;

  // Every name each article mentions, sorted, for the protagonist check
  // (the weighed vectors keep only the top names).
  std::vector<std::vector<fingerprint::TermCount>> names(n);
  if (options.protagonist_conflict_factor != 1.0f || options.split_min_articles != 0) {
    for (size_t i : order) {
      if (raw[i].protagonist == 0) continue;
      names[i] = raw[i].entities;
      std::sort(names[i].begin(), names[i].end(),
                [](const auto& a, const auto& b) { return a.term < b.term; });
    }
  }
  auto count_of = [&](size_t i, uint32_t entity) {
    auto it = std::lower_bound(names[i].begin(), names[i].end(), entity,
                               [](const fingerprint::TermCount& c, uint32_t e) { return c.term < e; });
    return it != names[i].end() && it->term == entity ? it->count : 0.0f;
  };
  // True when article i names `other` more than a passing mention.
  auto mentions = [&](size_t i, uint32_t own, uint32_t other) {
    const float c = count_of(i, other);
    return c > 0 && c > options.protagonist_mention_ratio * count_of(i, own);
  };
  auto pair_similarity = [&](size_t i, size_t j) {
    float s = MixedSimilarity(Dot(vec[i].terms, vec[j].terms),
                              Dot(vec[i].entities, vec[j].entities), options);
    const uint32_t pi = raw[i].protagonist;
    const uint32_t pj = raw[j].protagonist;
    if (pi != 0 && pj != 0 && pi != pj && !mentions(i, pi, pj) && !mentions(j, pj, pi)) {
      s *= options.protagonist_conflict_factor;
    }
    return s * TimeFactor(minutes[i], minutes[j], minutes[j], options);
  };
  auto add_pair = [&](size_t i, size_t j) {
    uint32_t gi = group_of[i];
    uint32_t gj = group_of[j];
    if (gi == gj) return;
    float s = pair_similarity(i, j);
    ++rep.scored_pairs;
    if (exact && s < kMinStoredSimilarity) return;
    PairSum& a = neighbours[gi][gj];
    a.sum += s;
    a.count += 1;
    PairSum& b = neighbours[gj][gi];
    b.sum += s;
    b.count += 1;
  };
  if (exact) {
    for (size_t x = 0; x < order.size(); ++x) {
      for (size_t y = x + 1; y < order.size(); ++y) add_pair(order[x], order[y]);
    }
  } else {
    // Candidate pairs: earlier articles indexed under one of my top words or
    // names (the most recent posting_cap per key).
    std::unordered_map<uint32_t, std::vector<uint32_t>> postings;
    std::vector<uint32_t> keys;
    std::vector<uint32_t> seen;
    for (size_t i : order) {
      TopKeys(vec[i], options.query_terms, options.query_entities, &keys);
      seen.clear();
      for (uint32_t key : keys) {
        std::vector<uint32_t>& list = postings[key];
        size_t k = std::min(list.size(), options.posting_cap);
        for (size_t r = 0; r < k; ++r) seen.push_back(list[list.size() - 1 - r]);
        list.push_back(static_cast<uint32_t>(i));
        if (list.size() >= 2 * options.posting_cap) {
          list.erase(list.begin(), list.begin() + options.posting_cap);
        }
      }
      std::sort(seen.begin(), seen.end());
      seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
      for (uint32_t j : seen) add_pair(j, i);
    }
  }

  // Average-link agglomeration over the stored sums of pair similarities:
  // average(A, B) = sum(A, B) / (|A| |B|); pairs never scored count as 0.
  std::vector<uint32_t> stamp(groups, 0);
  std::vector<bool> dead(groups, false);
  std::priority_queue<HeapEntry> heap;
  auto push = [&](uint32_t a, uint32_t b, const PairSum& p) {
    double avg = exact ? p.sum / (static_cast<double>(size[a]) * size[b]) : p.sum / p.count;
    if (avg >= options.merge_threshold) heap.push({avg, a, b, stamp[a], stamp[b]});
  };
  for (uint32_t a = 0; a < groups; ++a) {
    for (const auto& [b, p] : neighbours[a]) {
      if (a < b) push(a, b, p);
    }
  }
  std::vector<uint32_t> merged_into(groups);
  for (uint32_t g = 0; g < groups; ++g) merged_into[g] = g;
  while (!heap.empty()) {
    HeapEntry e = heap.top();
    heap.pop();
    if (dead[e.a] || dead[e.b] || stamp[e.a] != e.stamp_a || stamp[e.b] != e.stamp_b) continue;
    uint32_t keep = e.a;
    uint32_t gone = e.b;
    if (neighbours[keep].size() < neighbours[gone].size()) std::swap(keep, gone);
    for (const auto& [k, p] : neighbours[gone]) {
      if (k == keep) continue;
      PairSum& a = neighbours[keep][k];
      a.sum += p.sum;
      a.count += p.count;
      neighbours[k].erase(gone);
      PairSum& b = neighbours[k][keep];
      b.sum += p.sum;
      b.count += p.count;
    }
    neighbours[keep].erase(gone);
    neighbours[gone].clear();
    dead[gone] = true;
    merged_into[gone] = keep;
    size[keep] += size[gone];
    ++stamp[keep];
    for (const auto& [k, p] : neighbours[keep]) push(keep, k, p);
  }
  auto find = [&](uint32_t g) {
    while (merged_into[g] != g) g = merged_into[g] = merged_into[merged_into[g]];
    return g;
  };

  std::vector<uint32_t> story_of(n, UINT32_MAX);
  for (size_t i : order) story_of[i] = find(group_of[i]);
  SplitByProtagonist(order, raw, copy_of, options, pair_similarity, mentions, &story_of);

  // Assemble the groups, in time order of their first article.
  std::unordered_map<uint32_t, size_t> slot;
  std::vector<StoryGroup> out;
  for (size_t i : order) {
    uint32_t g = story_of[i];
    auto [it, inserted] = slot.emplace(g, out.size());
    if (inserted) {
      out.emplace_back();
      out.back().id = "s" + std::to_string(out.size());
    }
    StoryGroup& s = out[it->second];
    s.members.push_back(i);
    s.duplicate_of.push_back(copy_of[i]);
    if (articles[i].outlet &&
        std::find(s.outlets.begin(), s.outlets.end(), *articles[i].outlet) == s.outlets.end()) {
      s.outlets.push_back(*articles[i].outlet);
    }
  }
  for (StoryGroup& s : out) {
    int64_t first = kUnknownTime;
    int64_t last = kUnknownTime;
    std::vector<TermWeight> centre;
    for (size_t i : s.members) {
      if (minutes[i] != kUnknownTime) {
        first = first == kUnknownTime ? minutes[i] : std::min(first, minutes[i]);
        last = last == kUnknownTime ? minutes[i] : std::max(last, minutes[i]);
      }
    }
    s.first_published = FormatMinutes(first);
    s.last_published = FormatMinutes(last);
    // Headline: the titled member whose words are closest to the others'.
    float best = -1;
    for (size_t i : s.members) {
      if (!articles[i].title || articles[i].title->empty()) continue;
      float score = 0;
      if (s.members.size() <= 64) {
        for (size_t j : s.members) score += Dot(vec[i].terms, vec[j].terms);
      }
      if (score > best) {
        best = score;
        s.headline = *articles[i].title;
      }
    }
  }
  return out;
}

}  // namespace newsfuse::cluster
