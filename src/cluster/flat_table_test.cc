#include "cluster/flat_table.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <unordered_map>

namespace newsfuse::cluster {
namespace {

// Random inserts, overwrites and erases (backward-shift deletion is where a
// linear-probing table goes wrong) checked against std::unordered_map. Keys
// come from a small range so that probe runs are long and collide often.
template <typename Table>
void CheckAgreesWithUnorderedMapUnderChurn(uint64_t key_range = 5000, int inserts_per_erase = 1) {
  Table table;
  std::unordered_map<uint64_t, uint64_t> reference;
  std::mt19937_64 rng(7);
  for (int step = 0; step < 200000; ++step) {
    const uint64_t key = 1 + rng() % key_range;
    int op = static_cast<int>(rng() % (2 + inserts_per_erase));
    op = op < inserts_per_erase ? 0 : op - inserts_per_erase + 1;
    if (op == 0) {
      table.Set(key, step);
      reference[key] = step;
    } else if (op == 1) {
      EXPECT_EQ(table.Erase(key), reference.erase(key) == 1);
    } else {
      const uint64_t* v = table.Find(key);
      auto it = reference.find(key);
      ASSERT_EQ(v != nullptr, it != reference.end()) << "key " << key << " step " << step;
      if (v != nullptr) {
        EXPECT_EQ(*v, it->second);
      }
    }
  }
  EXPECT_EQ(table.size(), reference.size());
  for (const auto& [key, value] : reference) {
    const uint64_t* v = table.Find(key);
    ASSERT_NE(v, nullptr);
    EXPECT_EQ(*v, value);
  }
}

TEST(FlatTableTest, AgreesWithUnorderedMapUnderChurn) { CheckAgreesWithUnorderedMapUnderChurn<FlatTable>(); }

// A table that keeps growing: every doubling is spread over the writes after
// it, with reads, overwrites and erases hitting entries on both sides of the
// move.
TEST(FlatTableTest, AgreesWithUnorderedMapWhileGrowing) {
  CheckAgreesWithUnorderedMapUnderChurn<FlatTable>(1u << 30, 3);
}

// The doubling moves a few slots per write: right after the write that
// starts it the old slots are held beside the new ones (3x the bytes), and
// they are let go, every entry still found, before the new table fills.
TEST(FlatTableTest, GrowsIncrementally) {
  FlatTable table;
  uint64_t next = 1;
  bool seen_partial = false;
  while (next < 20000) {
    const size_t before = table.bytes();
    table.Set(next++, 0);
    if (table.bytes() != 3 * before) continue;
    seen_partial = true;
    for (uint64_t k = 1; k < next; ++k) ASSERT_NE(table.Find(k), nullptr) << k;
    while (table.bytes() == 3 * before) table.Set(next++, 0);
    EXPECT_EQ(table.bytes(), 2 * before);
  }
  EXPECT_TRUE(seen_partial);
  EXPECT_EQ(table.size(), next - 1);
  for (uint64_t k = 1; k < next; ++k) ASSERT_NE(table.Find(k), nullptr) << k;
}

TEST(ShardedFlatTableTest, AgreesWithUnorderedMapUnderChurn) {
  CheckAgreesWithUnorderedMapUnderChurn<ShardedFlatTable>();
}

// Keys spread over the shards, sequential ids as much as hashes: each shard
// holds about its share, so no doubling copies more than a small part.
TEST(ShardedFlatTableTest, SpreadsKeysOverTheShards) {
  ShardedFlatTable table;
  for (uint64_t k = 1; k <= 64000; ++k) table.Set(k, k);
  EXPECT_EQ(table.size(), 64000u);
  EXPECT_LE(table.largest_shard(), 1500u);  // a fair share is 1000
  for (uint64_t k = 1; k <= 64000; ++k) {
    const uint64_t* v = table.Find(k);
    ASSERT_NE(v, nullptr) << k;
    EXPECT_EQ(*v, k);
  }
}

// Numbers 0 and 1 are two records (ShardedFlatTable alone would merge
// them); erased slots are reused; a record's address survives growth.
TEST(RecordSlabTest, KeepsRecordsByNumberAndReusesSlots) {
  RecordSlab<std::string> slab;
  slab.Insert(0) = "zero";
  slab.Insert(1) = "one";
  std::string* first = slab.Find(0);
  for (uint64_t k = 2; k < 5000; ++k) slab.Insert(k) = std::to_string(k);
  ASSERT_EQ(slab.Find(0), first) << "records must not move as the slab grows";
  EXPECT_EQ(*slab.Find(0), "zero");
  EXPECT_EQ(*slab.Find(1), "one");
  EXPECT_EQ(slab.size(), 5000u);
  const size_t bytes = slab.bytes();
  for (uint64_t k = 0; k < 4000; ++k) slab.Erase(k);
  EXPECT_EQ(slab.Find(0), nullptr);
  EXPECT_EQ(slab.size(), 1000u);
  for (uint64_t k = 10000; k < 14000; ++k) slab.Insert(k) = "again";
  EXPECT_LE(slab.bytes(), bytes + bytes / 4) << "freed slots are reused";
  size_t again = 0;
  slab.ForEach([&](const std::string& s) { again += s == "again"; });
  EXPECT_EQ(again, 4000u);
  EXPECT_EQ(*slab.Find(4999), "4999");
}

TEST(FlatTableTest, KeyZeroIsStoredAsOneAndFilterErases) {
  FlatTable table;
  table.Set(0, 5);
  ASSERT_NE(table.Find(1), nullptr);  // 0 and 1 share a slot (documented)
  EXPECT_EQ(*table.Find(0), 5u);
  for (uint64_t k = 2; k < 1000; ++k) table.Set(k * 0x9E3779B97F4A7C15ULL, k);
  table.Filter([](uint64_t, uint64_t& value) { return value % 2 == 0; });
  for (uint64_t k = 2; k < 1000; ++k) {
    const uint64_t* v = table.Find(k * 0x9E3779B97F4A7C15ULL);
    EXPECT_EQ(v != nullptr, k % 2 == 0) << k;
  }
  EXPECT_EQ(table.Find(0), nullptr);  // value 5 was odd
}

}  // namespace
}  // namespace newsfuse::cluster
