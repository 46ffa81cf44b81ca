#include "cluster/probe_vector.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <vector>

namespace newsfuse::cluster {

class ProbeVectorTestPeer {
 public:
  static bool SlotsCoincide(const ProbeVector& p, uint32_t term) { return p.SlotA(term) == p.SlotB(term); }
};

namespace {

using fingerprint::TermWeight;

// The probe must give exactly the merge's dot product (fingerprint::Dot):
// the clusterers' decisions must not depend on which side is laid out.
TEST(ProbeVectorTest, TermWhoseTwoSlotsCoincideCountsOnce) {
  ProbeVector probe(12);
  uint32_t term = 0;
  for (uint32_t t = 1; t < 1000000 && term == 0; ++t) {
    if (ProbeVectorTestPeer::SlotsCoincide(probe, t)) term = t;
  }
  ASSERT_NE(term, 0u);
  const std::vector<TermWeight> v = {{term, 0.5f}};
  probe.Load(v);
  EXPECT_EQ(probe.Dot(v), fingerprint::Dot(v, v));
  EXPECT_FLOAT_EQ(probe.Dot(v), 0.25f);
}

TEST(ProbeVectorTest, EqualsMergeDotOnRandomVectors) {
  std::mt19937 rng(11);
  std::uniform_int_distribution<uint32_t> term(1, 5000);
  std::uniform_real_distribution<float> weight(0.01f, 1.0f);
  auto make = [&](size_t n) {
    std::vector<uint32_t> ids;
    for (size_t i = 0; i < n; ++i) ids.push_back(term(rng));
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    std::vector<TermWeight> v;
    for (uint32_t id : ids) v.push_back({id, weight(rng)});
    return v;
  };
  ProbeVector probe(10);
  for (int round = 0; round < 200; ++round) {
    const std::vector<TermWeight> a = make(300), b = make(300);
    probe.Load(a);
    EXPECT_EQ(probe.Dot(b), fingerprint::Dot(a, b)) << "round " << round;
  }
}

}  // namespace
}  // namespace newsfuse::cluster
