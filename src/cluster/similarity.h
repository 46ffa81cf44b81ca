// File: cluster/similarity.h
//
// The story similarity both clustering modes use: TF-IDF cosine of words and
// of names, mixed by ClusterOptions::entity_weight, times a time-distance
// factor. Also the publication-time checks (no date, far future) that both
// modes apply the same way.
#ifndef NEWSFUSE_CLUSTER_SIMILARITY_H_
#define NEWSFUSE_CLUSTER_SIMILARITY_H_

#include <algorithm>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "cluster/cluster_options.h"
#include "fingerprint/fingerprinter.h"
#include "newsfuse/article.h"

namespace newsfuse::cluster {

inline constexpr int64_t kUnknownTime = INT64_MIN;

// Minutes since 1970-01-01 of `article.published`, or kUnknownTime with the
// reason added to `*issues` (kNoDate, kBadDate, kFutureDate).
int64_t ArticleMinutes(const Article& article, const ClusterOptions& options, uint32_t* issues);

// The reference time `max_future_hours` counts from.
int64_t ReferenceMinutes(const ClusterOptions& options);

// The earliest and latest of `minutes[i]` over `members`, unknown times
// left out (both kUnknownTime when none is known).
struct TimeSpan {
  int64_t first = kUnknownTime;
  int64_t last = kUnknownTime;
};
inline TimeSpan SpanOf(std::span<const size_t> members, const std::vector<int64_t>& minutes) {
  TimeSpan span;
  for (size_t i : members) {
    if (minutes[i] == kUnknownTime) continue;
    span.first = span.first == kUnknownTime ? minutes[i] : std::min(span.first, minutes[i]);
    span.last = span.last == kUnknownTime ? minutes[i] : std::max(span.last, minutes[i]);
  }
  return span;
}

// Time factor for an article at `minute` against something spanning
// [first, last] (kUnknownTime on either side: 1).
float TimeFactor(int64_t minute, int64_t first, int64_t last, const ClusterOptions& options);

// Mixed similarity of two unit-vector pairs (or sums of unit vectors scaled
// by 1/size, which makes it the average link to a group).
inline float MixedSimilarity(float term_dot, float entity_dot, const ClusterOptions& options) {
  return (1.0f - options.entity_weight) * term_dot + options.entity_weight * entity_dot;
}

// The keys a vector is indexed and looked up under: its `terms` heaviest
// words and `entities` heaviest names (names salted apart from words),
// appended to `out` after clearing it.
void TopKeys(const fingerprint::ArticleVectors& v, size_t terms, size_t entities, std::vector<uint32_t>* out);

// "YYYY-MM-DDTHH:MM" of a minute count; "" for kUnknownTime.
std::string FormatMinutes(int64_t minute);

}  // namespace newsfuse::cluster

#endif  // NEWSFUSE_CLUSTER_SIMILARITY_H_
