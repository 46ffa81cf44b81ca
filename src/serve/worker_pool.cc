#include "serve/worker_pool.h"

#include <algorithm>

namespace newsfuse::serve {

WorkerPool::WorkerPool(size_t min_threads, size_t max_threads)
    : max_threads_(std::max<size_t>({max_threads, min_threads, 1})) {
  std::lock_guard<std::mutex> lock(mutex_);
  for (size_t i = 0; i < std::max<size_t>(min_threads, 1); ++i) threads_.emplace_back([this] { Work(); });
}

WorkerPool::~WorkerPool() { shutdown(); }

void WorkerPool::enqueue(std::function<void()> fn) {
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
    if (shutdown_ && threads_.empty()) return;
    shutdown_ = true;
    threads.swap(threads_);
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
    cond_.wait(lock, [this] { return !jobs_.empty() || shutdown_; });
    --idle_;
    if (jobs_.empty()) return;  // shut down and drained
    std::function<void()> fn = std::move(jobs_.front());
    jobs_.pop_front();
    lock.unlock();
    fn();
    lock.lock();
  }
}

}  // namespace newsfuse::serve
