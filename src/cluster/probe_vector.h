// File: cluster/probe_vector.h
//
// One sparse vector scored against many: the arriving article against story
// centroids (story_clusterer.cc), one article against every other in the
// batch clusterer's pair scoring (cluster_articles.cc).
#ifndef NEWSFUSE_CLUSTER_PROBE_VECTOR_H_
#define NEWSFUSE_CLUSTER_PROBE_VECTOR_H_

#include <bit>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "fingerprint/fingerprinter.h"

namespace newsfuse::cluster {

// The arriving article's vector laid out for many dot products against
// story centroids. Each term sits in one of two slots chosen by its id
// (2-choice hashing), so a centroid term is checked with two loads and no
// branch; the merge of two sorted lists that it replaces mispredicts about
// every other step. At most one slot matches, and a miss adds exactly 0, so
// the sum takes the same values in the same (centroid term) order as the
// merge: the dot products are bit-identical. A vector whose terms do not
// all fit (rare) is scored by the merge.
class ProbeVector {
 public:
  explicit ProbeVector(size_t bits) : keys_(size_t{1} << bits, 0), weights_(keys_.size(), 0) {}

  void Load(std::span<const fingerprint::TermWeight> v) {
    Clear();
    vector_ = v;
    for (const fingerprint::TermWeight& t : v) {
      size_t a = SlotA(t.term);
      size_t b = SlotB(t.term);
      size_t slot = keys_[a] == 0 ? a : keys_[b] == 0 ? b : kNone;
      if (slot == kNone) {
        fits_ = false;
        continue;
      }
      keys_[slot] = t.term;
      weights_[slot] = t.weight;
      used_.push_back(static_cast<uint32_t>(slot));
    }
  }

  // Dot(loaded vector, sum).
  float Dot(std::span<const fingerprint::TermWeight> sum) const {
    if (!fits_) return fingerprint::Dot(vector_, sum);
    float total = 0;
    for (const fingerprint::TermWeight& t : sum) {
      const size_t a = SlotA(t.term);
      const size_t b = SlotB(t.term);
      // Masks, not selects: the compiler turned `?:` into branches, which
      // mispredict on every shared term.
      const uint32_t ma = 0u - static_cast<uint32_t>(keys_[a] == t.term);
      // A term whose two slots coincide sits in one slot: count it once.
      const uint32_t mb = 0u - static_cast<uint32_t>((keys_[b] == t.term) & (a != b));
      const float wa = std::bit_cast<float>(std::bit_cast<uint32_t>(weights_[a]) & ma);
      const float wb = std::bit_cast<float>(std::bit_cast<uint32_t>(weights_[b]) & mb);
      total += (wa + wb) * t.weight;
    }
    return total;
  }

 private:
  static constexpr size_t kNone = SIZE_MAX;
  friend class ProbeVectorTestPeer;
  size_t SlotA(uint32_t term) const { return term & (keys_.size() - 1); }
  size_t SlotB(uint32_t term) const { return ((term * 0x9E3779B1u) >> 16) & (keys_.size() - 1); }
  void Clear() {
    for (uint32_t slot : used_) keys_[slot] = 0;
    used_.clear();
    fits_ = true;
  }

  std::vector<uint32_t> keys_;  // term id (never 0), 0 = empty
  std::vector<float> weights_;
  std::vector<uint32_t> used_;
  std::span<const fingerprint::TermWeight> vector_;
  bool fits_ = true;
};

}  // namespace newsfuse::cluster

#endif  // NEWSFUSE_CLUSTER_PROBE_VECTOR_H_
