#include "cluster/protagonist_merge.h"

#include <algorithm>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "cluster/similarity.h"

namespace newsfuse::cluster {
namespace {

// Articles of each side an average link is taken over: enough to judge two
// stories, bounded on huge ones.
constexpr size_t kSideSample = 16;
// Each story is compared with this many later-starting stories of its
// protagonist: a name that leads thousands of stories in a big corpus
// costs stories * kNeighbours averages per round, not stories squared.
constexpr size_t kNeighbours = 8;
// Rounds of joining (each joins disjoint pairs, best first); a chain of
// angles of one event takes a few.
constexpr int kMaxRounds = 8;

struct Story {
  uint32_t id;
  std::vector<size_t> members;  // time order
  std::vector<uint32_t> lead_names;  // sorted
  int64_t first = kUnknownTime;
  int64_t last = kUnknownTime;
  bool alive = true;
};

// The story's lead names: those of the names that are some article's
// protagonist (`heads`) that at least half of its members mention. Who an
// article is about varies with how each outlet writes ("Lindsay" in one,
// "Lohan" in most, a clinic in a third); who the story is about is what
// most of its members name.
std::vector<uint32_t> LeadNames(const std::vector<size_t>& members,
                                const std::vector<fingerprint::RawFingerprint>& raw,
                                const std::unordered_set<uint32_t>& heads) {
  std::unordered_map<uint32_t, size_t> votes;
  for (size_t i : members) {
    for (const fingerprint::TermCount& e : raw[i].entities) {
      if (heads.count(e.term)) ++votes[e.term];
    }
  }
  std::vector<uint32_t> out;
  for (const auto& [name, n] : votes) {
    if (2 * n >= members.size()) out.push_back(name);
  }
  std::sort(out.begin(), out.end());
  return out;
}

void SetSummary(Story* s, const std::vector<fingerprint::RawFingerprint>& raw,
                const std::vector<int64_t>& minutes, const std::unordered_set<uint32_t>& heads) {
  s->lead_names = LeadNames(s->members, raw, heads);
  const TimeSpan span = SpanOf(s->members, minutes);
  s->first = span.first;
  s->last = span.last;
}

// True unless both stories are dated and the gap between their spans is
// within the limit: the lower bar needs dates that say the two are close.
bool TooFarApart(const Story& a, const Story& b, const ClusterOptions& options) {
  if (a.first == kUnknownTime || b.first == kUnknownTime) return true;
  const int64_t gap = std::max(a.first, b.first) - std::min(a.last, b.last);
  return static_cast<double>(gap) > options.protagonist_merge_max_gap_hours * 60.0;
}

// Up to kSideSample members, spread evenly over the story.
std::vector<size_t> Sample(const std::vector<size_t>& members) {
  if (members.size() <= kSideSample) return members;
  std::vector<size_t> out;
  out.reserve(kSideSample);
  for (size_t k = 0; k < kSideSample; ++k) out.push_back(members[k * members.size() / kSideSample]);
  return out;
}

double AverageLink(const Story& a, const Story& b, const std::function<float(size_t, size_t)>& similarity) {
  const std::vector<size_t> sa = Sample(a.members);
  const std::vector<size_t> sb = Sample(b.members);
  double sum = 0;
  for (size_t i : sa) {
    for (size_t j : sb) sum += similarity(std::min(i, j), std::max(i, j));
  }
  return sum / static_cast<double>(sa.size() * sb.size());
}

}  // namespace

void MergeSameProtagonist(const std::vector<size_t>& order,
                          const std::vector<fingerprint::RawFingerprint>& raw,
                          const std::vector<int64_t>& minutes, const ClusterOptions& options,
                          const std::function<float(size_t, size_t)>& similarity,
                          std::vector<uint32_t>* story_of) {
  if (options.protagonist_merge_threshold <= 0) return;
  std::vector<Story> stories;
  std::unordered_map<uint32_t, size_t> slot;  // story id -> index in stories
  std::vector<size_t> position(raw.size(), 0);  // article -> place in `order`
  for (size_t k = 0; k < order.size(); ++k) {
    const size_t i = order[k];
    position[i] = k;
    auto [it, inserted] = slot.emplace((*story_of)[i], stories.size());
    if (inserted) stories.emplace_back().id = (*story_of)[i];
    stories[it->second].members.push_back(i);
  }
  std::unordered_set<uint32_t> heads;
  for (size_t i : order) {
    if (raw[i].protagonist != 0) heads.insert(raw[i].protagonist);
  }
  for (Story& s : stories) SetSummary(&s, raw, minutes, heads);

  // Stories are in order of their first article, so within a bucket too.
  std::unordered_map<uint32_t, std::vector<size_t>> by_name;
  std::vector<std::pair<size_t, size_t>> pairs;  // earlier, later
  std::vector<std::tuple<double, size_t, size_t>> candidates;  // average, earlier, later
  std::vector<bool> joined;
  // Averages of pairs of stories, kept across rounds while neither story
  // changes (a round joins a few stories; most pairs stay as they were).
  struct Known {
    uint32_t version_x;
    uint32_t version_y;
    double average;
  };
  std::unordered_map<uint64_t, Known> known;
  std::vector<uint32_t> version(stories.size(), 0);
  auto average_of = [&](size_t x, size_t y) {
    Known& k = known[(static_cast<uint64_t>(x) << 32) | y];
    if (k.version_x != version[x] + 1 || k.version_y != version[y] + 1) {
      k = Known{version[x] + 1, version[y] + 1, AverageLink(stories[x], stories[y], similarity)};
    }
    return k.average;
  };
  for (int round = 0; round < kMaxRounds; ++round) {
    by_name.clear();
    for (size_t s = 0; s < stories.size(); ++s) {
      if (!stories[s].alive) continue;
      for (uint32_t name : stories[s].lead_names) by_name[name].push_back(s);
    }
    pairs.clear();
    for (const auto& [name, bucket] : by_name) {
      for (size_t x = 0; x < bucket.size(); ++x) {
        for (size_t y = x + 1; y < bucket.size() && y <= x + kNeighbours; ++y) pairs.emplace_back(bucket[x], bucket[y]);
      }
    }
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    candidates.clear();
    for (const auto& [x, y] : pairs) {
      if (TooFarApart(stories[x], stories[y], options)) continue;
      const double average = average_of(x, y);
      if (average >= options.protagonist_merge_threshold) candidates.emplace_back(average, x, y);
    }
    if (candidates.empty()) break;
    // Best first; equal averages by story order, so the result does not
    // depend on hash-map iteration.
    std::sort(candidates.begin(), candidates.end(), [](const auto& p, const auto& q) {
      if (std::get<0>(p) != std::get<0>(q)) return std::get<0>(p) > std::get<0>(q);
      return std::tie(std::get<1>(p), std::get<2>(p)) < std::tie(std::get<1>(q), std::get<2>(q));
    });
    joined.assign(stories.size(), false);
    for (const auto& [average, a, b] : candidates) {
      if (joined[a] || joined[b]) continue;
      joined[a] = joined[b] = true;
      Story& keep = stories[a];
      Story& gone = stories[b];
      std::vector<size_t> members;
      members.reserve(keep.members.size() + gone.members.size());
      std::merge(keep.members.begin(), keep.members.end(), gone.members.begin(), gone.members.end(),
                 std::back_inserter(members), [&](size_t i, size_t j) { return position[i] < position[j]; });
      keep.members = std::move(members);
      gone.members.clear();
      gone.alive = false;
      SetSummary(&keep, raw, minutes, heads);
      ++version[a];
    }
  }
  for (const Story& s : stories) {
    for (size_t i : s.members) (*story_of)[i] = s.id;
  }
}

}  // namespace newsfuse::cluster
