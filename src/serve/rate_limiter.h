// File: serve/rate_limiter.h
//
// Per-client token buckets: each key (a client IP) may make `rate` requests a
// second on average and `burst` at once. A refused request learns how long to
// wait (the Retry-After of a 429).
//
//   RateLimiter limiter({.rate = 200, .burst = 400});
//   if (auto wait = limiter.Acquire(ip, now)) -> 429, Retry-After: ceil(*wait)
//
// Thread-safety: Acquire() may be called from any thread at once (one mutex;
// the critical section is a hash lookup and a few arithmetic operations).
// Memory: at most `max_keys` buckets; when full, buckets that have refilled
// completely (clients gone quiet) are dropped first, since forgetting them
// changes nothing.
#ifndef NEWSFUSE_SERVE_RATE_LIMITER_H_
#define NEWSFUSE_SERVE_RATE_LIMITER_H_

#include <chrono>
#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace newsfuse::serve {

struct RateLimitOptions {
  double rate = 0;   // requests per second per key; <= 0: no limit
  double burst = 0;  // bucket size; <= 0: 2 * rate (at least 1)
  size_t max_keys = 100000;
};

class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;

  explicit RateLimiter(const RateLimitOptions& options);
  RateLimiter(const RateLimiter&) = delete;
  RateLimiter& operator=(const RateLimiter&) = delete;

  bool enabled() const { return rate_ > 0; }

  // Takes one token from `key`'s bucket. nullopt: allowed. Otherwise the
  // request is refused and the value is the seconds until a token is back.
  std::optional<double> Acquire(std::string_view key, Clock::time_point now = Clock::now());

 private:
  struct Bucket {
    double tokens;
    Clock::time_point last;
  };
  void Prune(Clock::time_point now);

  const double rate_;
  const double burst_;
  const size_t max_keys_;
  std::mutex mutex_;
  std::unordered_map<std::string, Bucket> buckets_;  // guarded by mutex_
};

}  // namespace newsfuse::serve

#endif  // NEWSFUSE_SERVE_RATE_LIMITER_H_
