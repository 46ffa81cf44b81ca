#include "cluster/similarity.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

#include "base/civil_date.h"

namespace newsfuse::cluster {

void InputIssueCounts::Count(uint32_t issues) {
  no_date += (issues & kNoDate) != 0;
  bad_date += (issues & kBadDate) != 0;
  future_date += (issues & kFutureDate) != 0;
  empty_body += (issues & kEmptyBody) != 0;
  empty_article += (issues & kEmptyArticle) != 0;
  truncated_body += (issues & kTruncatedBody) != 0;
  duplicate_id += (issues & kDuplicateId) != 0;
}

int64_t ReferenceMinutes(const ClusterOptions& options) {
  if (options.reference_minutes) return *options.reference_minutes;
  auto now = std::chrono::system_clock::now().time_since_epoch();
  return std::chrono::duration_cast<std::chrono::minutes>(now).count();
}

int64_t ArticleMinutes(const Article& article, const ClusterOptions& options, uint32_t* issues) {
  if (!article.published) {
    *issues |= kNoDate;
    return kUnknownTime;
  }
  const std::optional<base::CivilDate>& date = article.published;
  if (!date->valid()) {
    *issues |= kBadDate | kNoDate;
    return kUnknownTime;
  }
  int64_t minutes = static_cast<int64_t>(date->DaysSinceEpoch()) * 1440;
  if (date->has_time()) minutes += date->hour * 60 + std::max(0, date->minute);
  if (minutes > ReferenceMinutes(options) + static_cast<int64_t>(options.max_future_hours * 60)) {
    *issues |= kFutureDate | kNoDate;
    return kUnknownTime;
  }
  return minutes;
}

float TimeFactor(int64_t minute, int64_t first, int64_t last, const ClusterOptions& options) {
  if (minute == kUnknownTime || first == kUnknownTime || last == kUnknownTime) return 1.0f;
  int64_t gap = 0;
  if (minute < first) gap = first - minute;
  if (minute > last) gap = minute - last;
  double hours = static_cast<double>(gap) / 60.0 - options.time_grace_hours;
  if (hours <= 0) return 1.0f;
  float f = static_cast<float>(std::exp(-hours / options.time_scale_hours));
  return f < options.time_floor ? options.time_floor : f;
}

void TopKeys(const fingerprint::ArticleVectors& v, size_t terms, size_t entities, std::vector<uint32_t>* out) {
  out->clear();
  auto take = [&](const std::vector<fingerprint::TermWeight>& vec, size_t n, uint32_t salt) {
    std::vector<fingerprint::TermWeight> copy(vec);
    if (copy.size() > n) {
      std::nth_element(copy.begin(), copy.begin() + static_cast<std::ptrdiff_t>(n), copy.end(),
                       [](const auto& a, const auto& b) { return a.weight > b.weight; });
      copy.resize(n);
    }
    for (const fingerprint::TermWeight& t : copy) out->push_back(t.term ^ salt);
  };
  take(v.terms, terms, 0);
  take(v.entities, entities, 0x5bd1e995u);
}

std::string FormatMinutes(int64_t minute) {
  if (minute == kUnknownTime) return "";
  int64_t days = minute >= 0 ? minute / 1440 : -((-minute + 1439) / 1440);
  int64_t rest = minute - days * 1440;
  base::CivilDate d = base::CivilDate::FromDaysSinceEpoch(static_cast<long>(days));
  d.hour = static_cast<int>(rest / 60);
  d.minute = static_cast<int>(rest % 60);
  return d.ToString();
}

}  // namespace newsfuse::cluster
