#include "serve/worker_pool.h"

#include <malloc.h>

#include <algorithm>

namespace newsfuse::serve {

WorkerPool::WorkerPool(size_t min_threads, size_t max_threads, std::chrono::milliseconds idle_retire)
    : min_threads_(std::max<size_t>(min_threads, 1)),
      max_threads_(std::max<size_t>({max_threads, min_threads, 1})),
      idle_retire_(idle_retire) {
  std::lock_guard<std::mutex> lock(mutex_);
  for (size_t i = 0; i < std::max<size_t>(min_threads, 1); ++i) threads_.emplace_back([this] { Work(); });
}

WorkerPool::~WorkerPool() { shutdown(); }

void WorkerPool::enqueue(std::function<void()> fn) {
  std::vector<std::thread> retired;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    retired.swap(retired_);
  }
  for (std::thread& t : retired) t.join();  // they have left Work(): a moment at most
  std::lock_guard<std::mutex> lock(mutex_);
  jobs_.push_back(std::move(fn));
  // Every queued task beyond the idle workers needs a thread of its own.
  if (jobs_.size() > idle_ && threads_.size() < max_threads_ && !shutdown_) {
    threads_.emplace_back([this] { Work(); });
  }
  cond_.notify_one();
}

void WorkerPool::shutdown() {
  std::vector<std::thread> threads;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (shutdown_ && threads_.empty() && retired_.empty()) return;
    shutdown_ = true;
    threads.swap(threads_);
    for (std::thread& t : retired_) threads.push_back(std::move(t));
    retired_.clear();
  }
  cond_.notify_all();
  for (std::thread& t : threads) t.join();
}

size_t WorkerPool::threads() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return threads_.size();
}

size_t WorkerPool::busy() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return threads_.size() > idle_ ? threads_.size() - idle_ : 0;
}

void WorkerPool::Work() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (true) {
    ++idle_;
    const bool woken = cond_.wait_for(lock, idle_retire_, [this] { return !jobs_.empty() || shutdown_; });
    --idle_;
    if (!woken && worked_since_trim_) {
      // The first idle spell after work: hand the heap's free pages back
      // (glibc keeps what a large briefing freed in its arenas, so resident
      // memory only grew: retention, not a leak).
      worked_since_trim_ = false;
      lock.unlock();
      malloc_trim(0);
      lock.lock();
    }
    if (!woken && threads_.size() > min_threads_) {
      // Idle too long and not needed: leave, handing this thread's object
      // to retired_ for the next enqueue() or shutdown() to join.
      const auto self = std::find_if(threads_.begin(), threads_.end(),
                                     [](const std::thread& t) { return t.get_id() == std::this_thread::get_id(); });
      if (self != threads_.end()) {
        retired_.push_back(std::move(*self));
        threads_.erase(self);
        lock.unlock();
        return;
      }
    }
    if (!woken) continue;
    if (jobs_.empty()) return;  // shut down and drained
    std::function<void()> fn = std::move(jobs_.front());
    jobs_.pop_front();
    lock.unlock();
    fn();
    lock.lock();
    worked_since_trim_ = true;
  }
}

}  // namespace newsfuse::serve
