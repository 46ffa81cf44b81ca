#include "serve/rate_limiter.h"

#include <algorithm>

namespace newsfuse::serve {

RateLimiter::RateLimiter(const RateLimitOptions& options)
    : rate_(options.rate),
      burst_(options.burst > 0 ? options.burst : std::max(1.0, 2 * options.rate)),
      max_keys_(std::max<size_t>(options.max_keys, 1)) {}

std::optional<double> RateLimiter::Acquire(std::string_view key, Clock::time_point now) {
  if (rate_ <= 0) return std::nullopt;
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = buckets_.find(std::string(key));
  if (it == buckets_.end()) {
    if (buckets_.size() >= max_keys_) Prune(now);
    it = buckets_.emplace(std::string(key), Bucket{burst_, now}).first;
  }
  Bucket& b = it->second;
  const double elapsed = std::chrono::duration<double>(now - b.last).count();
  if (elapsed > 0) {
    b.tokens = std::min(burst_, b.tokens + elapsed * rate_);
    b.last = now;
  }
  if (b.tokens >= 1) {
    b.tokens -= 1;
    return std::nullopt;
  }
  return (1 - b.tokens) / rate_;
}

void RateLimiter::Prune(Clock::time_point now) {
  for (auto it = buckets_.begin(); it != buckets_.end();) {
    const double elapsed = std::chrono::duration<double>(now - it->second.last).count();
    if (it->second.tokens + elapsed * rate_ >= burst_) {
      it = buckets_.erase(it);
    } else {
      ++it;
    }
  }
  // Every client is busy: forget the first half rather than grow without
  // bound (they get a fresh bucket, which is lenient, never wrong-way strict).
  if (buckets_.size() >= max_keys_) {
    size_t n = buckets_.size() / 2;
    for (auto it = buckets_.begin(); it != buckets_.end() && n > 0; --n) it = buckets_.erase(it);
  }
}

}  // namespace newsfuse::serve
