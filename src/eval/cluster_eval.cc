#include "eval/cluster_eval.h"

#include <simdjson.h>

#include <algorithm>
#include <map>
#include <unordered_map>

#include "base/file_io.h"
#include "base/strings.h"
#include "cluster/cluster_articles.h"
#include "cluster/story_clusterer.h"
#include "ingest/article_parser.h"

namespace newsfuse::cluster {
namespace {

Status LineError(std::string_view source, size_t line, std::string_view problem) {
  return Status::DataLoss(source, "line " + std::to_string(line) + ": " + std::string(problem));
}

// Calls fn(line_no, object) for each non-blank line of a JSON Lines file and
// stops at the first error fn returns; a line that is not a JSON object is an
// error naming the file and line.
template <typename Fn>
Status ForEachJsonObjectLine(const std::string& path, Fn&& fn) {
  Result<std::string> contents = base::ReadFile(path, 1ull << 30);
  if (!contents.ok()) return contents.status();
  simdjson::dom::parser parser;
  size_t line_no = 0;
  for (std::string_view line : base::SplitLines(*contents)) {
    ++line_no;
    line = base::Trim(line);
    if (line.empty()) continue;
    simdjson::padded_string padded(line);
    simdjson::dom::element doc;
    simdjson::dom::object obj;
    if (parser.parse(padded).get(doc) != simdjson::SUCCESS ||
        doc.get_object().get(obj) != simdjson::SUCCESS) {
      return LineError(path, line_no, "not a JSON object");
    }
    if (Status s = fn(line_no, obj); !s.ok()) return s;
  }
  return Status::Ok();
}

std::optional<std::string> OptionalField(simdjson::dom::object& obj, std::string_view key) {
  std::string_view sv;
  if (obj[key].get_string().get(sv) == simdjson::SUCCESS) return std::string(sv);
  return std::nullopt;
}

void AddParagraphs(std::string_view text, Article* article) {
  for (std::string_view line : base::SplitLines(text)) {
    line = base::Trim(line);
    if (!line.empty()) {
      Paragraph p;
      p.text = std::string(line);
      article->paragraphs.push_back(std::move(p));
    }
  }
}

double F1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0; }

}  // namespace

ClusteringScores ScoreClustering(const std::vector<std::string>& gold,
                                 const std::vector<std::string>& predicted) {
  ClusteringScores s;
  const size_t n = gold.size();
  if (n == 0 || predicted.size() != n) return s;
  std::map<std::pair<std::string, std::string>, double> contingency;
  std::unordered_map<std::string, double> gold_size;
  std::unordered_map<std::string, double> pred_size;
  for (size_t i = 0; i < n; ++i) {
    contingency[{gold[i], predicted[i]}] += 1;
    gold_size[gold[i]] += 1;
    pred_size[predicted[i]] += 1;
  }
  auto choose2 = [](double x) { return x * (x - 1) / 2; };
  double bp = 0, br = 0, tp = 0, pred_pairs = 0, gold_pairs = 0;
  for (const auto& [key, v] : contingency) {
    bp += v * v / pred_size[key.second];
    br += v * v / gold_size[key.first];
    tp += choose2(v);
  }
  for (const auto& [k, v] : pred_size) pred_pairs += choose2(v);
  for (const auto& [k, v] : gold_size) gold_pairs += choose2(v);
  s.bcubed_precision = bp / n;
  s.bcubed_recall = br / n;
  s.bcubed_f1 = F1(s.bcubed_precision, s.bcubed_recall);
  s.pairwise_precision = pred_pairs > 0 ? tp / pred_pairs : 0;
  s.pairwise_recall = gold_pairs > 0 ? tp / gold_pairs : 0;
  s.pairwise_f1 = F1(s.pairwise_precision, s.pairwise_recall);
  s.gold_clusters = gold_size.size();
  s.predicted_clusters = pred_size.size();
  return s;
}

Result<std::vector<LabelledArticle>> ReadEcbPlus(const std::string& path) {
  std::vector<LabelledArticle> out;
  Status st = ForEachJsonObjectLine(path, [&](size_t line_no, simdjson::dom::object obj) -> Status {
    LabelledArticle a;
    std::optional<std::string> id = OptionalField(obj, "id");
    std::optional<std::string> cluster = OptionalField(obj, "cluster");
    std::optional<std::string> text = OptionalField(obj, "text");
    if (!id || !cluster || !text) {
      return LineError(path, line_no, "needs string fields \"id\", \"cluster\" and \"text\"");
    }
    // Read as `cluster` and `ingest` read a JSONL line (ingest/article_parser.h),
    // so that what is scored here is what they group: the body's repeat of
    // the headline dropped, for one (a Title Case line would otherwise be
    // read as a run of names). ECB+ names the date "date".
    ingest::MetadataFields meta;
    meta.id = *id;
    meta.outlet = OptionalField(obj, "source");
    meta.url = OptionalField(obj, "url");
    meta.title = OptionalField(obj, "title");
    if (auto date = OptionalField(obj, "date")) meta.published = ParseIsoDate(*date);
    meta.language = "en";
    Result<Article> article = ingest::ParseArticleText(meta, path + ":" + std::to_string(line_no), *text);
    if (!article.ok()) return article.status();
    a.article = std::move(*article);
    a.gold = *cluster;
    a.split = OptionalField(obj, "split").value_or("");
    out.push_back(std::move(a));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

std::vector<std::string> PredictBatch(const std::vector<LabelledArticle>& articles,
                                      const ClusterOptions& options) {
  std::vector<Article> plain;
  plain.reserve(articles.size());
  for (const LabelledArticle& a : articles) plain.push_back(a.article);
  std::vector<std::string> labels(articles.size());
  for (const StoryGroup& g : ClusterArticles(plain, options)) {
    for (size_t i : g.members) labels[i] = g.id;
  }
  // Left-out articles (repeated ids) are their own stories.
  for (size_t i = 0; i < labels.size(); ++i) {
    if (labels[i].empty()) labels[i] = "left-out-" + std::to_string(i);
  }
  return labels;
}

std::vector<std::string> PredictStream(const std::vector<LabelledArticle>& articles,
                                       const ClusterOptions& options) {
  std::vector<size_t> order(articles.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  auto key = [&](size_t i) {
    const auto& p = articles[i].article.published;
    return p ? p->ToString() : std::string("~");  // undated after the dated
  };
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return key(a) < key(b); });
  StoryClusterer clusterer(options);
  // The merge pass folds stories together after their articles were
  // assigned: follow each story to where it ended up.
  std::unordered_map<uint64_t, uint64_t> merged_into;
  clusterer.set_on_merged([&](uint64_t story, uint64_t into) { merged_into[story] = into; });
  std::vector<uint64_t> story_of(articles.size());
  for (size_t i : order) story_of[i] = clusterer.Assign(articles[i].article).story_id;
  clusterer.FreezeAll();
  std::vector<std::string> labels(articles.size());
  for (size_t i = 0; i < articles.size(); ++i) {
    uint64_t s = story_of[i];
    for (auto it = merged_into.find(s); it != merged_into.end(); it = merged_into.find(s)) s = it->second;
    labels[i] = "s" + std::to_string(s);
  }
  return labels;
}

namespace {
// ECB+ gold labels are "<topic>_<ecb|ecbplus>".
std::string TopicOf(const std::string& gold) { return gold.substr(0, gold.find('_')); }
}  // namespace

double TopicByTopicBcubedF1(const std::vector<LabelledArticle>& articles,
                            const ClusterOptions& options, bool stream) {
  std::map<std::string, std::vector<LabelledArticle>> by_topic;
  for (const LabelledArticle& a : articles) by_topic[TopicOf(a.gold)].push_back(a);
  double sum = 0;
  for (const auto& [topic, members] : by_topic) {
    std::vector<std::string> gold;
    for (const LabelledArticle& a : members) gold.push_back(a.gold);
    std::vector<std::string> pred =
        stream ? PredictStream(members, options) : PredictBatch(members, options);
    sum += ScoreClustering(gold, pred).bcubed_f1 * static_cast<double>(members.size());
  }
  return articles.empty() ? 0 : sum / static_cast<double>(articles.size());
}

TunedOptions TuneOnTrain(const std::vector<LabelledArticle>& train, const ClusterOptions& base,
                         bool stream) {
  std::vector<std::string> gold;
  for (const LabelledArticle& a : train) gold.push_back(a.gold);
  TunedOptions best;
  best.options = base;
  best.train_bcubed_f1 = -1;
  double best_objective = -1;
  for (float entity_weight : {0.3f, 0.4f, 0.5f, 0.6f, 0.7f}) {
    for (int t = 10; t <= 30; ++t) {
      ClusterOptions o = base;
      (stream ? o.stream_entity_weight : o.entity_weight) = entity_weight;
      const float threshold = static_cast<float>(t) / 100.0f;
      (stream ? o.assign_threshold : o.merge_threshold) = threshold;
      std::vector<std::string> pred = stream ? PredictStream(train, o) : PredictBatch(train, o);
      const double f1 = ScoreClustering(gold, pred).bcubed_f1;
      // Half the whole split, half its topics one at a time: a corpus of
      // twenty articles (two twin events) is what `brief` often gets, and
      // there document frequencies say least.
      const double objective = 0.5 * f1 + 0.5 * TopicByTopicBcubedF1(train, o, stream);
      if (objective > best_objective) {
        best_objective = objective;
        best.train_bcubed_f1 = f1;
        best.train_objective = objective;
        best.options = o;
      }
    }
  }
  return best;
}

Result<PairSet> ReadTgContestPairs(const std::string& path, std::string_view language) {
  PairSet set;
  std::unordered_map<std::string, size_t> by_url;
  Status st = ForEachJsonObjectLine(path, [&](size_t line_no, simdjson::dom::object obj) -> Status {
    if (OptionalField(obj, "lang").value_or("") != language) return Status::Ok();
    int64_t label = 0;
    if (obj["label"].get_int64().get(label) != simdjson::SUCCESS) {
      return LineError(path, line_no, "no integer field \"label\"");
    }
    size_t index[2];
    const char* sides[2] = {"first", "second"};
    for (int k = 0; k < 2; ++k) {
      simdjson::dom::object side;
      if (obj[sides[k]].get_object().get(side) != simdjson::SUCCESS) {
        return LineError(path, line_no, std::string("no object field \"") + sides[k] + "\"");
      }
      std::string url = OptionalField(side, "url").value_or("");
      std::string key = url.empty() ? std::to_string(line_no) + sides[k] : url;
      auto [it, inserted] = by_url.emplace(key, set.articles.size());
      if (inserted) {
        Article a;
        a.id = key;
        a.origin = path + ":" + std::to_string(line_no);
        a.url = url;
        a.title = OptionalField(side, "title");
        a.language = std::string(language);
        AddParagraphs(OptionalField(side, "text").value_or(""), &a);
        set.articles.push_back(std::move(a));
      }
      index[k] = it->second;
    }
    set.pairs.push_back({index[0], index[1], label == 1});
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return set;
}

PairScores ScorePairs(const PairSet& set, const ClusterOptions& options) {
  std::vector<size_t> story(set.articles.size(), SIZE_MAX);
  std::vector<StoryGroup> groups = ClusterArticles(set.articles, options);
  for (size_t g = 0; g < groups.size(); ++g) {
    for (size_t i : groups[g].members) story[i] = g;
  }
  PairScores s;
  size_t tp = 0, fp = 0, fn = 0;
  for (const PairSet::Pair& p : set.pairs) {
    bool same = story[p.first] != SIZE_MAX && story[p.first] == story[p.second];
    ++s.pairs;
    s.correct += same == p.same_story;
    tp += same && p.same_story;
    fp += same && !p.same_story;
    fn += !same && p.same_story;
  }
  s.accuracy = s.pairs ? static_cast<double>(s.correct) / s.pairs : 0;
  s.precision = tp + fp ? static_cast<double>(tp) / (tp + fp) : 0;
  s.recall = tp + fn ? static_cast<double>(tp) / (tp + fn) : 0;
  s.f1 = F1(s.precision, s.recall);
  return s;
}

}  // namespace newsfuse::cluster
