#include "base/parallel_for.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace newsfuse::base {

void ParallelForRanges(size_t n, unsigned threads, size_t grain, size_t min_items_per_thread,
                       const std::function<void(size_t begin, size_t end)>& fn) {
  if (n == 0) return;
  grain = std::max<size_t>(1, grain);
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  const size_t ranges = (n + grain - 1) / grain;
  const size_t workers =
      std::min({static_cast<size_t>(threads), ranges, std::max<size_t>(1, n / std::max<size_t>(1, min_items_per_thread))});
  if (workers <= 1) {
    for (size_t begin = 0; begin < n; begin += grain) fn(begin, std::min(n, begin + grain));
    return;
  }
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t r; (r = next.fetch_add(1)) < ranges;) fn(r * grain, std::min(n, (r + 1) * grain));
  };
  std::vector<std::thread> pool;
  for (size_t t = 1; t < workers; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
}

void ParallelFor(size_t n, unsigned threads, size_t min_items_per_thread, const std::function<void(size_t i)>& fn) {
  ParallelForRanges(n, threads, 1, min_items_per_thread, [&fn](size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) fn(i);
  });
}

}  // namespace newsfuse::base
