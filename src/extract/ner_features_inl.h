// File: extract/ner_features_inl.h
//
// The feature templates (inline: the trainer and the tagger's hot loop call
// them once per token with their own sinks). Include ner_features.h instead.
#ifndef NEWSFUSE_EXTRACT_NER_FEATURES_INL_H_
#define NEWSFUSE_EXTRACT_NER_FEATURES_INL_H_

namespace newsfuse::extract::ner {
namespace internal {

// Template ids. Never renumber: they are part of the model's feature hashes
// (add new ones at the end, and bump kNerModelVersion when changing any).
enum Template : uint64_t {
  kBias = 1,
  kWord,
  kLower,
  kShape,
  kShortShape,
  kPrefix1,
  kPrefix2,
  kPrefix3,
  kPrefix4,
  kSuffix1,
  kSuffix2,
  kSuffix3,
  kSuffix4,
  kLowerM1,
  kLowerP1,
  kLowerM2,
  kLowerP2,
  kShortShapeM1,
  kShortShapeP1,
  kShortShapeM2,
  kShortShapeP2,
  kShortShapeM1_0,
  kShortShape0_P1,
  kShortShapeM1_0_P1,
  kLowerM1_0,
  kLower0_P1,
  kCapPosition,
  kCluster0,
  kCluster1,
  kCluster2,
  kClusterM1L1,
  kClusterM1L2,
  kClusterP1L1,
  kClusterP1L2,
  kClusterM2L0,
  kClusterP2L0,
  kCapStats,
  kFrequency,
  kGazetteer,
  kGazetteerShape,
  kGazetteerM1,
  kGazetteerP1,
  kDocCap,
  kLowerM1_Shape0,
  kShape0_LowerP1,
  kLowerAllCaps,
  kLengthCap,
  kClusterM1_0,
  kCluster0_P1,
  // Stage 2.
  kAggNone = 100,
  kAggMajority,
  kAggMajorityCap,
  kAggHas,
  kAggMajorityInitial,
  kAggPrevMajority,
  kAggNextMajority,
  kAggMajorityOwn,
};

inline uint64_t F(uint64_t tid, uint64_t value) { return Mix64(value ^ (tid * 0x9E3779B97F4A7C15ULL)); }
inline uint64_t F2(uint64_t tid, uint64_t a, uint64_t b) { return F(tid, Mix64(a + 0x51ED27) + b); }
inline uint64_t F3(uint64_t tid, uint64_t a, uint64_t b, uint64_t c) {
  return F(tid, Mix64(Mix64(a + 0x51ED27) + b) + c);
}

inline constexpr uint64_t kBos = 0xB05B05B05ULL;
inline constexpr uint64_t kEos = 0xE05E05E05ULL;

}  // namespace internal

template <typename Sink>
void Stage1Features(const DocFeatures& doc, uint32_t sb, uint32_t se, uint32_t i, Sink&& sink) {
  using namespace internal;
  const TokenInfo& t = doc.tokens[i];
  auto at = [&](int off) -> const TokenInfo* {
    const int64_t j = static_cast<int64_t>(i) + off;
    return (j >= sb && j < se) ? &doc.tokens[j] : nullptr;
  };
  auto sentinel = [](int off) { return off < 0 ? kBos : kEos; };
  auto lower = [&](int off) {
    const TokenInfo* x = at(off);
    return x ? x->lower : sentinel(off);
  };
  auto sshape = [&](int off) {
    const TokenInfo* x = at(off);
    return x ? x->short_shape : sentinel(off);
  };
  auto cluster = [&](int off, int level) -> uint64_t {
    const TokenInfo* x = at(off);
    return x ? ClusterLevel(x->cluster, level) : sentinel(off);
  };

  sink(F(kBias, 0));
  sink(F(kWord, t.word));
  sink(F(kLower, t.lower));
  sink(F(kShape, t.shape));
  sink(F(kShortShape, t.short_shape));
  for (int k = 0; k < 4; ++k) {
    if (t.prefix[k]) sink(F(kPrefix1 + k, t.prefix[k]));
    if (t.suffix[k]) sink(F(kSuffix1 + k, t.suffix[k]));
  }
  const uint64_t lm1 = lower(-1), lp1 = lower(1);
  const uint64_t sm1 = sshape(-1), sp1 = sshape(1);
  sink(F(kLowerM1, lm1));
  sink(F(kLowerP1, lp1));
  sink(F(kLowerM2, lower(-2)));
  sink(F(kLowerP2, lower(2)));
  sink(F(kShortShapeM1, sm1));
  sink(F(kShortShapeP1, sp1));
  sink(F(kShortShapeM2, sshape(-2)));
  sink(F(kShortShapeP2, sshape(2)));
  sink(F2(kShortShapeM1_0, sm1, t.short_shape));
  sink(F2(kShortShape0_P1, t.short_shape, sp1));
  sink(F3(kShortShapeM1_0_P1, sm1, t.short_shape, sp1));
  sink(F2(kLowerM1_0, lm1, t.lower));
  sink(F2(kLower0_P1, t.lower, lp1));
  const uint64_t position = t.cap_class * 4 + (t.sentence_initial ? 1 : 0) + (t.sentence_all_caps ? 2 : 0);
  sink(F(kCapPosition, position));
  if (t.cluster) {
    sink(F(kCluster0, ClusterLevel(t.cluster, 0)));
    sink(F(kCluster1, ClusterLevel(t.cluster, 1)));
    sink(F(kCluster2, ClusterLevel(t.cluster, 2)));
  }
  sink(F(kClusterM1L1, cluster(-1, 1)));
  sink(F(kClusterM1L2, cluster(-1, 2)));
  sink(F(kClusterP1L1, cluster(1, 1)));
  sink(F(kClusterP1L2, cluster(1, 2)));
  sink(F(kClusterM2L0, cluster(-2, 0)));
  sink(F(kClusterP2L0, cluster(2, 0)));
  sink(F2(kClusterM1_0, cluster(-1, 1), ClusterLevel(t.cluster, 1)));
  sink(F2(kCluster0_P1, ClusterLevel(t.cluster, 1), cluster(1, 1)));
  sink(F(kCapStats, t.cap_bucket * 64 + position));
  sink(F(kFrequency, t.freq_bucket * 16 + t.cap_class));
  for (int type = 0; type < kNumEntityTypes; ++type) {
    if (t.gaz[type]) {
      sink(F(kGazetteer, type * 8 + t.gaz[type]));
      sink(F2(kGazetteerShape, type * 8 + t.gaz[type], t.short_shape));
    }
    const TokenInfo* prev = at(-1);
    if (prev && prev->gaz[type]) sink(F(kGazetteerM1, type * 8 + prev->gaz[type]));
    const TokenInfo* next = at(1);
    if (next && next->gaz[type]) sink(F(kGazetteerP1, type * 8 + next->gaz[type]));
  }
  sink(F(kDocCap, t.doc_cap * 64 + position));
  sink(F2(kLowerM1_Shape0, lm1, t.short_shape));
  sink(F2(kShape0_LowerP1, t.short_shape, lp1));
  if (t.sentence_all_caps) sink(F(kLowerAllCaps, t.lower));
  sink(F(kLengthCap, t.length_class * 16 + t.cap_class));
}

template <typename Sink>
void Stage2Features(const DocFeatures& doc, uint32_t sb, uint32_t se, uint32_t i, Sink&& sink) {
  using namespace internal;
  const TokenInfo& t = doc.tokens[i];
  // The most frequent pass-1 class (0 = O, 1 + type) of the other
  // occurrences, -1 if none; *bucket: 2 unanimous, 1 majority, 0 plurality.
  auto majority = [](const TokenInfo& x, int* bucket) -> int {
    int total = 0, best = -1, best_count = 0;
    for (int k = 0; k <= kNumEntityTypes; ++k) {
      total += x.agg[k];
      if (x.agg[k] > best_count) {
        best_count = x.agg[k];
        best = k;
      }
    }
    if (total == 0) return -1;
    *bucket = best_count == total ? 2 : (2 * best_count > total ? 1 : 0);
    return best;
  };
  int bucket = 0;
  if (!t.has_upper) return;
  const int m = majority(t, &bucket);
  if (m < 0) {
    sink(F(kAggNone, t.cap_class));
    return;
  }
  sink(F(kAggMajority, m * 4 + bucket));
  sink(F2(kAggMajorityCap, m * 4 + bucket, t.cap_class * 2 + (t.sentence_initial ? 1 : 0)));
  sink(F(kAggMajorityInitial, m * 4 + (t.sentence_initial ? 1 : 0) + (t.sentence_all_caps ? 2 : 0)));
  for (int k = 1; k <= kNumEntityTypes; ++k) {
    if (t.agg[k]) sink(F(kAggHas, k * 4 + (t.agg[k] > 1 ? 1 : 0)));
  }
}

}  // namespace newsfuse::extract::ner

#endif  // NEWSFUSE_EXTRACT_NER_FEATURES_INL_H_
