// `newsfuse train-ner [--train eng.train] [--dev eng.testa] --out FILE`: trains
// the named-entity model (see train/ner_trainer.h) and writes it to FILE (the
// shipped one is models/ner-conll2003.bin; --out names it to replace it).
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "base/repo_path.h"
#include "cli/commands.h"
#include "train/ner_trainer.h"

namespace newsfuse::cli {
namespace {

struct TrainNerFlags {
  std::string train = "../shared/data/ner/conll2003/eng.train";
  std::string dev = "../shared/data/ner/conll2003/eng.testa";
  std::string out;
  std::vector<std::string> unlabelled = {"../shared/data"};
  int max_epochs = 25;
  int epochs = 0;
  int folds = 5;
  bool one_stage = false;
  bool residual_stage2 = false;
  uint64_t seed = 20030531;
};

int RunTrainNer(const TrainNerFlags& flags) {
  extract::ner::NerTrainOptions options;
  options.train_path = base::FindRepoPath(flags.train);
  options.dev_path = base::FindRepoPath(flags.dev);
  for (const std::string& given : flags.unlabelled) {
    const std::string p = base::FindRepoPath(given);
    if (std::filesystem::exists(p)) {
      options.unlabelled_paths.push_back(p);
    } else {
      std::cerr << "newsfuse: " << p << ": not found; word clusters are learnt without it\n";
    }
  }
  options.max_epochs = flags.max_epochs;
  options.epochs = flags.epochs;
  options.folds = flags.folds;
  options.two_stage = !flags.one_stage;
  options.stage2_full = !flags.residual_stage2;
  options.seed = flags.seed;
  options.log = [](std::string_view line) { std::cerr << line << "\n"; };
  extract::ner::NerTrainReport report;
  Result<extract::ner::NerModel> model = extract::ner::TrainNerModel(options, &report);
  if (!model.ok()) {
    PrintError(model.status());
    return 1;
  }
  const Status saved = model->Save(flags.out);
  if (!saved.ok()) {
    PrintError(saved);
    return 1;
  }
  std::error_code ec;
  const auto bytes = std::filesystem::file_size(flags.out, ec);
  char line[512];
  std::snprintf(line, sizeof line,
                "train-ner: wrote %s (%.1f MB): dev F1 %.2f (stage 1 %.2f), %zu + %zu features, %.0f s\n",
                flags.out.c_str(), ec ? 0.0 : bytes / 1e6, report.dev_f1, report.dev_f1_stage1,
                report.features_stage1, report.features_stage2, report.seconds);
  std::cout << line;
  return 0;
}

}  // namespace

void RegisterTrainNer(CLI::App& app) {
  auto flags = std::make_shared<TrainNerFlags>();
  CLI::App* cmd = app.add_subcommand("train-ner", "train the named-entity tagger from CoNLL-2003 data");
  cmd->add_option("--train", flags->train, "CoNLL training file")->capture_default_str();
  cmd->add_option("--dev", flags->dev, "CoNLL dev file, to choose the epochs on ('' for none)")
      ->capture_default_str();
  cmd->add_option("--out", flags->out, "model file to write (the shipped one is models/ner-conll2003.bin)")
      ->required();
  cmd->add_option("--unlabelled", flags->unlabelled,
                  "files or folders of unlabelled text for the word clusters (labels are never read)")
      ->capture_default_str();
  cmd->add_option("--max-epochs", flags->max_epochs, "most epochs per stage when choosing on dev")
      ->check(CLI::Range(1, 200))
      ->capture_default_str();
  cmd->add_option("--epochs", flags->epochs, "train exactly this many epochs per stage (0: choose on dev)")
      ->check(CLI::Range(0, 200));
  cmd->add_option("--folds", flags->folds, "jackknife folds for stage 2")
      ->check(CLI::Range(2, 20))
      ->capture_default_str();
  cmd->add_flag("--one-stage", flags->one_stage, "skip the document-level second stage");
  cmd->add_flag("--residual-stage2", flags->residual_stage2,
                "stage 2 adds document features to stage 1's scores instead of relearning all features");
  cmd->add_option("--seed", flags->seed, "shuffling seed")->capture_default_str();
  cmd->callback([flags] { ExitWith(RunTrainNer(*flags)); });
}

}  // namespace newsfuse::cli
