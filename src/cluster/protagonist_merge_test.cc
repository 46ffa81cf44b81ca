#include "cluster/protagonist_merge.h"

#include <gtest/gtest.h>

#include <vector>

#include "cluster/similarity.h"

namespace newsfuse::cluster {
namespace {

using fingerprint::RawFingerprint;

constexpr uint32_t kSinger = 101;  // a name that is some article's protagonist
constexpr uint32_t kClinic = 202;
constexpr uint32_t kActor = 303;
constexpr int64_t kDay = 1440;

RawFingerprint About(uint32_t protagonist, std::vector<uint32_t> names) {
  RawFingerprint r;
  r.protagonist = protagonist;
  for (uint32_t n : names) r.entities.push_back({n, 1.0f});
  return r;
}

// Two stories of two articles each (0,1 and 2,3), in time order; article i
// dated `minutes[i]`.
struct Fixture {
  std::vector<size_t> order{0, 1, 2, 3};
  std::vector<RawFingerprint> raw;
  std::vector<int64_t> minutes;
  std::vector<uint32_t> story_of{0, 0, 1, 1};
  float cross = 0.12f;  // similarity of an article of one story to one of the other

  std::vector<uint32_t> Run(const ClusterOptions& options = {}) {
    MergeSameProtagonist(order, raw, minutes, options,
                         [this](size_t i, size_t j) { return (i < 2) == (j < 2) ? 0.5f : cross; }, &story_of);
    return story_of;
  }
};

Fixture OneEventTwoAngles() {
  Fixture f;
  // Both stories name the singer; the second story's own protagonist is
  // the clinic, but half its members name the singer too.
  f.raw = {About(kSinger, {kSinger, kClinic}), About(kSinger, {kSinger}), About(kClinic, {kClinic, kSinger}),
           About(0, {kClinic})};
  f.minutes = {0, kDay, 2 * kDay, 3 * kDay};
  return f;
}

TEST(ProtagonistMerge, JoinsDatedStoriesOfOnePersonAboveTheLowerBar) {
  EXPECT_EQ(OneEventTwoAngles().Run(), (std::vector<uint32_t>{0, 0, 0, 0}));
}

TEST(ProtagonistMerge, KeepsThemApartBelowTheBar) {
  Fixture f = OneEventTwoAngles();
  f.cross = 0.05f;
  EXPECT_EQ(f.Run(), (std::vector<uint32_t>{0, 0, 1, 1}));
}

TEST(ProtagonistMerge, NeedsDatesThatSayTheyAreClose) {
  Fixture undated = OneEventTwoAngles();
  undated.minutes[2] = undated.minutes[3] = kUnknownTime;
  EXPECT_EQ(undated.Run(), (std::vector<uint32_t>{0, 0, 1, 1}));
  Fixture far = OneEventTwoAngles();
  far.minutes[2] = far.minutes[3] = 400 * kDay;  // a year later: a twin event
  EXPECT_EQ(far.Run(), (std::vector<uint32_t>{0, 0, 1, 1}));
}

TEST(ProtagonistMerge, NeedsASharedLeadName) {
  Fixture f = OneEventTwoAngles();
  f.raw[2] = About(kActor, {kActor});
  f.raw[3] = About(kActor, {kActor, kClinic});
  EXPECT_EQ(f.Run(), (std::vector<uint32_t>{0, 0, 1, 1}));
}

TEST(ProtagonistMerge, ZeroThresholdTurnsItOff) {
  ClusterOptions off;
  off.protagonist_merge_threshold = 0;
  EXPECT_EQ(OneEventTwoAngles().Run(off), (std::vector<uint32_t>{0, 0, 1, 1}));
}

}  // namespace
}  // namespace newsfuse::cluster
