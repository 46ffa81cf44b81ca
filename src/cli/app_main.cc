// What every main() of the CLI shares (the newsfuse binary, and
// fuzz/brief_sanitized with only `brief`): the exit code a command's callback
// records, the error line, and parsing with the last guard against a crash.
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

int RunCommandLine(CLI::App& app, int argc, char** argv) {
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
