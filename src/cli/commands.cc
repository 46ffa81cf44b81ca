// What every verb shares, in both binaries (newsfuse, newsfuse-bench).
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

int RunApp(CLI::App& app, int argc, char** argv) {
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

}  // namespace newsfuse::cli
