// The newsfuse binary: wires the verbs together. Each verb is in cmd_<verb>.cc.
// Speed runs and the synthetic corpus are in another binary, newsfuse-bench
// (src/bench).
#include "cli/commands.h"

int main(int argc, char** argv) {
  using namespace newsfuse::cli;
  CLI::App app{"newsfuse: turns news articles from many outlets into stories and briefings", "newsfuse"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "newsfuse 0.1.0");

  RegisterBrief(app);
  RegisterExtract(app);
  RegisterTrainNer(app);
  RegisterTrainSummary(app);
  RegisterTrainVerbs(app);
  CLI::App* eval = app.add_subcommand("eval", "measure a stage against labelled data");
  eval->require_subcommand(1);
  // Registry of evaluation commands: one line each.
  RegisterEvalSbd(*eval);
  RegisterEvalSummary(*eval);
  RegisterEvalExtract(*eval);
  RegisterEvalNer(*eval);
  RegisterEvalTimex(*eval);
  RegisterEvalQuotes(*eval);
  RegisterEvalEntities(*eval);
  RegisterEvalCluster(*eval);
  RegisterEvalBriefs(*eval);
  RegisterCluster(app);
  RegisterServe(app);
  RegisterIngest(app);
  RegisterStoreVerbs(app);
  AddExamples(app);
  if (std::optional<int> answered = HandleHelpAndUnknownVerbs(app, argc, argv)) return *answered;

  return RunApp(app, argc, argv);
}
