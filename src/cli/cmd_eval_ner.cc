// `newsfuse eval ner [--model M] [--data eng.testa]`: scores the entity
// tagger on CoNLL-2003 data like conlleval and times it.
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>

#include "base/file_io.h"
#include "base/repo_path.h"
#include "cli/commands.h"
#include "extract/entity_tagger.h"
#include "eval/ner_eval.h"

namespace newsfuse::cli {
namespace {

struct EvalNerFlags {
  std::string model;
  std::string data = "../shared/data/ner/conll2003/eng.testa";
  std::string output;
  size_t max_documents = 0;
};

int RunEvalNer(const EvalNerFlags& flags) {
  const std::string model_path = flags.model.empty() ? extract::EntityTagger::DefaultModelPath() : flags.model;
  const std::string data = base::FindRepoPath(flags.data);
  auto tagger = extract::EntityTagger::Load(model_path);
  if (!tagger.ok()) {
    PrintError(tagger.status());
    return 1;
  }
  std::string predictions;
  auto result = extract::EvaluateNer(**tagger, data, flags.max_documents,
                                     flags.output.empty() ? nullptr : &predictions);
  if (!result.ok()) {
    PrintError(result.status());
    return 1;
  }
  if (!flags.output.empty()) {
    const Status s = base::WriteFileAtomically(flags.output, predictions);
    if (!s.ok()) {
      PrintError(s);
      return 1;
    }
  }
  std::cout << "model: " << model_path << "\n  " << (*tagger)->description() << "\n";
  std::cout << "data: " << data << " (" << result->documents << " documents)\n";
  std::cout << result->scores.Report();
  char line[256];
  std::snprintf(line, sizeof line,
                "tagging: %.0f tokens/s on one core (%zu tokens in %.3f s of thread CPU time; wall clock %.3f s, "
                "%.0f tokens/s)\n",
                result->TokensPerCpuSecond(), result->tokens, result->tag_cpu_seconds, result->tag_seconds,
                result->TokensPerSecond());
  std::cout << line;
  std::cout << "peers (entity F1, CoNLL-2003 English test set eng.testb): MITIE 88.0, Stanford CRF 86.9; "
               "dev-set (eng.testa) scores run a few points above test-set ones\n";
  return 0;
}

}  // namespace

void RegisterEvalNer(CLI::App& eval) {
  auto flags = std::make_shared<EvalNerFlags>();
  CLI::App* cmd = eval.add_subcommand("ner", "score the named-entity tagger on CoNLL-2003 data (conlleval)");
  cmd->add_option("--model", flags->model, "model file (default: models/ner-conll2003.bin of the repository, or $NEWSFUSE_MODEL_DIR)");
  cmd->add_option("--data", flags->data, "CoNLL file with gold NER tags")->capture_default_str();
  cmd->add_option("--output", flags->output, "write WORD GOLD PREDICTED lines (conlleval input) here");
  cmd->add_option("--documents", flags->max_documents, "score only the first N documents (0: all)");
  cmd->callback([flags] { ExitWith(RunEvalNer(*flags)); });
}

}  // namespace newsfuse::cli
