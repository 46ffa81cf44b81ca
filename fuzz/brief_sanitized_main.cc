// brief_sanitized: the `brief` verb of the newsfuse binary (src/cli/cmd_brief.cc,
// unchanged) over the ASan+UBSan build of the libraries it needs, for the
// ctest label `asan`. Only this verb, so that the checked build stays to the
// modules a briefing runs through.
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
  CLI::App app{"newsfuse brief under ASan+UBSan"};
  app.require_subcommand(1);
  RegisterBrief(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  } catch (const std::exception& e) {
    std::cerr << "newsfuse: " << e.what() << "\n";
    return 2;
  }
  return PendingExitCode();
}
