// File: base/parallel_for.h
//
// The one fork-join helper: runs a loop over [0, n) on a few threads, the
// calling thread being one of them, and returns when every item is done.
// Each item runs exactly once; which thread runs it is not defined, so the
// body must only write what belongs to its own items.
//
//   base::ParallelFor(n, threads, /*min_items_per_thread=*/16,
//                     [&](size_t i) { out[i] = Work(in[i]); });
#ifndef NEWSFUSE_BASE_PARALLEL_FOR_H_
#define NEWSFUSE_BASE_PARALLEL_FOR_H_

#include <cstddef>
#include <functional>

namespace newsfuse::base {

// Calls fn(begin, end) on contiguous ranges of `grain` items (the last may
// be shorter) that together cover [0, n), handed out in order as threads
// free up. A larger grain pays per-range set-up (a scratch object) once per
// range; grain 1 balances uneven items best. `threads` 0 means one per core.
// No more threads start than there are ranges, nor than leave each thread
// `min_items_per_thread` items: below that a thread costs more than it saves.
void ParallelForRanges(size_t n, unsigned threads, size_t grain, size_t min_items_per_thread,
                       const std::function<void(size_t begin, size_t end)>& fn);

// Calls fn(i) for each i in [0, n), one item at a time per thread.
void ParallelFor(size_t n, unsigned threads, size_t min_items_per_thread, const std::function<void(size_t i)>& fn);

}  // namespace newsfuse::base

#endif  // NEWSFUSE_BASE_PARALLEL_FOR_H_
