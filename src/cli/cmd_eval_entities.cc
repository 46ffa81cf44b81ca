// `newsfuse eval entities [DIR]`: scores the story-level entity resolution
// as cross-document coreference of named mentions on ECB+ (default: the
// shared copy, dev topics) and prints MUC, B-cubed, CEAF-e and CoNLL F1.
// Which mentions count is in eval/entity_coref_eval.h and printed.
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>

#include "base/repo_path.h"
#include "cli/commands.h"
#include "eval/entity_coref_eval.h"
#include "extract/entity_tagger.h"

namespace newsfuse::cli {
namespace {

struct EvalEntitiesFlags {
  std::string dir = "../shared/data/coref/ecbplus";
  std::string topics = "dev";
  std::string model;
};

std::string Pct(double x) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%5.1f", 100 * x);
  return buf;
}

void PrintLine(const char* name, const eval::PrfCounts& c) {
  std::cout << "  " << name << "  R " << Pct(c.Recall()) << "  P " << Pct(c.Precision()) << "  F1 " << Pct(c.F1())
            << "\n";
}

int RunEvalEntities(const EvalEntitiesFlags& flags) {
  std::vector<int> topics;
  if (flags.topics == "dev") {
    topics = eval::EcbDevTopics();
  } else if (flags.topics == "train") {
    topics = eval::EcbTrainTopics();
  } else {
    PrintError(Status::InvalidArgument("--topics", "must be dev or train"));
    return 2;
  }
  const std::string model_path = flags.model.empty() ? extract::EntityTagger::DefaultModelPath() : flags.model;
  auto tagger = extract::EntityTagger::Load(model_path);
  if (!tagger.ok()) {
    PrintError(tagger.status());
    return 1;
  }
  auto r = eval::EvaluateEcbEntities(**tagger, flags.dir, topics);
  if (!r.ok()) {
    PrintError(r.status());
    return 1;
  }
  std::cout << "entities on ECB+ " << flags.dir << " (" << flags.topics << " topics: " << r->topics
            << ", documents: " << r->documents << ")\n"
            << "counted: named gold entity mentions (HUMAN_PART_*, NON_HUMAN_PART*, LOC_*) in the annotated\n"
            << "sentences, all words capitalised but function words, no lone pronoun/determiner: "
            << r->key_mentions << " mentions in " << r->key_chains << " chains; response: tagger PERSON/ORG/LOC\n"
            << "mentions in those sentences (" << r->response_mentions
            << "), chained by the story-level resolution over each topic\n";
  auto print = [](const char* title, const eval::CorefScores& s) {
    std::cout << title << "\n";
    PrintLine("MUC   ", s.muc);
    PrintLine("B3    ", s.b3);
    PrintLine("CEAF-e", s.ceafe);
    std::cout << "  CoNLL F1 " << Pct(s.ConllF1()) << "\n";
  };
  print("predicted mentions (tagger + resolution):", r->scores);
  print("key mentions, chained by the resolution (tagger misses as singletons, extras left out):",
        r->gold_mentions);
  print("key mentions, chained by folded name only (string-matching reference):", r->gold_mentions_same_name);
  std::cout
            << "published (ECB+ test topics 36-45, ALL entity mentions incl. pronouns and nominals, so not the\n"
            << "same task; see ../shared/data/coref/README.md): Barhom et al. 2019 and Cattan et al. 2021 report\n"
            << "entity CoNLL F1 in their papers; compare only the protocol, not the number\n";
  return 0;
}

}  // namespace

void RegisterEvalEntities(CLI::App& eval) {
  auto flags = std::make_shared<EvalEntitiesFlags>();
  CLI::App* cmd = eval.add_subcommand(
      "entities", "score cross-document entity resolution on ECB+ named mentions (MUC, B3, CEAF-e, CoNLL F1)");
  cmd->add_option("dir", flags->dir, "ECB+ folder holding xml/ and ECBplus_coreference_sentences.csv")
      ->capture_default_str();
  cmd->add_option("--topics", flags->topics, "dev or train")->capture_default_str();
  cmd->add_option("--model", flags->model, "entity tagger model (default: models/ner-conll2003.bin)");
  cmd->callback([flags] {
    flags->dir = base::FindRepoPath(flags->dir);
    ExitWith(RunEvalEntities(*flags));
  });
}

}  // namespace newsfuse::cli
