// File: cli/commands.h
//
// Each verb of the `newsfuse` binary lives in its own cmd_<verb>.cc and adds
// itself to the CLI11 app through one Register* function declared here;
// main.cc only calls them. A command parses its flags, calls the library,
// prints, and returns the exit code through ExitWith().
#ifndef NEWSFUSE_CLI_COMMANDS_H_
#define NEWSFUSE_CLI_COMMANDS_H_

#include <CLI/CLI.hpp>
#include <string>

#include "newsfuse/status.h"

namespace newsfuse::cli {

// Top-level verbs.
void RegisterBrief(CLI::App& app);
void RegisterExtract(CLI::App& app);
void RegisterTrainNer(CLI::App& app);
void RegisterTrainSummary(CLI::App& app);  // lives in cmd_eval_summary.cc, beside its data
// `newsfuse eval <what>`: `eval` is the parent command.
void RegisterEvalSbd(CLI::App& eval);
void RegisterEvalSummary(CLI::App& eval);
void RegisterEvalExtract(CLI::App& eval);
void RegisterEvalNer(CLI::App& eval);
void RegisterEvalTimex(CLI::App& eval);
void RegisterEvalQuotes(CLI::App& eval);
void RegisterEvalCluster(CLI::App& eval);  // also registers `eval cluster-pairs`
void RegisterCluster(CLI::App& app);
void RegisterGenCorpus(CLI::App& app);
void RegisterServe(CLI::App& app);
void RegisterIngest(CLI::App& app);  // also `stories`, `article`, `briefing`, `store-check`
// `newsfuse bench <what>`: `bench` is the parent command (speed runs, never tests).
void RegisterBenchCluster(CLI::App& bench);
void RegisterBenchServe(CLI::App& bench);

// Records the exit code a subcommand's callback wants main() to return.
void ExitWith(int code);
int PendingExitCode();

// Prints "newsfuse: <status>" to standard error.
void PrintError(const Status& status);

// Parses the command line and runs the chosen command: its exit code, CLI11's
// for a bad command line, 2 for anything a command throws (app_main.cc).
int RunCommandLine(CLI::App& app, int argc, char** argv);

}  // namespace newsfuse::cli

#endif  // NEWSFUSE_CLI_COMMANDS_H_
