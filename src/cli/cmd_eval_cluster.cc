// `newsfuse eval cluster [FILE]`: story clustering on ECB+ (train/dev),
// thresholds tuned on train only, B-cubed and pairwise scores on dev.
// `newsfuse eval cluster-pairs [FILE]`: same-story accuracy on the English
// Telegram-contest pairs, with the options tuned on ECB+ train.
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>

#include "base/repo_path.h"
#include "cli/commands.h"
#include "eval/cluster_eval.h"
#include "eval/cluster_loto.h"
#include "extract/entity_tagger.h"
#include "extract/tagged_entity_source.h"
#include "train/pair_model_trainer.h"

namespace newsfuse::cli {
namespace {

// Measured by the data set's README on the held-out test split (TF-IDF
// cosine, average link, threshold tuned on dev); not a dev figure.
constexpr char kReference[] =
    "[reference: TF-IDF cosine + average link, B3 F1 0.869 on the test split]";

void PrintScores(const char* label, const cluster::ClusteringScores& s) {
  std::printf("%s (%zu gold stories, %zu predicted)\n", label, s.gold_clusters,
              s.predicted_clusters);
  std::printf("  B-cubed   P %.3f  R %.3f  F1 %.3f\n", s.bcubed_precision, s.bcubed_recall,
              s.bcubed_f1);
  std::printf("  pairwise  P %.3f  R %.3f  F1 %.3f\n", s.pairwise_precision, s.pairwise_recall,
              s.pairwise_f1);
}

std::vector<cluster::LabelledArticle> Split(const std::vector<cluster::LabelledArticle>& all,
                                            const std::string& split) {
  std::vector<cluster::LabelledArticle> out;
  for (const auto& a : all) {
    if (a.split == split) out.push_back(a);
  }
  return out;
}

std::vector<std::string> Gold(const std::vector<cluster::LabelledArticle>& articles) {
  std::vector<std::string> gold;
  for (const auto& a : articles) gold.push_back(a.gold);
  return gold;
}

void PrintLoto(const char* label, const cluster::LotoReport& r, bool folds) {
  std::printf("%s: B-cubed F1 %.3f +- %.3f over %zu topics (min %.3f)\n", label, r.mean_bcubed_f1,
              r.sd_bcubed_f1, r.folds.size(), r.min_bcubed_f1);
  if (!folds) return;
  for (const cluster::LotoFold& f : r.folds) {
    std::printf("  topic %-4s %3zu articles  weight %.2f threshold %.2f  cohesion %.2f %-4s %2zu+  B3 F1 %.3f\n",
                f.topic.c_str(), f.articles, f.entity_weight, f.threshold, f.cohesion_ratio,
                f.cohesion_weighted_mean ? "mean" : "min", f.cohesion_min_articles, f.bcubed_f1);
  }
}

// The learnt pair similarity fitted on the train split's topics, its merge
// threshold chosen there as TuneOnTrain chooses (the mean of the whole
// split's B-cubed F1 and the topic-by-topic one), then the dev split
// clustered at once: the figure to set against the hand weights' dev score.
void PrintLearntDev(const std::vector<cluster::LabelledArticle>& all, const cluster::ClusterOptions& base,
                    const std::vector<float>& thresholds) {
  const std::vector<cluster::LabelledArticle> train = Split(all, "train");
  const std::vector<cluster::LabelledArticle> dev = Split(all, "dev");
  if (train.empty() || dev.empty()) return;
  const cluster::PairModel fitted = cluster::FitPairModel(cluster::CollectPairSamples(train, base), "");
  cluster::ClusterOptions o = base;
  o.pair_model = &fitted;
  double best_objective = -1;
  float best = thresholds.front();
  for (float t : thresholds) {
    o.merge_threshold = t;
    const double whole = cluster::ScoreClustering(Gold(train), cluster::PredictBatch(train, o)).bcubed_f1;
    const double objective = (whole + cluster::TopicByTopicBcubedF1(train, o, /*stream=*/false)) / 2;
    if (objective > best_objective + 1e-12) {
      best_objective = objective;
      best = t;
    }
  }
  o.merge_threshold = best;
  const cluster::PairModel model(fitted.weights(), best);
  std::printf("learnt pair similarity fitted on train, merge_threshold %.2f (tuning objective %.4f):\n", best,
              best_objective);
  PrintScores("dev", cluster::ScoreClustering(Gold(dev), cluster::PredictBatch(dev, o)));
  std::printf("%s", model.ToText("Fitted on the ECB+ train topics (eval cluster --pair-model learnt).").c_str());
}

// Leave-one-topic-out with the learnt pair similarity: each fold's model
// fitted on the other topics' pairs (train/pair_model_trainer.h), its merge
// threshold chosen on them from 0.05 to 0.95.
void RunLotoLearnt(const std::vector<cluster::LabelledArticle>& all, const cluster::ClusterOptions& base,
                   bool folds) {
  const cluster::PairSamples samples = cluster::CollectPairSamples(all, base);
  std::printf("leave-one-topic-out, learnt pair similarity (%zu training pairs over %zu topics; each fold's "
              "model fitted without its topic, threshold chosen on the other topics):\n",
              samples.samples.size(), samples.topics.size());
  const cluster::PairModelFit fit = [&](const std::string& held) { return cluster::FitPairModel(samples, held); };
  std::vector<float> thresholds;
  for (int t = 5; t <= 95; t += 5) thresholds.push_back(static_cast<float>(t) / 100.0f);
  PrintLoto("batch (ClusterArticles)",
            cluster::LeaveOneTopicOutLearnt(all, base, cluster::LotoMode::kBatch, fit, thresholds), folds);
  PrintLoto("stream (window regrouper, batches of 4, as ingest)",
            cluster::LeaveOneTopicOutLearnt(all, base, cluster::LotoMode::kRegroup, fit, thresholds), folds);
  PrintLearntDev(all, base, thresholds);
}

// Leave-one-topic-out over every labelled article (train and dev alike).
void RunLoto(const std::vector<cluster::LabelledArticle>& all, const cluster::ClusterOptions& base, bool folds,
             bool learnt) {
  if (learnt) {
    RunLotoLearnt(all, base, folds);
    return;
  }
  std::printf("leave-one-topic-out (each topic clustered on its own, weight and threshold, and for batch and "
              "stream the cohesion test, chosen on the other topics):\n");
  PrintLoto("batch (ClusterArticles)", cluster::LeaveOneTopicOut(all, base, cluster::LotoMode::kBatch), folds);
  PrintLoto("stream (window regrouper, batches of 4, as ingest)",
            cluster::LeaveOneTopicOut(all, base, cluster::LotoMode::kRegroup), folds);
  PrintLoto("one-pass stream (StoryClusterer, cluster --stream)",
            cluster::LeaveOneTopicOut(all, base, cluster::LotoMode::kOnePass), folds);
}

int RunEvalCluster(const std::string& path, bool stream_too, bool loto_only, bool folds, bool learnt,
                   const cluster::ClusterOptions& base) {
  Result<std::vector<cluster::LabelledArticle>> all = cluster::ReadEcbPlus(path);
  if (!all.ok()) {
    PrintError(all.status());
    return 1;
  }
  if (loto_only) {
    std::printf("ecb+ %s: %zu articles\n", path.c_str(), all->size());
    RunLoto(*all, base, folds, learnt);
    return 0;
  }
  std::vector<cluster::LabelledArticle> train = Split(*all, "train");
  std::vector<cluster::LabelledArticle> dev = Split(*all, "dev");
  if (train.empty() || dev.empty()) {
    PrintError(Status::InvalidArgument(path, "needs articles with split \"train\" and \"dev\""));
    return 1;
  }
  cluster::TunedOptions tuned = cluster::TuneOnTrain(train, base, /*stream=*/false);
  std::printf("ecb+ %s: train %zu articles, dev %zu articles\n", path.c_str(), train.size(),
              dev.size());
  std::printf("batch (ClusterArticles, average link), tuned on train: entity_weight %.2f "
              "merge_threshold %.2f (train B3 F1 %.3f, tuning objective %.4f)\n",
              tuned.options.entity_weight, tuned.options.merge_threshold,
              tuned.train_bcubed_f1, tuned.train_objective);
  PrintScores("dev", cluster::ScoreClustering(Gold(dev), cluster::PredictBatch(dev, tuned.options)));
  std::printf("  dev topic by topic (small corpora of two twin events): B-cubed F1 %.3f\n",
              cluster::TopicByTopicBcubedF1(dev, tuned.options, /*stream=*/false));
  if (stream_too) {
    cluster::TunedOptions st = cluster::TuneOnTrain(train, base, /*stream=*/true);
    std::printf("stream (StoryClusterer, one pass in date order), tuned on train: entity_weight "
                "%.2f assign_threshold %.2f (train B3 F1 %.3f, tuning objective %.4f)\n",
                st.options.stream_entity_weight, st.options.assign_threshold, st.train_bcubed_f1,
                st.train_objective);
    PrintScores("dev", cluster::ScoreClustering(Gold(dev), cluster::PredictStream(dev, st.options)));
    std::printf("  dev topic by topic: B-cubed F1 %.3f\n",
                cluster::TopicByTopicBcubedF1(dev, st.options, /*stream=*/true));
  }
  RunLoto(*all, base, folds, learnt);
  std::printf("%s\n", kReference);
  return 0;
}

int RunEvalClusterPairs(const std::string& pairs_path, const std::string& ecb_path,
                        const std::string& language) {
  Result<cluster::PairSet> set = cluster::ReadTgContestPairs(pairs_path, language);
  if (!set.ok()) {
    PrintError(set.status());
    return 1;
  }
  cluster::ClusterOptions options;
  Result<std::vector<cluster::LabelledArticle>> all = cluster::ReadEcbPlus(ecb_path);
  if (all.ok()) {
    cluster::TunedOptions tuned = cluster::TuneOnTrain(Split(*all, "train"), options, false);
    options = tuned.options;
    std::printf("options tuned on ECB+ train: entity_weight %.2f merge_threshold %.2f\n",
                options.entity_weight, options.merge_threshold);
  } else {
    std::printf("ECB+ not readable (%s): default options\n", all.status().ToString().c_str());
  }
  cluster::PairScores s = cluster::ScorePairs(*set, options);
  std::printf("tgcontest pairs (%s): %zu pairs over %zu articles clustered together\n",
              language.c_str(), s.pairs, set->articles.size());
  std::printf("  accuracy %.3f (%zu/%zu)  same-story P %.3f  R %.3f  F1 %.3f\n", s.accuracy,
              s.correct, s.pairs, s.precision, s.recall, s.f1);
  return 0;
}

}  // namespace

void RegisterEvalCluster(CLI::App& eval) {
  auto path = std::make_shared<std::string>(
                                            "../shared/data/clustering/ecbplus/ecbplus_train_dev.jsonl");
  auto stream = std::make_shared<bool>(false);
  CLI::App* cmd = eval.add_subcommand(
      "cluster", "story clustering on ECB+: tune on train, B-cubed and pairwise F1 on dev");
  cmd->add_option("file", *path, "ECB+ JSONL (id, title, text, date, cluster, split)")
      ->capture_default_str();
  cmd->add_flag("--stream", *stream, "also score the streaming clusterer");
  auto loto = std::make_shared<bool>(false);
  auto folds = std::make_shared<bool>(false);
  cmd->add_flag("--loto", *loto, "only the leave-one-topic-out cross-validation (train and dev topics)");
  cmd->add_flag("--folds", *folds, "print each leave-one-topic-out fold");
  // Knobs that are not tuned inside (each value is one run; compare the
  // printed train objectives, never the dev figures).
  auto base = std::make_shared<cluster::ClusterOptions>();
  cmd->add_option("--protagonist-factor", base->protagonist_conflict_factor,
                  "similarity factor for a protagonist conflict (1: off)")
      ->capture_default_str();
  cmd->add_option("--protagonist-ratio", base->protagonist_mention_ratio,
                  "share of its own protagonist's mentions above which an article "
                  "'mentions' another's")
      ->capture_default_str();
  // The cohesion test: chosen per fold inside --loto; these set it for the
  // train tuning and the dev figures.
  cmd->add_option("--cohesion-ratio", base->cohesion_ratio,
                  "merge two groups only at this share of their cohesion or more (0: off)")
      ->capture_default_str();
  cmd->add_option("--cohesion-min-articles", base->cohesion_min_articles,
                  "articles each group needs for the cohesion test")
      ->capture_default_str();
  cmd->add_option("--cohesion-weighted-mean", base->cohesion_weighted_mean,
                  "cohesion of a pair of groups: true, their mean weighed by size; false, the lower")
      ->capture_default_str();
  cmd->add_option("--protagonist-merge", base->protagonist_merge_threshold,
                  "average link at which two stories of one protagonist join (0: off)")
      ->capture_default_str();
  cmd->add_option("--stream-merge-threshold", base->stream_merge_threshold,
                  "stream: average link at which a leaving story joins an open one (0: off)")
      ->capture_default_str();
  cmd->add_option("--background-documents", base->fingerprint.background_documents,
                  "IDF prior: documents assumed seen besides the input's")
      ->capture_default_str();
  cmd->add_option("--title-weight", base->fingerprint.title_weight, "weight of a headline word")
      ->capture_default_str();
  cmd->add_option("--lead-weight", base->fingerprint.lead_weight, "weight of a lead word or name")
      ->capture_default_str();
  cmd->add_option("--lead-sentences", base->fingerprint.lead_sentences, "sentences in the lead")
      ->capture_default_str();
  auto pair_model = std::make_shared<std::string>("hand");
  cmd->add_option("--pair-model", *pair_model,
                  "pair similarity of the leave-one-topic-out folds: hand (the weighted mix) or learnt "
                  "(a logistic model fitted on each fold's other topics; batch and regrouper only)")
      ->check(CLI::IsMember({"hand", "learnt"}))
      ->capture_default_str();
  auto entities = std::make_shared<std::string>("proxy");
  cmd->add_option("--entities", *entities,
                  "names in fingerprints: proxy (capitalised words), tagger (NER model instead), "
                  "proxy+persons (the tagger's PERSON names added to the proxy's)")
      ->check(CLI::IsMember({"proxy", "tagger", "proxy+persons"}))
      ->capture_default_str();
  cmd->callback([path, stream, loto, folds, base, entities, pair_model] {
    std::unique_ptr<extract::EntityTagger> tagger;
    std::unique_ptr<extract::TaggedEntitySource> names;
    cluster::ClusterOptions options = *base;
    if (*entities != "proxy") {
      Result<std::unique_ptr<extract::EntityTagger>> loaded =
          extract::EntityTagger::Load(extract::EntityTagger::DefaultModelPath());
      if (!loaded.ok()) {
        PrintError(loaded.status());
        ExitWith(1);
        return;
      }
      tagger = std::move(*loaded);
      const bool adds = *entities == "proxy+persons";
      names = std::make_unique<extract::TaggedEntitySource>(*tagger, /*persons_only=*/adds,
                                                            options.fingerprint.lead_sentences,
                                                            options.fingerprint.lead_weight);
      options.fingerprint.entity_source = names.get();
      options.fingerprint.entity_source_adds = adds;
    }
    ExitWith(RunEvalCluster(base::FindRepoPath(*path), *stream, *loto, *folds, *pair_model == "learnt", options));
  });

  auto pairs = std::make_shared<std::string>(
                                             "../shared/data/clustering/tgcontest_pairs/pairs.jsonl");
  auto ecb = std::make_shared<std::string>(*path);
  auto lang = std::make_shared<std::string>("en");
  CLI::App* p = eval.add_subcommand("cluster-pairs",
                                    "same-story accuracy on the Telegram contest pairs");
  p->add_option("file", *pairs, "pairs.jsonl")->capture_default_str();
  p->add_option("--ecb", *ecb, "ECB+ JSONL whose train split tunes the options")
      ->capture_default_str();
  p->add_option("--lang", *lang, "language of the pairs to score")->capture_default_str();
  p->callback([pairs, ecb, lang] {
    ExitWith(RunEvalClusterPairs(base::FindRepoPath(*pairs), base::FindRepoPath(*ecb), *lang));
  });
}

}  // namespace newsfuse::cli
