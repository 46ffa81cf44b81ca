#include "cluster/cluster_articles.h"

#include <algorithm>
#include <queue>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "base/parallel_for.h"
#include "cluster/group_links.h"
#include "cluster/near_copies.h"
#include "cluster/pair_model.h"
#include "cluster/probe_vector.h"
#include "cluster/protagonist_merge.h"
#include "cluster/similarity.h"
#include "fingerprint/fingerprinter.h"
#include "fingerprint/headline_names.h"

namespace newsfuse::cluster {

using fingerprint::ArticleVectors;
using fingerprint::Dot;
using fingerprint::RawFingerprint;
using fingerprint::TermWeight;

namespace {

// Pairs below this similarity add nothing measurable to an average and are
// not stored (matters only for the candidate path on large inputs).
constexpr float kMinStoredSimilarity = 0.01f;
// Fingerprinting fewer articles than this per thread is not worth a thread.
constexpr size_t kMinItemsPerThread = 32;

// A candidate merge: groups a < b at their average when pushed (stale once
// either group changed: MergeByAverageLink checks the average on popping).
struct HeapEntry {
  double average;
  uint32_t a;
  uint32_t b;
  // Highest average first; on a tie the pair of lower group numbers, so the
  // order of merges never depends on the order the heap was filled in.
  bool operator<(const HeapEntry& o) const {
    if (average != o.average) return average < o.average;
    return a != o.a ? a > o.a : b > o.b;
  }
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

// One scored pair of articles, by their starting groups (lo < hi). Per
// pair of groups the merge sums these (GroupLinks): with every pair scored
// (exact) the average divides the sum by |A||B|, as UPGMA does; on the
// candidate path it divides by the pairs actually scored, since an unscored
// pair is unknown, not dissimilar (big stories would otherwise fall apart:
// each article meets only the most recent postings).
struct ScoredPair {
  uint32_t lo;
  uint32_t hi;
  float similarity;
};

// One run of ClusterArticles: its steps, in the order Run calls them, over
// the state they share (one slot per input article unless said).
class Clustering {
 public:
  Clustering(std::span<const Article> articles, std::span<const RawFingerprint> given,
             const fingerprint::DocumentFrequency* given_df, const ClusterOptions& options, ClusterReport* report)
      : articles_(articles), given_(given), given_df_(given_df), options_(options), rep_(*report), n_(articles.size()) {}

  std::vector<StoryGroup> Run() {
    SkipRepeatedIds();
    Fingerprint();
    SortByTime();
    FindCopies();
    StartGroups();
    IndexNames();
    ScorePairs();
    MergeByAverageLink();
    SplitByProtagonist(order_, raw_, copy_of_, options_,
                       [this](size_t i, size_t j) { return PairSimilarity(i, j); },
                       [this](size_t i, uint32_t own, uint32_t other) { return Mentions(i, own, other); },
                       &story_of_);
    MergeSameProtagonist(order_, raw_, minutes_, options_,
                         [this](size_t i, size_t j) { return PairSimilarity(i, j); }, &story_of_);
    return Assemble();
  }

 private:
  // Repeated ids are left out; the first occurrence stands. Also reads each
  // article's time.
  void SkipRepeatedIds() {
    rep_ = ClusterReport{};
    rep_.article_issues.assign(n_, kNoIssue);
    active_.assign(n_, true);
    minutes_.assign(n_, kUnknownTime);
    std::unordered_set<std::string_view> seen;
    seen.reserve(n_);
    for (size_t i = 0; i < n_; ++i) {
      minutes_[i] = ArticleMinutes(articles_[i], options_, &rep_.article_issues[i]);
      if (!seen.insert(articles_[i].id).second) {
        rep_.article_issues[i] |= kDuplicateId;
        active_[i] = false;
        ++rep_.duplicate_ids;
      }
    }
  }

  size_t Threads() const {
    const size_t threads = options_.threads ? options_.threads : std::thread::hardware_concurrency();
    return std::clamp<size_t>(threads, 1, 16);
  }

  // Raw fingerprints (in parallel), the input's document frequencies, the
  // issues fingerprinting found, then the weighed vectors (in parallel).
  void Fingerprint() {
    const size_t threads = Threads();
    raw_.resize(n_);
    // One range per thread, so each thread makes one Fingerprinter (its scratch).
    const size_t per_thread = (n_ + threads - 1) / threads;
    base::ParallelForRanges(n_, static_cast<unsigned>(threads), per_thread, kMinItemsPerThread,
                            [&](size_t begin, size_t end) {
      if (!given_.empty()) {
        for (size_t i = begin; i < end; ++i) {
          if (active_[i]) raw_[i] = given_[i];
        }
        return;
      }
      fingerprint::Fingerprinter fp(options_.fingerprint);
      for (size_t i = begin; i < end; ++i) {
        if (active_[i]) raw_[i] = fp.Extract(articles_[i]);
      }
    });
    fingerprint::DocumentFrequency df;
    for (size_t i = 0; i < n_; ++i) {
      if (!active_[i]) continue;
      uint32_t& issues = rep_.article_issues[i];
      if (raw_[i].truncated) issues |= kTruncatedBody;
      if (raw_[i].body_bytes == 0) {
        issues |= kEmptyBody;
        if (!articles_[i].title || articles_[i].title->empty()) issues |= kEmptyArticle;
      }
      df.Add(raw_[i]);
    }
    for (size_t i = 0; i < n_; ++i) rep_.issues.Count(rep_.article_issues[i]);
    // After every article is counted, so that no article's names depend on
    // the order of the input.
    const fingerprint::DocumentFrequency& weights = given_df_ ? *given_df_ : df;
    for (size_t i = 0; i < n_; ++i) {
      if (active_[i]) fingerprint::ResolveHeadlineNames(weights, /*df_counts_article=*/true, &raw_[i]);
    }
    vec_.resize(n_);
    base::ParallelForRanges(n_, static_cast<unsigned>(threads), per_thread, kMinItemsPerThread,
                            [&](size_t begin, size_t end) {
      for (size_t i = begin; i < end; ++i) {
        if (active_[i]) vec_[i] = fingerprint::Weigh(raw_[i], weights, options_.fingerprint);
      }
    });
  }

  // Time order (undated last, then input order): the earliest of a copy
  // group is its original.
  void SortByTime() {
    order_.reserve(n_);
    for (size_t i = 0; i < n_; ++i) {
      if (active_[i]) order_.push_back(i);
    }
    auto time_key = [&](size_t i) { return minutes_[i] == kUnknownTime ? INT64_MAX : minutes_[i]; };
    std::stable_sort(order_.begin(), order_.end(),
                     [&](size_t a, size_t b) { return time_key(a) < time_key(b); });
  }

  // Near-copies by MinHash bands: each article copies the earliest original
  // it resembles most, at duplicate_jaccard or above.
  void FindCopies() {
    copy_of_.resize(n_);
    std::unordered_map<uint64_t, size_t> bands;
    bands.reserve(order_.size() * kCopyBands);
    for (size_t i : order_) {
      const fingerprint::MinHash& m = raw_[i].minhash;
      if (m.empty) continue;
      double best = options_.duplicate_jaccard;
      for (size_t b = 0; b < kCopyBands; ++b) {
        auto it = bands.find(CopyBandKey(m, b));
        if (it == bands.end()) continue;
        double j = fingerprint::EstimateJaccard(m, raw_[it->second].minhash);
        if (j >= best) {
          best = j;
          copy_of_[i] = copy_of_[it->second].value_or(it->second);
        }
      }
      for (size_t b = 0; b < kCopyBands; ++b) bands.emplace(CopyBandKey(m, b), i);  // first one stays
    }
  }

  // One starting group per copy group.
  void StartGroups() {
    group_of_.assign(n_, UINT32_MAX);
    for (size_t i : order_) {
      if (copy_of_[i] && group_of_[*copy_of_[i]] != UINT32_MAX) {
        group_of_[i] = group_of_[*copy_of_[i]];
        ++size_[group_of_[i]];
      } else {
        group_of_[i] = static_cast<uint32_t>(size_.size());
        size_.push_back(1);
      }
    }
    exact_ = order_.size() <= options_.exact_pairs_limit;
  }

  // Every name each article mentions, sorted, for the protagonist check
  // (the weighed vectors keep only the top names).
  void IndexNames() {
    names_.resize(n_);
    if (options_.pair_model != nullptr) {
      pair_.resize(n_);
      for (size_t i : order_) pair_[i] = PairArticle::Of(vec_[i], raw_[i], minutes_[i]);
    }
    if (options_.protagonist_conflict_factor == 1.0f && options_.split_min_articles == 0) return;
    for (size_t i : order_) {
      if (raw_[i].protagonist == 0) continue;
      names_[i] = raw_[i].entities;
      std::sort(names_[i].begin(), names_[i].end(), [](const auto& a, const auto& b) { return a.term < b.term; });
    }
  }

  float CountOf(size_t i, uint32_t entity) const {
    auto it = std::lower_bound(names_[i].begin(), names_[i].end(), entity,
                               [](const fingerprint::TermCount& c, uint32_t e) { return c.term < e; });
    return it != names_[i].end() && it->term == entity ? it->count : 0.0f;
  }

  // True when article i names `other` more than a passing mention.
  bool Mentions(size_t i, uint32_t own, uint32_t other) const {
    const float c = CountOf(i, other);
    return c > 0 && c > options_.protagonist_mention_ratio * CountOf(i, own);
  }

  // One article laid out for many dot products: the pairs scored next have
  // it on one side, and a probe dot product is bit-identical to Dot()
  // (probe_vector.h) at about half the cost. One per scoring thread.
  struct Probes {
    size_t article = SIZE_MAX;  // SIZE_MAX: none loaded
    ProbeVector terms{12};
    ProbeVector entities{10};
  };

  void Probe(size_t i, Probes* probes) const {
    probes->article = i;
    probes->terms.Load(vec_[i].terms);
    probes->entities.Load(vec_[i].entities);
  }

  float PairSimilarity(size_t i, size_t j, const Probes* probes = nullptr) const {
    float terms;
    float entities;
    if (probes != nullptr && (i == probes->article || j == probes->article)) {
      const ArticleVectors& other = vec_[i == probes->article ? j : i];
      terms = probes->terms.Dot(other.terms);
      entities = probes->entities.Dot(other.entities);
    } else {
      terms = Dot(vec_[i].terms, vec_[j].terms);
      entities = Dot(vec_[i].entities, vec_[j].entities);
    }
    if (options_.pair_model != nullptr) {
      return options_.pair_model->Score(ComputePairFeatures(pair_[i], pair_[j], terms, entities, options_));
    }
    float s = MixedSimilarity(terms, entities, options_);
    const uint32_t pi = raw_[i].protagonist;
    const uint32_t pj = raw_[j].protagonist;
    if (pi != 0 && pj != 0 && pi != pj && !Mentions(i, pi, pj) && !Mentions(j, pj, pi)) {
      s *= options_.protagonist_conflict_factor;
    }
    return s * TimeFactor(minutes_[i], minutes_[j], minutes_[j], options_);
  }

  // Scores articles i and j (one of them in `probes`) into `out` unless
  // they start in one group; counts it in `scored`.
  void AddPair(size_t i, size_t j, const Probes& probes, std::vector<ScoredPair>* out,
               size_t* scored) const {
    uint32_t gi = group_of_[i];
    uint32_t gj = group_of_[j];
    if (gi == gj) return;
    float s = PairSimilarity(i, j, &probes);
    ++*scored;
    if (exact_ && s < kMinStoredSimilarity) return;
    out->push_back({std::min(gi, gj), std::max(gi, gj), s});
  }

  // Every pair on a small input; else candidate pairs: earlier articles
  // indexed under one of an article's top words or names (the most recent
  // posting_cap per key).
  void ScorePairs() {
    if (exact_) {
      Probes probes;
      for (size_t x = 0; x < order_.size(); ++x) {
        Probe(order_[x], &probes);
        for (size_t y = x + 1; y < order_.size(); ++y) {
          AddPair(order_[x], order_[y], probes, &pairs_, &rep_.scored_pairs);
        }
      }
      return;
    }
    std::unordered_map<uint32_t, std::vector<uint32_t>> postings;
    std::vector<uint32_t> keys;
    std::vector<uint32_t> seen;
    // The candidates are found in time order (the postings are a sliding
    // window), a block of articles at a time; then the block's pairs are
    // scored on every thread, each range of articles into its own list, and
    // the lists appended in order: pairs_ is what one thread would make.
    constexpr size_t kBlock = 8192;
    constexpr size_t kGrain = 256;
    std::vector<uint32_t> candidates;
    std::vector<size_t> candidates_end;  // per article of the block
    std::vector<std::vector<ScoredPair>> scored_pairs;
    std::vector<size_t> scored;
    for (size_t block = 0; block < order_.size(); block += kBlock) {
      const size_t n = std::min(kBlock, order_.size() - block);
      candidates.clear();
      candidates_end.clear();
      for (size_t x = block; x < block + n; ++x) {
        const size_t i = order_[x];
        TopKeys(vec_[i], options_.query_terms, options_.query_entities, &keys);
        seen.clear();
        for (uint32_t key : keys) {
          std::vector<uint32_t>& list = postings[key];
          size_t k = std::min(list.size(), options_.posting_cap);
          for (size_t r = 0; r < k; ++r) seen.push_back(list[list.size() - 1 - r]);
          list.push_back(static_cast<uint32_t>(i));
          if (list.size() >= 2 * options_.posting_cap) {
            list.erase(list.begin(), list.begin() + options_.posting_cap);
          }
        }
        std::sort(seen.begin(), seen.end());
        seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
        candidates.insert(candidates.end(), seen.begin(), seen.end());
        candidates_end.push_back(candidates.size());
      }
      const size_t ranges = (n + kGrain - 1) / kGrain;
      scored_pairs.assign(ranges, {});
      scored.assign(ranges, 0);
      base::ParallelForRanges(n, static_cast<unsigned>(Threads()), kGrain, kGrain, [&](size_t begin, size_t end) {
        Probes probes;
        const size_t range = begin / kGrain;
        for (size_t x = begin; x < end; ++x) {
          const size_t i = order_[block + x];
          Probe(i, &probes);
          for (size_t k = x == 0 ? 0 : candidates_end[x - 1]; k < candidates_end[x]; ++k) {
            AddPair(candidates[k], i, probes, &scored_pairs[range], &scored[range]);
          }
        }
      });
      for (size_t range = 0; range < ranges; ++range) {
        pairs_.insert(pairs_.end(), scored_pairs[range].begin(), scored_pairs[range].end());
        rep_.scored_pairs += scored[range];
      }
    }
  }

  // The average of groups a and b over their link (see ScoredPair).
  double Average(uint32_t a, uint32_t b, const GroupLinks::Link& link) const {
    return exact_ ? link.sum / (static_cast<double>(size_[a]) * size_[b])
                  : link.sum / static_cast<double>(link.count);
  }

  // Calls f(link) with lo < link.group for each pair of groups (lo, hi) that
  // has scored pairs, summed in the order they were scored, so each sum is
  // the same double whatever way the pairs are stored. `by_lo` holds the
  // pairs grouped by lo, in scoring order within a group, lo's from
  // start[lo] to start[lo + 1]; `slot_of` is scratch of one entry per group,
  // all UINT32_MAX (and left so).
  template <typename F>
  void ForEachLink(const std::vector<ScoredPair>& by_lo, const std::vector<size_t>& start,
                   std::vector<uint32_t>& slot_of, F&& f) const {
    std::vector<GroupLinks::Link> links;
    for (uint32_t lo = 0; lo + 1 < start.size(); ++lo) {
      links.clear();
      for (size_t k = start[lo]; k < start[lo + 1]; ++k) {
        uint32_t& slot = slot_of[by_lo[k].hi];
        if (slot == UINT32_MAX) {
          slot = static_cast<uint32_t>(links.size());
          links.push_back({by_lo[k].hi, 0, 0.0});
        }
        links[slot].sum += by_lo[k].similarity;
        ++links[slot].count;
      }
      for (const GroupLinks::Link& link : links) {
        slot_of[link.group] = UINT32_MAX;
        f(lo, link);
      }
    }
  }

  // The scored pairs summed into links between groups, kept only between
  // groups that could ever merge. Average link joins two groups only at an
  // average of at least merge_threshold, and the average of two unions of
  // starting groups is at most the highest average of their starting pairs,
  // so every story lies within one connected component of the starting
  // pairs that reach the threshold; links across components change no
  // decision (about half of all links on a synthetic day).
  void LinkGroups() {
    const size_t groups = size_.size();
    // A stable counting sort by lo keeps each pair of groups' scores in scoring order.
    std::vector<size_t> start(groups + 1, 0);
    for (const ScoredPair& p : pairs_) ++start[p.lo + 1];
    for (size_t g = 0; g < groups; ++g) start[g + 1] += start[g];
    std::vector<ScoredPair> by_lo(pairs_.size());
    std::vector<size_t> next(start.begin(), start.end() - 1);
    for (const ScoredPair& p : pairs_) by_lo[next[p.lo]++] = p;
    std::vector<ScoredPair>().swap(pairs_);
    std::vector<size_t>().swap(next);

    std::vector<uint32_t> up(groups);  // union-find over the links at or above threshold
    for (uint32_t g = 0; g < groups; ++g) up[g] = g;
    auto root = [&](uint32_t g) {
      while (up[g] != g) g = up[g] = up[up[g]];
      return g;
    };
    std::vector<uint32_t> slot_of(groups, UINT32_MAX);
    ForEachLink(by_lo, start, slot_of, [&](uint32_t lo, const GroupLinks::Link& link) {
      if (Average(lo, link.group, link) >= options_.merge_threshold) up[root(lo)] = root(link.group);
    });
    std::vector<uint32_t> degree(groups, 0);
    ForEachLink(by_lo, start, slot_of, [&](uint32_t lo, const GroupLinks::Link& link) {
      if (root(lo) != root(link.group)) return;
      ++degree[lo];
      ++degree[link.group];
    });
    links_.assign(groups, GroupLinks());
    for (uint32_t g = 0; g < groups; ++g) links_[g].Reserve(degree[g]);
    ForEachLink(by_lo, start, slot_of, [&](uint32_t lo, const GroupLinks::Link& link) {
      if (root(lo) != root(link.group)) return;
      links_[lo].Upsert(link.group) = link;
      links_[link.group].Upsert(lo) = {lo, link.count, link.sum};
    });
  }

  // The cohesion test (ClusterOptions::cohesion_ratio): true when groups a
  // and b may merge at `average`. A group's cohesion is the average link
  // inside it, over the pairs of its starting groups; groups too small, or
  // with no such pair yet (one copy group), are not tested.
  bool CohesiveEnough(uint32_t a, uint32_t b, double average) const {
    if (options_.cohesion_ratio <= 0) return true;
    const size_t k = std::max<size_t>(options_.cohesion_min_articles, 2);
    if (size_[a] < k || size_[b] < k || inner_pairs_[a] == 0 || inner_pairs_[b] == 0) return true;
    const double ca = inner_sum_[a] / inner_pairs_[a];
    const double cb = inner_sum_[b] / inner_pairs_[b];
    const double cohesion = options_.cohesion_weighted_mean
                                ? (ca * size_[a] + cb * size_[b]) / (static_cast<double>(size_[a]) + size_[b])
                                : std::min(ca, cb);
    return average >= options_.cohesion_ratio * cohesion;
  }

  // Average-link agglomeration over the links: repeatedly merges the two
  // groups of highest average while it is at least merge_threshold (and
  // the cohesion test passes). Sets each article's story.
  void MergeByAverageLink() {
    LinkGroups();
    const size_t groups = size_.size();
    std::vector<bool> dead(groups, false);
    std::priority_queue<HeapEntry> heap;
    auto push = [&](uint32_t a, uint32_t b, const GroupLinks::Link& link) {
      double avg = Average(a, b, link);
      if (avg >= options_.merge_threshold) heap.push({avg, std::min(a, b), std::max(a, b)});
    };
    for (uint32_t a = 0; a < groups; ++a) {
      links_[a].ForEach([&](const GroupLinks::Link& link) {
        if (a < link.group) push(a, link.group, link);
      });
    }
    std::vector<uint32_t> merged_into(groups);
    for (uint32_t g = 0; g < groups; ++g) merged_into[g] = g;
    inner_sum_.assign(groups, 0.0);
    inner_pairs_.assign(groups, 0.0);
    // Per group, the groups a cohesion test kept it from: on the candidate
    // path only changed links are pushed again, and a merge that changes a
    // group's cohesion changes no average.
    std::vector<std::vector<uint32_t>> refused(exact_ ? 0 : groups);
    std::vector<uint32_t> changed;
    while (!heap.empty()) {
      HeapEntry e = heap.top();
      heap.pop();
      if (dead[e.a] || dead[e.b]) continue;
      // Stale when either group changed since the push: its average moved.
      const GroupLinks::Link* now = links_[e.a].Find(e.b);
      if (now == nullptr || Average(e.a, e.b, *now) != e.average) continue;
      if (!CohesiveEnough(e.a, e.b, e.average)) {
        if (!exact_) {
          refused[e.a].push_back(e.b);
          refused[e.b].push_back(e.a);
        }
        continue;
      }
      uint32_t keep = e.a;
      uint32_t gone = e.b;
      if (links_[keep].size() < links_[gone].size()) std::swap(keep, gone);
      inner_sum_[keep] += inner_sum_[gone] + now->sum;
      inner_pairs_[keep] += inner_pairs_[gone] +
                            (exact_ ? static_cast<double>(size_[keep]) * size_[gone] : now->count);
      links_[keep].Erase(gone);
      links_[gone].Erase(keep);
      changed.clear();
      links_[gone].ForEach([&](const GroupLinks::Link& p) {
        const uint32_t k = p.group;
        GroupLinks::Link& a = links_[keep].Upsert(k);
        a.sum += p.sum;
        a.count += p.count;
        links_[k].Erase(gone);
        GroupLinks::Link& b = links_[k].Upsert(keep);
        b.sum += p.sum;
        b.count += p.count;
        changed.push_back(k);
      });
      links_[gone].Clear();
      dead[gone] = true;
      merged_into[gone] = keep;
      size_[keep] += size_[gone];
      if (exact_) {
        // Every average of `keep` divides by its new size.
        links_[keep].ForEach([&](const GroupLinks::Link& link) { push(keep, link.group, link); });
      } else {
        // Only the links `gone` added to moved; the others' entries stand,
        // except those a cohesion test refused: keep's cohesion moved.
        for (uint32_t k : changed) push(keep, k, *links_[keep].Find(k));
        for (uint32_t side : {keep, gone}) {
          for (uint32_t k : refused[side]) {
            const GroupLinks::Link* link = dead[k] ? nullptr : links_[keep].Find(k);
            if (link != nullptr) push(keep, k, *link);
          }
          std::vector<uint32_t>().swap(refused[side]);
        }
      }
    }
    auto find = [&](uint32_t g) {
      while (merged_into[g] != g) g = merged_into[g] = merged_into[merged_into[g]];
      return g;
    };
    story_of_.assign(n_, UINT32_MAX);
    for (size_t i : order_) story_of_[i] = find(group_of_[i]);
  }

  // The groups, in time order of their first article, with their outlets,
  // time span and headline.
  std::vector<StoryGroup> Assemble() const {
    std::unordered_map<uint32_t, size_t> slot;
    std::vector<StoryGroup> out;
    for (size_t i : order_) {
      uint32_t g = story_of_[i];
      auto [it, inserted] = slot.emplace(g, out.size());
      if (inserted) {
        out.emplace_back();
        out.back().id = "s" + std::to_string(out.size());
      }
      StoryGroup& s = out[it->second];
      s.members.push_back(i);
      s.duplicate_of.push_back(copy_of_[i]);
      if (articles_[i].outlet &&
          std::find(s.outlets.begin(), s.outlets.end(), *articles_[i].outlet) == s.outlets.end()) {
        s.outlets.push_back(*articles_[i].outlet);
      }
    }
    for (StoryGroup& s : out) {
      SetTimeSpan(&s);
      SetHeadline(&s);
    }
    return out;
  }

  void SetTimeSpan(StoryGroup* s) const {
    const TimeSpan span = SpanOf(s->members, minutes_);
    s->first_published = FormatMinutes(span.first);
    s->last_published = FormatMinutes(span.last);
  }

  // Headline: the titled member whose words are closest to the others'; of
  // equals, the earliest. A member's own vector is left out of its sum: its
  // dot product with itself is 1 give or take rounding, and that rounding,
  // not the words, used to choose between the two members of a pair (2,864
  // two-article stories of a 200k day got the other headline under Dask,
  // whose blocks weigh words a little differently).
  void SetHeadline(StoryGroup* s) const {
    float best = -1;
    for (size_t i : s->members) {
      if (!articles_[i].title || articles_[i].title->empty()) continue;
      float score = 0;
      if (s->members.size() <= 64) {
        for (size_t j : s->members) {
          if (j != i) score += Dot(vec_[i].terms, vec_[j].terms);
        }
      }
      if (score > best) {
        best = score;
        s->headline = *articles_[i].title;
      }
    }
  }

  std::span<const Article> articles_;
  std::span<const RawFingerprint> given_;  // empty: fingerprinted here
  const fingerprint::DocumentFrequency* given_df_;  // null: the input's own
  const ClusterOptions& options_;
  ClusterReport& rep_;
  const size_t n_;
  std::vector<bool> active_;               // false: a repeated id
  std::vector<int64_t> minutes_;           // kUnknownTime when undated
  std::vector<RawFingerprint> raw_;
  std::vector<ArticleVectors> vec_;
  std::vector<size_t> order_;              // the active articles in time order
  std::vector<std::optional<size_t>> copy_of_;
  std::vector<uint32_t> group_of_;         // starting group (one per copy group)
  std::vector<uint32_t> size_;             // per group: articles
  std::vector<ScoredPair> pairs_;          // in scoring order, until LinkGroups()
  std::vector<GroupLinks> links_;          // per group (LinkGroups())
  std::vector<double> inner_sum_;          // per group: similarity summed over its inner pairs
  std::vector<double> inner_pairs_;        // per group: pairs across its starting groups
  bool exact_ = true;                      // every pair scored
  std::vector<std::vector<fingerprint::TermCount>> names_;
  std::vector<PairArticle> pair_;          // per article, with a pair model only
  std::vector<uint32_t> story_of_;
};

}  // namespace

std::vector<StoryGroup> ClusterArticles(std::span<const Article> articles,
                                        const ClusterOptions& options, ClusterReport* report) {
  ClusterReport local_report;
  return Clustering(articles, {}, nullptr, options, report ? report : &local_report).Run();
}

std::vector<StoryGroup> ClusterFingerprints(std::span<const Article> articles,
                                            std::span<const RawFingerprint> raw,
                                            const ClusterOptions& options, ClusterReport* report,
                                            const fingerprint::DocumentFrequency* df) {
  ClusterReport local_report;
  if (articles.empty()) return {};
  return Clustering(articles, raw, df, options, report ? report : &local_report).Run();
}

}  // namespace newsfuse::cluster
