#include "base/parallel_for.h"

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

namespace newsfuse::base {
namespace {

TEST(ParallelForTest, RunsEveryItemOnce) {
  for (size_t n : {0u, 1u, 7u, 1000u}) {
    std::vector<std::atomic<int>> seen(n);
    ParallelFor(n, 4, 1, [&](size_t i) { ++seen[i]; });
    for (size_t i = 0; i < n; ++i) EXPECT_EQ(seen[i].load(), 1) << "n " << n << " i " << i;
  }
}

TEST(ParallelForTest, RangesCoverTheItemsInGrains) {
  std::mutex mu;
  std::set<std::pair<size_t, size_t>> ranges;
  ParallelForRanges(10, 3, 4, 1, [&](size_t b, size_t e) {
    std::lock_guard<std::mutex> lock(mu);
    ranges.emplace(b, e);
  });
  EXPECT_EQ(ranges, (std::set<std::pair<size_t, size_t>>{{0, 4}, {4, 8}, {8, 10}}));
}

TEST(ParallelForTest, FewItemsStayOnTheCallingThread) {
  std::set<std::thread::id> ids;
  ParallelFor(20, 8, 16, [&](size_t) { ids.insert(std::this_thread::get_id()); });
  EXPECT_EQ(ids, std::set<std::thread::id>{std::this_thread::get_id()}) << "20 items, 16 per thread at least";
}

}  // namespace
}  // namespace newsfuse::base
