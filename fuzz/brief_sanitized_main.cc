// brief_sanitized: the `brief` verb of the newsfuse binary (src/cli/cmd_brief.cc,
// unchanged) over the ASan+UBSan build of the libraries it needs, for the
// ctest label `asan`. Only this verb, so that the checked build stays to the
// modules a briefing runs through.
#include "cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{"newsfuse brief under ASan+UBSan"};
  app.require_subcommand(1);
  newsfuse::cli::RegisterBrief(app);
  return newsfuse::cli::RunApp(app, argc, argv);
}
