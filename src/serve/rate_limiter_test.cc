#include "serve/rate_limiter.h"

#include <gtest/gtest.h>

namespace newsfuse::serve {
namespace {

using namespace std::chrono_literals;

TEST(RateLimiterTest, BurstThenRate) {
  RateLimiter limiter({.rate = 10, .burst = 5});
  const auto t0 = RateLimiter::Clock::now();
  for (int i = 0; i < 5; ++i) EXPECT_FALSE(limiter.Acquire("1.2.3.4", t0)) << i;
  std::optional<double> wait = limiter.Acquire("1.2.3.4", t0);
  ASSERT_TRUE(wait);
  EXPECT_NEAR(*wait, 0.1, 1e-9);
  // Another client has its own bucket.
  EXPECT_FALSE(limiter.Acquire("5.6.7.8", t0));
  // 100 ms later one token is back, and only one.
  EXPECT_FALSE(limiter.Acquire("1.2.3.4", t0 + 100ms));
  EXPECT_TRUE(limiter.Acquire("1.2.3.4", t0 + 100ms));
  // Never more than the burst, however long the pause.
  for (int i = 0; i < 5; ++i) EXPECT_FALSE(limiter.Acquire("1.2.3.4", t0 + 100s));
  EXPECT_TRUE(limiter.Acquire("1.2.3.4", t0 + 100s));
}

TEST(RateLimiterTest, ZeroRateIsOff) {
  RateLimiter limiter({.rate = 0});
  EXPECT_FALSE(limiter.enabled());
  for (int i = 0; i < 1000; ++i) EXPECT_FALSE(limiter.Acquire("x"));
}

TEST(RateLimiterTest, BoundedKeys) {
  RateLimiter limiter({.rate = 1, .burst = 1, .max_keys = 10});
  const auto t0 = RateLimiter::Clock::now();
  for (int i = 0; i < 1000; ++i) EXPECT_FALSE(limiter.Acquire("ip" + std::to_string(i), t0));
  // A client seen long ago and forgotten is not refused.
  EXPECT_FALSE(limiter.Acquire("ip0", t0 + 10s));
}

}  // namespace
}  // namespace newsfuse::serve
