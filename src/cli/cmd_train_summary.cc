// `newsfuse train-summary [DIR] --out FILE`: trains the summary's
// word-importance model (synthesize/word_importance.h) on DUC-style clusters
// (by default the nine clean DUC 2003 ones) and writes it as C++ source. To
// ship it, write it over src/synthesize/word_importance_model.inc and rebuild.
#include <cstdio>
#include <string>
#include <vector>

#include "base/file_io.h"
#include "base/repo_path.h"
#include "cli/commands.h"
#include "eval/duc_clusters.h"
#include "train/word_importance_trainer.h"

namespace newsfuse::cli {

namespace {

struct TrainSummaryFlags {
  std::string dir = "../shared/data/mds/duc2003";
  std::vector<std::string> clusters;  // default: the nine clean DUC 2003 ones
  std::string out;
};

int RunTrainSummary(const TrainSummaryFlags& flags) {
  const std::string dir = base::FindRepoPath(flags.dir);
  if (!base::IsDirectory(dir)) {
    PrintError(Status::NotFound(dir, "no such folder of clusters"));
    return 1;
  }
  std::vector<synthesize::WordImportanceExample> examples;
  std::string names;
  for (const std::string& name : synthesize::DucClusterNames(dir, flags.clusters, false)) {
    synthesize::DucCluster c;
    if (!synthesize::ReadDucCluster(dir, name, PrintError, &c)) continue;
    const auto e = synthesize::ClusterWordImportanceExamples(c.articles, c.references);
    examples.insert(examples.end(), e.begin(), e.end());
    names += (names.empty() ? "" : " ") + name;
  }
  if (examples.empty()) {
    PrintError(Status::NotFound(dir, "no cluster to train on"));
    return 1;
  }
  const synthesize::WordImportanceModel model = synthesize::FitWordImportance(examples);
  const std::string provenance = "Trained on " + names + " (" + std::to_string(examples.size()) +
                                 " stem occurrences), L2 1.";
  const Status written = base::WriteFileAtomically(flags.out, synthesize::WordImportanceModelSource(model, provenance));
  if (!written.ok()) {
    PrintError(written);
    return 1;
  }
  std::printf("train-summary: wrote %s from %zu examples (%s); to ship it, copy it over "
              "src/synthesize/word_importance_model.inc and rebuild\n",
              flags.out.c_str(), examples.size(), names.c_str());
  return 0;
}

}  // namespace

void RegisterTrainSummary(CLI::App& app) {
  auto flags = std::make_shared<TrainSummaryFlags>();
  CLI::App* cmd = app.add_subcommand(
      "train-summary", "train the summary's word-importance model on DUC-style clusters and write its C++ source");
  cmd->add_option("dir", flags->dir, "folder of clusters (<cluster>/doc_*.txt, ref_*.txt)")->capture_default_str();
  cmd->add_option("--clusters", flags->clusters, "cluster names (default: the nine clean DUC 2003 ones)")
      ->delimiter(',');
  cmd->add_option("--out", flags->out, "file to write (the shipped one is src/synthesize/word_importance_model.inc)")
      ->required();
  cmd->callback([flags] { ExitWith(RunTrainSummary(*flags)); });
}

}  // namespace newsfuse::cli
