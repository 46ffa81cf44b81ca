#include "train/pair_model_trainer.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "cluster/similarity.h"
#include "fingerprint/fingerprinter.h"
#include "fingerprint/headline_names.h"
#include "train/logistic_regression.h"

namespace newsfuse::cluster {

namespace {

// Articles prepared as the batch clusterer prepares its input: document
// frequencies of these articles alone, headline names resolved against
// them, weighed vectors, times.
struct Prepared {
  std::vector<fingerprint::ArticleVectors> vectors;
  std::vector<PairArticle> pair;
};

Prepared Prepare(const std::vector<const LabelledArticle*>& articles,
                 const std::vector<fingerprint::RawFingerprint>& given, const ClusterOptions& options) {
  std::vector<fingerprint::RawFingerprint> raw(given);
  fingerprint::DocumentFrequency df;
  for (const fingerprint::RawFingerprint& r : raw) df.Add(r);
  Prepared p;
  for (size_t i = 0; i < raw.size(); ++i) {
    fingerprint::ResolveHeadlineNames(df, /*df_counts_article=*/true, &raw[i]);
    p.vectors.push_back(fingerprint::Weigh(raw[i], df, options.fingerprint));
    uint32_t issues = 0;
    const int64_t minutes = ArticleMinutes(articles[i]->article, options, &issues);
    p.pair.push_back(PairArticle::Of(p.vectors.back(), raw[i], minutes));
  }
  return p;
}

PairFeatures FeaturesOf(const Prepared& p, size_t i, size_t j, const ClusterOptions& options) {
  return ComputePairFeatures(p.pair[i], p.pair[j], fingerprint::Dot(p.vectors[i].terms, p.vectors[j].terms),
                             fingerprint::Dot(p.vectors[i].entities, p.vectors[j].entities), options);
}

}  // namespace

std::string TopicOf(const std::string& gold) { return gold.substr(0, gold.find('_')); }

PairSamples CollectPairSamples(const std::vector<LabelledArticle>& articles, const ClusterOptions& options,
                               size_t cross_pairs, double cross_weight) {
  std::map<std::string, std::vector<const LabelledArticle*>> by_topic;
  for (const LabelledArticle& a : articles) by_topic[TopicOf(a.gold)].push_back(&a);
  PairSamples out;
  std::vector<std::vector<const LabelledArticle*>> topics;
  std::vector<std::vector<fingerprint::RawFingerprint>> raw;
  fingerprint::Fingerprinter fp(options.fingerprint);
  for (auto& [name, members] : by_topic) {
    out.topics.push_back(name);
    topics.push_back(members);
    raw.emplace_back();
    for (const LabelledArticle* a : members) raw.back().push_back(fp.Extract(a->article));
  }
  for (uint32_t t = 0; t < topics.size(); ++t) {
    const size_t n = topics[t].size();
    if (n < 2) continue;
    const Prepared p = Prepare(topics[t], raw[t], options);
    const double weight = 2.0 / (static_cast<double>(n) * static_cast<double>(n - 1));
    for (size_t i = 0; i < n; ++i) {
      for (size_t j = i + 1; j < n; ++j) {
        out.samples.push_back(
            {FeaturesOf(p, i, j, options), topics[t][i]->gold == topics[t][j]->gold, weight, t, t});
      }
    }
  }
  if (topics.size() < 2 || cross_pairs == 0) return out;
  for (uint32_t t = 0; t < topics.size(); ++t) {
    const uint32_t u = static_cast<uint32_t>((t + 1) % topics.size());
    std::vector<const LabelledArticle*> both(topics[t]);
    both.insert(both.end(), topics[u].begin(), topics[u].end());
    std::vector<fingerprint::RawFingerprint> both_raw(raw[t]);
    both_raw.insert(both_raw.end(), raw[u].begin(), raw[u].end());
    const Prepared p = Prepare(both, both_raw, options);
    const size_t n = topics[t].size();
    const size_t m = topics[u].size();
    // Every k-th of the n * m pairs, so the sample spreads over both topics.
    const size_t stride = std::max<size_t>(1, n * m / cross_pairs);
    const size_t taken = (n * m + stride - 1) / stride;
    for (size_t k = 0; k < n * m; k += stride) {
      out.samples.push_back({FeaturesOf(p, k / m, n + k % m, options), false,
                             cross_weight / static_cast<double>(taken), t, u});
    }
  }
  return out;
}

PairModel FitPairModel(const PairSamples& samples, const std::string& held_out, double l2) {
  uint32_t held = UINT32_MAX;
  for (uint32_t t = 0; t < samples.topics.size(); ++t) {
    if (samples.topics[t] == held_out) held = t;
  }
  std::vector<std::vector<double>> x;
  std::vector<double> y;
  std::vector<double> w;
  double total = 0;
  for (const PairSample& s : samples.samples) {
    if (s.topic_a == held || s.topic_b == held) continue;
    x.emplace_back(s.features.begin(), s.features.end());
    y.push_back(s.same_event ? 1.0 : 0.0);
    w.push_back(s.weight);
    total += s.weight;
  }
  // Weights summing to 1: `l2` means the same whatever the number of pairs.
  for (double& wi : w) wi /= total;
  const std::vector<double> beta = train::FitLogistic(x, y, w, l2, kBias);
  std::array<double, kPairFeatureCount> weights{};
  for (size_t k = 0; k < kPairFeatureCount && k < beta.size(); ++k) weights[k] = beta[k];
  return PairModel(weights, PairModel().merge_threshold());
}

}  // namespace newsfuse::cluster
