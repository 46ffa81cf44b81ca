// newsfuse-bench: speed runs and the synthetic corpus, kept out of the
// product binary (`newsfuse`). Each verb is in cmd_<verb>.cc.
#include "bench/commands.h"

int main(int argc, char** argv) {
  using namespace newsfuse::cli;
  CLI::App app{"newsfuse-bench: speed runs of newsfuse (benchmarks, not tests) and their synthetic corpus"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "newsfuse-bench 0.1.0");
  RegisterBenchCluster(app);
  RegisterBenchServe(app);
  RegisterGenCorpus(app);
  return RunApp(app, argc, argv);
}
