#include "eval/cluster_loto.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

#include "base/parallel_for.h"
#include "cluster/cluster_articles.h"
#include "cluster/story_clusterer.h"
#include "cluster/window_regrouper.h"
#include "fingerprint/fingerprinter.h"

namespace newsfuse::cluster {
namespace {

using fingerprint::RawFingerprint;

// Articles per batch when a topic is fed to the regrouper: small, so that
// most of a topic arrives after its stories have started.
constexpr size_t kRegroupBatch = 4;

struct Topic {
  std::string name;
  std::vector<Article> articles;  // in date order (undated last)
  std::vector<RawFingerprint> raw;
  std::vector<std::string> gold;
};

std::vector<std::string> Labels(const std::vector<StoryGroup>& groups, size_t n) {
  std::vector<std::string> labels(n);
  for (const StoryGroup& g : groups) {
    for (size_t i : g.members) labels[i] = g.id;
  }
  for (size_t i = 0; i < n; ++i) {
    if (labels[i].empty()) labels[i] = "left-out-" + std::to_string(i);
  }
  return labels;
}

std::vector<std::string> PredictRegroup(const Topic& t, const ClusterOptions& options) {
  WindowRegrouper regrouper(options);
  std::vector<int64_t> story_of(t.articles.size());
  std::unordered_map<std::string, size_t> index_of;
  int64_t next_story = 1;
  for (size_t begin = 0; begin < t.articles.size(); begin += kRegroupBatch) {
    const size_t end = std::min(t.articles.size(), begin + kRegroupBatch);
    regrouper.Propose(std::span(t.articles).subspan(begin, end - begin),
                      std::span(t.raw).subspan(begin, end - begin));
    for (size_t i = begin; i < end; ++i) {
      index_of[t.articles[i].id] = i;
      story_of[i] = regrouper.Place(i - begin, next_story);
      if (story_of[i] == next_story) ++next_story;
    }
    for (const WindowRegrouper::Move& m : regrouper.Settle(&next_story)) story_of[index_of[m.article_id]] = m.story;
  }
  std::vector<std::string> labels;
  for (int64_t s : story_of) labels.push_back("s" + std::to_string(s));
  return labels;
}

std::vector<std::string> PredictOnePass(const Topic& t, const ClusterOptions& options) {
  StoryClusterer clusterer(options);
  std::unordered_map<uint64_t, uint64_t> merged_into;
  clusterer.set_on_merged([&](uint64_t story, uint64_t into) { merged_into[story] = into; });
  std::vector<uint64_t> story_of;
  for (size_t i = 0; i < t.articles.size(); ++i) {
    story_of.push_back(clusterer.AssignFingerprint(t.articles[i], RawFingerprint(t.raw[i])).story_id);
  }
  clusterer.FreezeAll();
  std::vector<std::string> labels;
  for (uint64_t s : story_of) {
    for (auto it = merged_into.find(s); it != merged_into.end(); it = merged_into.find(s)) s = it->second;
    labels.push_back("s" + std::to_string(s));
  }
  return labels;
}

double ScoreTopic(const Topic& t, const ClusterOptions& options, LotoMode mode) {
  std::vector<std::string> predicted;
  switch (mode) {
    case LotoMode::kBatch:
      predicted = Labels(ClusterFingerprints(t.articles, t.raw, options), t.articles.size());
      break;
    case LotoMode::kRegroup:
      predicted = PredictRegroup(t, options);
      break;
    case LotoMode::kOnePass:
      predicted = PredictOnePass(t, options);
      break;
  }
  return ScoreClustering(t.gold, predicted).bcubed_f1;
}

std::vector<Topic> SplitByTopic(const std::vector<LabelledArticle>& articles, const ClusterOptions& base) {
  std::map<std::string, std::vector<const LabelledArticle*>> by_topic;
  for (const LabelledArticle& a : articles) by_topic[a.gold.substr(0, a.gold.find('_'))].push_back(&a);
  fingerprint::Fingerprinter fp(base.fingerprint);
  std::vector<Topic> topics;
  for (auto& [name, members] : by_topic) {
    auto key = [](const LabelledArticle* a) {
      return a->article.published ? a->article.published->ToString() : std::string("~");
    };
    std::stable_sort(members.begin(), members.end(), [&](auto* a, auto* b) { return key(a) < key(b); });
    Topic& t = topics.emplace_back();
    t.name = name;
    for (const LabelledArticle* a : members) {
      t.raw.push_back(fp.Extract(a->article));
      t.articles.push_back(WithoutBody(a->article));
      t.gold.push_back(a->gold);
    }
  }
  return topics;
}

// The report's mean, population standard deviation and minimum of its folds'
// B-cubed F1 (each topic counting once).
void SummariseFolds(LotoReport* report) {
  if (report->folds.empty()) return;
  double sum = 0;
  double sum_sq = 0;
  report->min_bcubed_f1 = 1;
  for (const LotoFold& fold : report->folds) {
    sum += fold.bcubed_f1;
    sum_sq += fold.bcubed_f1 * fold.bcubed_f1;
    report->min_bcubed_f1 = std::min(report->min_bcubed_f1, fold.bcubed_f1);
  }
  const double n = static_cast<double>(report->folds.size());
  report->mean_bcubed_f1 = sum / n;
  report->sd_bcubed_f1 = std::sqrt(std::max(0.0, sum_sq / n - report->mean_bcubed_f1 * report->mean_bcubed_f1));
}

}  // namespace

LotoReport LeaveOneTopicOut(const std::vector<LabelledArticle>& articles, const ClusterOptions& base,
                            LotoMode mode) {
  LotoReport report;
  const std::vector<Topic> topics = SplitByTopic(articles, base);
  if (topics.size() < 2) return report;
  // The cohesion test (ClusterOptions::cohesion_ratio): off, or each
  // ratio, least group size and way of combining the two groups' cohesion.
  struct Cohesion {
    float ratio;
    size_t min_articles;
    bool weighted_mean;
  };
  std::vector<Cohesion> cohesions = {{0.0f, 0, false}};
  if (mode != LotoMode::kOnePass) {
    for (float ratio : {0.6f, 0.7f, 0.8f, 0.9f}) {
      for (size_t min_articles : {3, 6, 10}) {
        for (bool weighted_mean : {false, true}) cohesions.push_back({ratio, min_articles, weighted_mean});
      }
    }
  }
  struct Point {
    float weight;
    float threshold;
    Cohesion cohesion;
  };
  std::vector<Point> grid;
  for (const Cohesion& c : cohesions) {
    for (float weight : {0.3f, 0.4f, 0.5f, 0.6f, 0.7f}) {
      for (int t = 10; t <= 30; ++t) grid.push_back({weight, static_cast<float>(t) / 100.0f, c});
    }
  }
  // score[p][t]: topic t clustered on its own at grid point p.
  std::vector<std::vector<double>> score(grid.size(), std::vector<double>(topics.size()));
  // Grid points on every core: each writes only its own row.
  base::ParallelFor(grid.size(), static_cast<unsigned>(base.threads), 1, [&](size_t p) {
    ClusterOptions o = base;
    o.threads = 1;
    if (mode == LotoMode::kOnePass) {
      o.stream_entity_weight = grid[p].weight;
      o.assign_threshold = grid[p].threshold;
    } else {
      o.entity_weight = grid[p].weight;
      o.merge_threshold = grid[p].threshold;
      o.cohesion_ratio = grid[p].cohesion.ratio;
      o.cohesion_min_articles = grid[p].cohesion.min_articles;
      o.cohesion_weighted_mean = grid[p].cohesion.weighted_mean;
    }
    for (size_t t = 0; t < topics.size(); ++t) score[p][t] = ScoreTopic(topics[t], o, mode);
  });
  for (size_t held = 0; held < topics.size(); ++held) {
    // The grid point with the best mean over the other topics; the first
    // (cohesion test off, or the lowest ratio; then the lowest weight, then
    // threshold) on a tie.
    size_t best = 0;
    double best_mean = -1;
    for (size_t p = 0; p < grid.size(); ++p) {
      double s = 0;
      for (size_t t = 0; t < topics.size(); ++t) {
        if (t != held) s += score[p][t];
      }
      const double mean = s / static_cast<double>(topics.size() - 1);
      if (mean > best_mean + 1e-12) {
        best_mean = mean;
        best = p;
      }
    }
    const double f1 = score[best][held];
    const Point& chosen = grid[best];
    report.folds.push_back(LotoFold{topics[held].name, topics[held].articles.size(), chosen.weight,
                                    chosen.threshold, chosen.cohesion.ratio, chosen.cohesion.min_articles,
                                    chosen.cohesion.weighted_mean, f1});
  }
  SummariseFolds(&report);
  return report;
}

LotoReport LeaveOneTopicOutLearnt(const std::vector<LabelledArticle>& articles, const ClusterOptions& base,
                                  LotoMode mode, const PairModelFit& fit, const std::vector<float>& thresholds) {
  if (mode == LotoMode::kOnePass) return LeaveOneTopicOut(articles, base, mode);
  LotoReport report;
  const std::vector<Topic> topics = SplitByTopic(articles, base);
  if (topics.size() < 2 || thresholds.empty()) return report;
  for (size_t held = 0; held < topics.size(); ++held) {
    const PairModel model = fit(topics[held].name);
    ClusterOptions o = base;
    o.threads = 1;
    o.pair_model = &model;
    // The threshold with the best mean over the other topics; the lowest on a tie.
    size_t best = 0;
    double best_mean = -1;
    for (size_t p = 0; p < thresholds.size(); ++p) {
      o.merge_threshold = thresholds[p];
      double s = 0;
      for (size_t t = 0; t < topics.size(); ++t) {
        if (t != held) s += ScoreTopic(topics[t], o, mode);
      }
      const double mean = s / static_cast<double>(topics.size() - 1);
      if (mean > best_mean + 1e-12) {
        best_mean = mean;
        best = p;
      }
    }
    o.merge_threshold = thresholds[best];
    const double f1 = ScoreTopic(topics[held], o, mode);
    LotoFold fold;
    fold.topic = topics[held].name;
    fold.articles = topics[held].articles.size();
    fold.threshold = thresholds[best];
    fold.cohesion_ratio = o.cohesion_ratio;
    fold.cohesion_min_articles = o.cohesion_min_articles;
    fold.cohesion_weighted_mean = o.cohesion_weighted_mean;
    fold.bcubed_f1 = f1;
    report.folds.push_back(fold);
  }
  SummariseFolds(&report);
  return report;
}

}  // namespace newsfuse::cluster
