// The newsfuse binary: wires the verbs together. Each verb is in cmd_<verb>.cc.
#include <exception>
#include <iostream>

#include "cli/commands.h"

namespace newsfuse::cli {
namespace {
int exit_code = 0;
}  // namespace

void ExitWith(int code) { exit_code = code; }
int PendingExitCode() { return exit_code; }
void PrintError(const Status& status) { std::cerr << "newsfuse: " << status.ToString() << "\n"; }

}  // namespace newsfuse::cli

int main(int argc, char** argv) {
  using namespace newsfuse::cli;
  CLI::App app{"newsfuse: turns news articles from many outlets into stories and briefings", "newsfuse"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "newsfuse 0.1.0");

  RegisterBrief(app);
  RegisterExtract(app);
  RegisterTrainNer(app);
  RegisterTrainSummary(app);
  CLI::App* eval = app.add_subcommand("eval", "measure a stage against labelled data");
  eval->require_subcommand(1);
  // Registry of evaluation commands: one line each.
  RegisterEvalSbd(*eval);
  RegisterEvalSummary(*eval);
  RegisterEvalExtract(*eval);
  RegisterEvalNer(*eval);
  RegisterEvalTimex(*eval);
  RegisterEvalQuotes(*eval);
  RegisterEvalCluster(*eval);
  RegisterCluster(app);
  RegisterGenCorpus(app);
  RegisterServe(app);
  RegisterIngest(app);
  CLI::App* bench = app.add_subcommand("bench", "measure speed (benchmarks, not tests)");
  bench->require_subcommand(1);
  RegisterBenchCluster(*bench);
  RegisterBenchServe(*bench);
  AddExamples(app);
  if (std::optional<int> answered = HandleHelpAndUnknownVerbs(app, argc, argv)) return *answered;

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  } catch (const std::exception& e) {
    // The library does not throw for expected errors; this is the last guard
    // against a crash on something unexpected (bad_alloc, a library that throws).
    std::cerr << "newsfuse: " << e.what() << "\n";
    return 2;
  }
  return PendingExitCode();
}
