// `newsfuse train-verbs [CONLL] --out FILE`: learns which word forms can be
// verbs from a POS-tagged CoNLL-2003 file (train/verb_lexicon_trainer.h) and
// writes them as C++ source. To ship it, write it over
// src/text/verb_lexicon.inc and rebuild.
#include <cstdint>
#include <cstdio>
#include <string>

#include "base/file_io.h"
#include "base/repo_path.h"
#include "cli/commands.h"
#include "train/verb_lexicon_trainer.h"

namespace newsfuse::cli {

namespace {

struct TrainVerbsFlags {
  std::string conll = "../shared/data/ner/conll2003/eng.train";
  std::string out;
  train::VerbLexiconOptions options;
};

int RunTrainVerbs(const TrainVerbsFlags& flags) {
  const std::string path = base::FindRepoPath(flags.conll);
  auto text = base::ReadFile(path, uint64_t{256} << 20);
  if (!text.ok()) {
    PrintError(text.status());
    return 1;
  }
  const train::VerbLexiconOptions& options = flags.options;
  const train::VerbLexicon lexicon = train::LearnVerbLexicon(*text, options);
  if (lexicon.forms.empty()) {
    PrintError(Status::InvalidArgument(path, "no POS-tagged \"word TAG\" lines with verb tags"));
    return 1;
  }
  char provenance[256];
  std::snprintf(provenance, sizeof provenance,
                "From eng.train of CoNLL-2003 (%zu tagged tokens): forms tagged VB/VBD/VBN/VBP/VBZ/MD in >= %.2f of "
                ">= %zu uses.",
                lexicon.tokens, options.min_verb_share, options.min_count);
  const Status written = base::WriteFileAtomically(flags.out, train::VerbLexiconSource(lexicon, provenance));
  if (!written.ok()) {
    PrintError(written);
    return 1;
  }
  std::printf("train-verbs: wrote %s: %zu verb forms from %zu tagged tokens (%zu lines skipped); to ship it, copy it "
              "over src/text/verb_lexicon.inc and rebuild\n",
              flags.out.c_str(), lexicon.forms.size(), lexicon.tokens, lexicon.lines_skipped);
  return 0;
}

}  // namespace

void RegisterTrainVerbs(CLI::App& app) {
  auto flags = std::make_shared<TrainVerbsFlags>();
  CLI::App* cmd = app.add_subcommand(
      "train-verbs", "learn which word forms can be verbs from a POS-tagged CoNLL file and write its C++ source");
  cmd->add_option("conll", flags->conll, "CoNLL-2003-style file (word POS chunk NER)")->capture_default_str();
  cmd->add_option("--out", flags->out, "file to write (the shipped one is src/text/verb_lexicon.inc)")->required();
  cmd->add_option("--min-verb-share", flags->options.min_verb_share, "share of a form's uses tagged a verb")
      ->capture_default_str();
  cmd->add_option("--min-count", flags->options.min_count, "uses a form needs")->capture_default_str();
  cmd->callback([flags] { ExitWith(RunTrainVerbs(*flags)); });
}

}  // namespace newsfuse::cli
