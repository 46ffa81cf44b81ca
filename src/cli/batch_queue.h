// File: cli/batch_queue.h
//
// A bounded hand-off of article batches from `newsfuse ingest`'s reading
// thread to its ingesting ones: reading and parsing the next batch overlaps
// with storing this one.
#ifndef NEWSFUSE_CLI_BATCH_QUEUE_H_
#define NEWSFUSE_CLI_BATCH_QUEUE_H_

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <vector>

#include "newsfuse/article.h"

namespace newsfuse::cli {

struct Batch {
  std::vector<Article> articles;
  uint64_t bytes_done = 0;
};

// At most two batches wait; Push blocks while the queue is full.
class BatchQueue {
 public:
  void Push(Batch&& b) {
    std::unique_lock<std::mutex> lock(mu_);
    not_full_.wait(lock, [&] { return queue_.size() < 2 || closed_; });
    queue_.push_back(std::move(b));
    not_empty_.notify_one();
  }
  void Close() {
    std::lock_guard<std::mutex> lock(mu_);
    closed_ = true;
    not_empty_.notify_all();
    not_full_.notify_all();
  }
  bool Pop(Batch* b) {
    std::unique_lock<std::mutex> lock(mu_);
    not_empty_.wait(lock, [&] { return !queue_.empty() || closed_; });
    if (queue_.empty()) return false;
    *b = std::move(queue_.front());
    queue_.pop_front();
    not_full_.notify_one();
    return true;
  }

 private:
  std::mutex mu_;
  std::condition_variable not_empty_, not_full_;
  std::deque<Batch> queue_;
  bool closed_ = false;
};

}  // namespace newsfuse::cli

#endif  // NEWSFUSE_CLI_BATCH_QUEUE_H_
