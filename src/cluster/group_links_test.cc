#include "cluster/group_links.h"

#include <gtest/gtest.h>

#include <map>
#include <random>

namespace newsfuse::cluster {
namespace {

// Random upserts and erases over a small key range (long probe runs, where
// backward-shift deletion goes wrong) checked against std::map, with every
// link visited by ForEach exactly once.
TEST(GroupLinksTest, AgreesWithMapUnderChurn) {
  GroupLinks links;
  std::map<uint32_t, uint32_t> reference;  // group -> count
  std::mt19937 rng(11);
  for (int step = 0; step < 100000; ++step) {
    const uint32_t group = rng() % 300;
    if (rng() % 3 != 0) {
      ++links.Upsert(group).count;
      ++reference[group];
    } else {
      links.Erase(group);
      reference.erase(group);
    }
    if (step % 997 == 0) {
      ASSERT_EQ(links.size(), reference.size());
      std::map<uint32_t, uint32_t> seen;
      links.ForEach([&](const GroupLinks::Link& l) { EXPECT_TRUE(seen.emplace(l.group, l.count).second); });
      EXPECT_EQ(seen, reference);
    }
  }
  for (const auto& [group, count] : reference) {
    const GroupLinks::Link* l = links.Find(group);
    ASSERT_NE(l, nullptr);
    EXPECT_EQ(l->count, count);
  }
  EXPECT_EQ(links.Find(1000), nullptr);
}

TEST(GroupLinksTest, UpsertStartsAtZeroAndClearEmpties) {
  GroupLinks links;
  links.Reserve(10);
  GroupLinks::Link& l = links.Upsert(5);
  EXPECT_EQ(l.group, 5u);
  EXPECT_EQ(l.count, 0u);
  EXPECT_EQ(l.sum, 0.0);
  l.sum = 0.5;
  EXPECT_EQ(links.Upsert(5).sum, 0.5);
  links.Clear();
  EXPECT_EQ(links.size(), 0u);
  EXPECT_EQ(links.Find(5), nullptr);
}

}  // namespace
}  // namespace newsfuse::cluster
