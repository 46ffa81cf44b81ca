// `newsfuse eval entities [DIR] [--corpus ecbplus|meantime]`: scores the
// story-level entity resolution as cross-document coreference of named
// mentions on ECB+ (default: the shared copy, dev topics) or MEANTIME (all
// four topics) and prints MUC, B-cubed, CEAF-e and CoNLL F1. Which mentions
// count is in eval/entity_coref_eval.h and printed.
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
  std::string corpus = "ecbplus";
  std::string dir;  // default: the corpus's shared copy
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
  const std::string model_path = flags.model.empty() ? extract::EntityTagger::DefaultModelPath() : flags.model;
  auto tagger = extract::EntityTagger::Load(model_path);
  if (!tagger.ok()) {
    PrintError(tagger.status());
    return 1;
  }
  auto r = meantime ? eval::EvaluateMeantimeEntities(**tagger, flags.dir)
                    : eval::EvaluateEcbEntities(**tagger, flags.dir, topics);
  if (!r.ok()) {
    PrintError(r.status());
    return 1;
  }
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
  PrintScores("key mentions, chained by the resolution (tagger misses as singletons, extras left out):",
              r->gold_mentions);
  PrintScores("key mentions, chained by folded name only (string-matching reference):", r->gold_mentions_same_name);
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
  cmd->callback([flags] {
    if (flags->dir.empty()) {
      flags->dir = flags->corpus == "meantime" ? "../shared/data/coref/meantime_en" : "../shared/data/coref/ecbplus";
    }
    flags->dir = base::FindRepoPath(flags->dir);
    ExitWith(RunEvalEntities(*flags));
  });
}

}  // namespace newsfuse::cli
