#include "cluster/pair_model.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "base/file_io.h"
#include "cluster/similarity.h"

namespace newsfuse::cluster {

namespace {

constexpr std::string_view kFeatureNames[kPairFeatureCount] = {
    "bias",          "term_cosine",      "name_cosine",         "protagonist_conflict",
    "same_protagonist", "top_names_shared_min", "top_names_shared_max", "both_dated",
    "log_days_apart", "log_body_kb_min", "hand_similarity",
};
constexpr std::string_view kThresholdName = "merge_threshold";
// A model file is a few hundred bytes; anything much larger is not one.
constexpr uint64_t kMaxModelBytes = 1 << 16;

// Share of `a`'s top names that `b` names at all (1 when `a` has none: no
// evidence against).
double SharedTopNames(const PairArticle& a, const PairArticle& b) {
  if (a.top_names.empty()) return 1.0;
  size_t shared = 0;
  for (uint32_t name : a.top_names) shared += b.CountOf(name) > 0;
  return static_cast<double>(shared) / static_cast<double>(a.top_names.size());
}

}  // namespace

PairArticle PairArticle::Of(const fingerprint::ArticleVectors& vectors, const fingerprint::RawFingerprint& raw,
                            int64_t minutes) {
  PairArticle a;
  a.names = raw.entities;
  std::sort(a.names.begin(), a.names.end(), [](const auto& x, const auto& y) { return x.term < y.term; });
  std::vector<fingerprint::TermWeight> top(vectors.entities);
  const size_t k = std::min(kTopNames, top.size());
  // Heaviest first, the lower id on a tie, so the choice never depends on order.
  std::partial_sort(top.begin(), top.begin() + static_cast<std::ptrdiff_t>(k), top.end(),
                    [](const auto& x, const auto& y) { return x.weight != y.weight ? x.weight > y.weight : x.term < y.term; });
  for (size_t i = 0; i < k; ++i) a.top_names.push_back(top[i].term);
  a.protagonist = raw.protagonist;
  a.minutes = minutes;
  a.log_body_kb = static_cast<float>(std::log1p(static_cast<double>(raw.body_bytes) / 1000.0));
  return a;
}

float PairArticle::CountOf(uint32_t entity) const {
  auto it = std::lower_bound(names.begin(), names.end(), entity,
                             [](const fingerprint::TermCount& c, uint32_t e) { return c.term < e; });
  return it != names.end() && it->term == entity ? it->count : 0.0f;
}

bool MentionsOther(const PairArticle& article, uint32_t own, uint32_t other, const ClusterOptions& options) {
  const float c = article.CountOf(other);
  return c > 0 && c > options.protagonist_mention_ratio * article.CountOf(own);
}

std::string_view PairFeatureName(size_t feature) {
  return feature < kPairFeatureCount ? kFeatureNames[feature] : std::string_view("?");
}

PairFeatures ComputePairFeatures(const PairArticle& a, const PairArticle& b, float term_dot, float entity_dot,
                                 const ClusterOptions& options) {
  PairFeatures f{};
  f[kBias] = 1;
  f[kTermCosine] = term_dot;
  f[kNameCosine] = entity_dot;
  const uint32_t pa = a.protagonist;
  const uint32_t pb = b.protagonist;
  if (pa != 0 && pb != 0) {
    if (pa == pb) {
      f[kSameProtagonist] = 1;
    } else if (!MentionsOther(a, pa, pb, options) && !MentionsOther(b, pb, pa, options)) {
      f[kProtagonistConflict] = 1;
    }
  }
  const double ab = SharedTopNames(a, b);
  const double ba = SharedTopNames(b, a);
  f[kTopNamesSharedMin] = std::min(ab, ba);
  f[kTopNamesSharedMax] = std::max(ab, ba);
  if (a.minutes != kUnknownTime && b.minutes != kUnknownTime) {
    f[kBothDated] = 1;
    const double days = static_cast<double>(a.minutes > b.minutes ? a.minutes - b.minutes : b.minutes - a.minutes) / 1440.0;
    f[kLogDaysApart] = std::log1p(days);
  }
  f[kLogBodyKbMin] = std::min(a.log_body_kb, b.log_body_kb);
  f[kHandSimilarity] = MixedSimilarity(term_dot, entity_dot, options) *
                       (f[kProtagonistConflict] != 0 ? options.protagonist_conflict_factor : 1.0f) *
                       TimeFactor(a.minutes, b.minutes, b.minutes, options);
  return f;
}

float PairModel::Score(const PairFeatures& f) const {
  double z = 0;
  for (size_t k = 0; k < kPairFeatureCount; ++k) z += weights_[k] * f[k];
  return static_cast<float>(1.0 / (1.0 + std::exp(-z)));
}

std::string PairModel::ToText(std::string_view provenance) const {
  std::string out = "# newsfuse pair model: logistic regression, P(same event) = 1 / (1 + exp(-sum weight * feature))\n";
  out += "# (src/cluster/pair_model.h). ";
  out += provenance;
  out += '\n';
  char line[96];
  for (size_t k = 0; k < kPairFeatureCount; ++k) {
    std::snprintf(line, sizeof line, "%s %.17g\n", std::string(kFeatureNames[k]).c_str(), weights_[k]);
    out += line;
  }
  std::snprintf(line, sizeof line, "%s %.17g\n", std::string(kThresholdName).c_str(), merge_threshold_);
  out += line;
  return out;
}

Result<PairModel> PairModel::Parse(std::string_view text, std::string_view source) {
  PairModel model;
  size_t next = 0;  // the index of the next expected name: features, then the threshold
  size_t line_number = 0;
  auto error = [&](std::string_view what) {
    return Status::InvalidArgument(std::string(source) + ":" + std::to_string(line_number), what);
  };
  while (!text.empty()) {
    const size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    const size_t space = line.find(' ');
    if (space == std::string_view::npos) return error("expected \"name value\"");
    const std::string_view name = line.substr(0, space);
    const std::string_view value = line.substr(space + 1);
    const std::string_view expected = next < kPairFeatureCount ? kFeatureNames[next]
                                      : next == kPairFeatureCount ? kThresholdName
                                                                  : std::string_view();
    if (name != expected) {
      return error(expected.empty() ? "a line after merge_threshold"
                                    : "expected \"" + std::string(expected) + "\", found \"" + std::string(name) + "\"");
    }
    double v = 0;
    auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
    if (ec != std::errc() || ptr != value.data() + value.size() || !std::isfinite(v)) {
      return error("not a number: \"" + std::string(value) + "\"");
    }
    if (next < kPairFeatureCount) {
      model.weights_[next] = v;
    } else {
      model.merge_threshold_ = v;
    }
    ++next;
  }
  if (next <= kPairFeatureCount) {
    return Status::InvalidArgument(source, "missing \"" +
                                               std::string(next < kPairFeatureCount ? kFeatureNames[next] : kThresholdName) +
                                               "\"");
  }
  return model;
}

Result<PairModel> PairModel::Load(const std::string& path) {
  Result<std::string> text = base::ReadFile(path, kMaxModelBytes);
  if (!text.ok()) return text.status();
  return Parse(*text, path);
}

}  // namespace newsfuse::cluster
