// File: serve/worker_pool.h
//
// The server's task queue (an httplib::TaskQueue): a pool that keeps
// `min_threads` workers and grows, one thread per waiting task, up to
// `max_threads`. httplib gives each connection a worker for its whole life,
// keep-alive idle time included, so a fixed pool of N is starved by N idle or
// slow clients; growing on demand keeps such clients from stalling others
// until `max_threads` connections are open at once (then tasks queue).
// A worker beyond `min_threads` that has had nothing to do for
// `idle_retire` leaves (issue 15: 506 threads stayed after an attack), and
// after work the first worker idle that long hands the heap's free memory
// back to the system (malloc_trim: glibc keeps what a large briefing freed
// in its arenas, which made resident memory only grow).
//
// Thread-safety: Enqueue() from any thread; Shutdown() once.
#ifndef NEWSFUSE_SERVE_WORKER_POOL_H_
#define NEWSFUSE_SERVE_WORKER_POOL_H_

#include <httplib.h>

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace newsfuse::serve {

class WorkerPool : public httplib::TaskQueue {
 public:
  WorkerPool(size_t min_threads, size_t max_threads,
             std::chrono::milliseconds idle_retire = std::chrono::seconds(10));
  ~WorkerPool() override;  // shuts down if not done yet

  void enqueue(std::function<void()> fn) override;
  // Runs the queued tasks, then joins every worker.
  void shutdown() override;

  size_t threads() const;   // started so far
  size_t busy() const;      // running a task now

 private:
  void Work();

  const size_t min_threads_;
  const size_t max_threads_;
  const std::chrono::milliseconds idle_retire_;
  mutable std::mutex mutex_;
  std::condition_variable cond_;
  std::deque<std::function<void()>> jobs_;  // guarded by mutex_
  std::vector<std::thread> threads_;        // guarded by mutex_
  std::vector<std::thread> retired_;        // left Work(), to join; guarded by mutex_
  size_t idle_ = 0;                         // guarded by mutex_
  bool shutdown_ = false;                   // guarded by mutex_
  bool worked_since_trim_ = false;          // guarded by mutex_
};

}  // namespace newsfuse::serve

#endif  // NEWSFUSE_SERVE_WORKER_POOL_H_
