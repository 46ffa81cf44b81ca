// `newsfuse eval entities [DIR] [--corpus ecbplus|meantime]`: scores the
// story-level entity resolution as cross-document coreference of named
// mentions on ECB+ (default: the shared copy, dev topics) or MEANTIME (all
// four topics) and prints MUC, B-cubed, CEAF-e and CoNLL F1. Which mentions
// count is in eval/entity_coref_eval.h and printed.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "base/repo_path.h"
#include "cli/commands.h"
#include "eval/entity_coref_eval.h"
#include "eval/entity_resolution_cv.h"
#include "extract/entity_tagger.h"
#include "extract/place_gazetteer.h"

namespace newsfuse::cli {
namespace {

struct EvalEntitiesFlags {
  std::string corpus = "ecbplus";
  std::string dir;  // default: the corpus's shared copy
  std::string topics = "dev";
  std::string model;
  bool cv = false;
  int errors = 0;  // print this many of the most frequent missed and spurious wordings
  std::vector<std::string> options;  // "knob=value" over the resolution's defaults
};

// The resolution's options: the defaults with each "knob=value" of `settings`
// applied (the knobs of eval::ResolutionKnobs()).
Result<synthesize::ResolutionOptions> ParseOptions(const std::vector<std::string>& settings) {
  synthesize::ResolutionOptions o;
  const auto knobs = eval::ResolutionKnobs();
  for (const std::string& s : settings) {
    const size_t eq = s.find('=');
    const std::string name = s.substr(0, eq);
    auto knob = std::find_if(knobs.begin(), knobs.end(), [&](const auto& k) { return k.name == name; });
    char* end = nullptr;
    const double value = eq == std::string::npos ? 0 : std::strtod(s.c_str() + eq + 1, &end);
    if (knob == knobs.end() || eq == std::string::npos || end == s.c_str() + eq + 1 || *end != '\0') {
      return Status::InvalidArgument("--option", "'" + s + "' is not KNOB=NUMBER with a knob that --cv lists");
    }
    knob->Set(o, value);
  }
  return o;
}

std::string Pct(double x) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%5.1f", 100 * x);
  return buf;
}

void PrintLine(const char* name, const eval::PrfCounts& c) {
  std::cout << "  " << name << "  R " << Pct(c.Recall()) << "  P " << Pct(c.Precision()) << "  F1 " << Pct(c.F1())
            << "\n";
}

void PrintScores(const char* title, const eval::CorefScores& s) {
  std::cout << title << "\n";
  PrintLine("MUC   ", s.muc);
  PrintLine("B3    ", s.b3);
  PrintLine("CEAF-e", s.ceafe);
  std::cout << "  CoNLL F1 " << Pct(s.ConllF1()) << "\n";
}

// The published entity figures the shared README names, with where they were
// looked for: printed as a reference, never as a like-for-like comparison.
void PrintPublished() {
  std::cout
      << "published references (a DIFFERENT protocol: ECB+ test topics 36-45, ALL gold entity mentions incl.\n"
      << "pronouns and nominals, mostly gold mentions; see ../shared/data/coref/README.md):\n"
      << "  Barhom et al. 2019 (ACL, P19-1409), entity CoNLL F1: not printed, the figure was not found in the\n"
      << "    stored copies of its repository README (shanybar/event_entity_coref_ecb_plus) or pages searched\n"
      << "  Cattan et al. 2021 (Findings of ACL, 2106.01210), entity CoNLL F1: not printed, not found in the\n"
      << "    stored copies of its repository README (ariecattan/coref) or pages searched\n"
      << "  so compare only the protocol, not a number\n";
}

std::string Num(double x) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%g", x);
  return buf;
}

std::string Options(const std::vector<eval::ResolutionKnob>& knobs, const synthesize::ResolutionOptions& o) {
  std::string out;
  for (const auto& k : knobs) out += (out.empty() ? "" : " ") + k.name + "=" + Num(k.Get(o));
  return out;
}

// Mean and standard deviation of the per-topic differences chosen - defaults.
void PrintSpread(const eval::ResolutionCvResult& cv) {
  const size_t n = cv.topic_f1_chosen.size();
  double sum = 0, sq = 0, lo = 0, hi = 0;
  int better = 0, worse = 0;
  for (size_t t = 0; t < n; ++t) {
    const double d = 100 * (cv.topic_f1_chosen[t] - cv.topic_f1_defaults[t]);
    sum += d, sq += d * d;
    lo = std::min(lo, d), hi = std::max(hi, d);
    better += d > 1e-9, worse += d < -1e-9;
  }
  const double mean = n ? sum / n : 0;
  const double sd = n > 1 ? std::sqrt(std::max(0.0, (sq - n * mean * mean) / (n - 1))) : 0;
  std::cout << "  per held-out topic, chosen - defaults (CoNLL F1 points): mean " << Num(std::round(mean * 100) / 100)
            << ", sd " << Num(std::round(sd * 100) / 100) << ", min " << Num(std::round(lo * 10) / 10) << ", max "
            << Num(std::round(hi * 10) / 10) << "; better on " << better << ", worse on " << worse << ", equal on "
            << (n - better - worse) << " of " << n << " topics\n";
}

// The `n` most frequent wordings of `counts`, most frequent first.
void PrintTop(const char* title, const std::map<std::string, int>& counts, int n) {
  std::vector<std::pair<int, std::string>> sorted;
  int total = 0;
  for (const auto& [w, c] : counts) sorted.emplace_back(-c, w), total += c;
  std::sort(sorted.begin(), sorted.end());
  std::cout << title << " (" << total << " mentions, " << counts.size() << " wordings):";
  for (int i = 0; i < n && i < static_cast<int>(sorted.size()); ++i) {
    std::cout << (i ? ", " : " ") << sorted[i].second << " " << -sorted[i].first;
  }
  std::cout << "\n";
}

// --cv: leave-one-topic-out over the ECB+ train topics (eval/entity_resolution_cv.h),
// then the chosen options beside the defaults on ECB+ dev and MEANTIME.
int RunCrossValidation(const extract::EntityTagger& tagger, const extract::PlaceGazetteer& places,
                       const EvalEntitiesFlags& flags) {
  auto train = eval::AnalyzeEcbTopics(tagger, flags.dir, eval::EcbTrainTopics());
  if (!train.ok()) {
    PrintError(train.status());
    return 1;
  }
  const auto knobs = eval::ResolutionKnobs();
  const eval::ResolutionCvResult cv = eval::CrossValidateResolution(*train, places, knobs);
  std::cout << "cross-validation of the resolution's options (synthesize::ResolutionOptions) on ECB+ "
            << flags.dir << "\n"
            << "train topics: " << train->size() << ", left out one at a time; each fold: coordinate search from the\n"
            << "defaults, a value kept only when it raises the CoNLL F1 of predicted mentions on the other topics;\n"
            << cv.option_sets_tried << " option sets resolved\n";
  for (size_t k = 0; k < knobs.size(); ++k) {
    std::cout << "  " << knobs[k].name << ": default " << Num(knobs[k].Get(cv.defaults)) << ", chosen on all train "
              << Num(knobs[k].Get(cv.chosen)) << "; folds choosing";
    for (size_t v = 0; v < knobs[k].values.size(); ++v) {
      std::cout << " " << Num(knobs[k].values[v]) << ":" << cv.fold_picks[k][v];
    }
    std::cout << "\n";
  }
  std::cout << "held-out CoNLL F1 over the " << train->size() << " folds (summed): defaults "
            << Pct(cv.held_out_defaults.ConllF1()) << ", chosen per fold " << Pct(cv.held_out_chosen.ConllF1())
            << "\n";
  PrintSpread(cv);
  std::cout << "all train topics (in-sample): defaults " << Pct(cv.all_defaults.ConllF1()) << ", chosen "
            << Pct(cv.all_chosen.ConllF1()) << "\n";
  auto dev = eval::AnalyzeEcbTopics(tagger, flags.dir, eval::EcbDevTopics());
  if (!dev.ok()) {
    PrintError(dev.status());
    return 1;
  }
  const auto dev_defaults = eval::ScoreAnalyzedTopics(*dev, places, cv.defaults);
  const auto dev_chosen = eval::ScoreAnalyzedTopics(*dev, places, cv.chosen);
  std::cout << "ECB+ dev (" << dev->size() << " topics), CoNLL F1 predicted / key mentions: defaults "
            << Pct(dev_defaults.scores.ConllF1()) << " /" << Pct(dev_defaults.gold_mentions.ConllF1())
            << ", chosen " << Pct(dev_chosen.scores.ConllF1()) << " /" << Pct(dev_chosen.gold_mentions.ConllF1())
            << "\n";
  const std::string meantime_dir = base::FindRepoPath("../shared/data/coref/meantime_en");
  auto meantime = eval::AnalyzeMeantimeTopics(tagger, meantime_dir);
  if (meantime.ok()) {
    const auto m_defaults = eval::ScoreAnalyzedTopics(*meantime, places, cv.defaults);
    const auto m_chosen = eval::ScoreAnalyzedTopics(*meantime, places, cv.chosen);
    std::cout << "MEANTIME (" << meantime->size() << " topics), CoNLL F1 predicted / key mentions: defaults "
              << Pct(m_defaults.scores.ConllF1()) << " /" << Pct(m_defaults.gold_mentions.ConllF1()) << ", chosen "
              << Pct(m_chosen.scores.ConllF1()) << " /" << Pct(m_chosen.gold_mentions.ConllF1()) << "\n";
  } else {
    std::cout << "MEANTIME: not scored (" << meantime.status().ToString() << ")\n";
  }
  std::cout << "chosen on all train: " << Options(knobs, cv.chosen) << "\n";
  return 0;
}

int RunEvalEntities(const EvalEntitiesFlags& flags) {
  const bool meantime = flags.corpus == "meantime";
  if (!meantime && flags.corpus != "ecbplus") {
    PrintError(Status::InvalidArgument("--corpus", "must be ecbplus or meantime"));
    return 2;
  }
  std::vector<int> topics;
  if (flags.topics == "dev") {
    topics = eval::EcbDevTopics();
  } else if (flags.topics == "train") {
    topics = eval::EcbTrainTopics();
  } else {
    PrintError(Status::InvalidArgument("--topics", "must be dev or train"));
    return 2;
  }
  if (flags.cv && meantime) {
    PrintError(Status::InvalidArgument("--cv", "cross-validates over ECB+ train topics; leave --corpus at ecbplus"));
    return 2;
  }
  const std::string model_path = flags.model.empty() ? extract::EntityTagger::DefaultModelPath() : flags.model;
  auto tagger = extract::EntityTagger::Load(model_path);
  if (!tagger.ok()) {
    PrintError(tagger.status());
    return 1;
  }
  // The place list beside the model, as the engine finds it (EngineOptions::place_list).
  const std::string place_list = extract::PlaceGazetteer::PathBesideModel(model_path);
  const extract::PlaceGazetteer places = extract::PlaceGazetteer::FromFile(place_list);
  if (places.size() == 0) {
    std::cerr << "newsfuse: warning: " << place_list << ": place list not found or empty; places typed by the tagger alone\n";
  }
  if (flags.cv) return RunCrossValidation(**tagger, places, flags);
  Result<synthesize::ResolutionOptions> resolution = ParseOptions(flags.options);
  if (!resolution.ok()) {
    PrintError(resolution.status());
    return 2;
  }
  auto analyzed = meantime ? eval::AnalyzeMeantimeTopics(**tagger, flags.dir)
                           : eval::AnalyzeEcbTopics(**tagger, flags.dir, topics);
  if (!analyzed.ok()) {
    PrintError(analyzed.status());
    return 1;
  }
  const eval::EntityCorefResult result = eval::ScoreAnalyzedTopics(*analyzed, places, *resolution);
  const eval::EntityCorefResult* r = &result;
  if (meantime) {
    std::cout << "entities on MEANTIME " << flags.dir << " (all topics: " << r->topics
              << ", documents: " << r->documents << "; nothing was tuned on it)\n"
              << "counted: named gold entity mentions (PER, ORG, LOC, PRO, FIN) in the sentences with any\n"
              << "annotated mention, all words capitalised but function words, no lone pronoun/determiner: "
              << r->key_mentions << " mentions\n"
              << "in " << r->key_chains
              << " chains (a chain is a corpus instance id, its cross_/cross_intra_/intra_ prefix dropped);\n"
              << "response: tagger PERSON/ORG/LOC mentions in those sentences (" << r->response_mentions
              << "), chained by the story-level resolution over each topic\n";
  } else {
    std::cout << "entities on ECB+ " << flags.dir << " (" << flags.topics << " topics: " << r->topics
              << ", documents: " << r->documents << ")\n"
              << "counted: named gold entity mentions (HUMAN_PART_*, NON_HUMAN_PART*, LOC_*) in the annotated\n"
              << "sentences, all words capitalised but function words, no lone pronoun/determiner: "
              << r->key_mentions << " mentions in " << r->key_chains << " chains; response: tagger PERSON/ORG/LOC\n"
              << "mentions in those sentences (" << r->response_mentions
              << "), chained by the story-level resolution over each topic\n";
  }
  PrintScores("predicted mentions (tagger + resolution):", r->scores);
  PrintScores("predicted mentions of the entities the resolution keeps (those it left out as no entity of the story\n"
              "not counted, as a briefing does not list them):",
              r->kept_entities);
  PrintScores("key mentions, chained by the resolution (tagger misses as singletons, extras left out):",
              r->gold_mentions);
  PrintScores("key mentions, chained by folded name only (string-matching reference):", r->gold_mentions_same_name);
  if (flags.errors > 0) {
    PrintTop("key mentions no tagger mention overlaps", r->missed, flags.errors);
    PrintTop("tagger mentions that overlap no key mention", r->spurious, flags.errors);
    PrintTop("tagger mentions on a key mention that the resolution left out", r->left_out, flags.errors);
  }
  PrintPublished();
  return 0;
}

}  // namespace

void RegisterEvalEntities(CLI::App& eval) {
  auto flags = std::make_shared<EvalEntitiesFlags>();
  CLI::App* cmd = eval.add_subcommand(
      "entities",
      "score cross-document entity resolution on ECB+ or MEANTIME named mentions (MUC, B3, CEAF-e, CoNLL F1)");
  cmd->add_option("dir", flags->dir,
                  "ECB+ folder holding xml/ and ECBplus_coreference_sentences.csv, or MEANTIME's meantime.conll or "
                  "a folder holding it (default: the shared copy of --corpus)");
  cmd->add_option("--corpus", flags->corpus, "ecbplus or meantime")->capture_default_str();
  cmd->add_option("--topics", flags->topics, "ECB+ topics: dev or train")->capture_default_str();
  cmd->add_option("--model", flags->model, "entity tagger model (default: models/ner-conll2003.bin)");
  cmd->add_option("--errors", flags->errors,
                  "also print the N most frequent wordings the tagger missed and invented (error analysis)");
  cmd->add_option("--option", flags->options,
                  "KNOB=VALUE: score with one of the resolution's numbers changed (repeatable; --cv lists them)");
  cmd->add_flag("--cv", flags->cv,
                "choose the resolution's options by leave-one-topic-out cross-validation over the ECB+ train "
                "topics and print them beside the defaults on ECB+ dev and MEANTIME");
  cmd->callback([flags] {
    if (flags->dir.empty()) {
      flags->dir = flags->corpus == "meantime" ? "../shared/data/coref/meantime_en" : "../shared/data/coref/ecbplus";
    }
    flags->dir = base::FindRepoPath(flags->dir);
    ExitWith(RunEvalEntities(*flags));
  });
}

}  // namespace newsfuse::cli
