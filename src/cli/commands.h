// File: cli/commands.h
//
// Each verb of the `newsfuse` binary lives in its own cmd_<verb>.cc and adds
// itself to the CLI11 app through one Register* function declared here;
// main.cc only calls them. A command parses its flags, calls the library,
// prints, and returns the exit code through ExitWith().
#ifndef NEWSFUSE_CLI_COMMANDS_H_
#define NEWSFUSE_CLI_COMMANDS_H_

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/reporter.h"
#include "newsfuse/status.h"

namespace newsfuse::cli {

// Top-level verbs.
void RegisterBrief(CLI::App& app);
void RegisterExtract(CLI::App& app);
void RegisterTrainNer(CLI::App& app);
void RegisterTrainSummary(CLI::App& app);
void RegisterTrainVerbs(CLI::App& app);
// `newsfuse eval <what>`: `eval` is the parent command.
void RegisterEvalSbd(CLI::App& eval);
void RegisterEvalSummary(CLI::App& eval);
void RegisterEvalExtract(CLI::App& eval);
void RegisterEvalNer(CLI::App& eval);
void RegisterEvalTimex(CLI::App& eval);
void RegisterEvalQuotes(CLI::App& eval);
void RegisterEvalEntities(CLI::App& eval);
void RegisterEvalCluster(CLI::App& eval);  // also registers `eval cluster-pairs`
void RegisterEvalBriefs(CLI::App& eval);
void RegisterCluster(CLI::App& app);
void RegisterServe(CLI::App& app);
void RegisterIngest(CLI::App& app);
void RegisterStoreVerbs(CLI::App& app);  // `stories`, `article`, `briefing`, `store-check`

// cmd_help.cc: the examples that end each verb's --help (call after every
// Register*), and `newsfuse help [VERB...]` / an unknown verb, answered before
// CLI11 parses (it would say only "A subcommand is required"). Returns the
// exit code when it answered.
void AddExamples(CLI::App& app);
std::optional<int> HandleHelpAndUnknownVerbs(CLI::App& app, int argc, char** argv);

// cmd_input_report.cc: prints what `reporter` gathered (one line per file and
// kind of problem, with a count) and returns the exit code of a verb that
// read `articles` from `inputs`: 0 when any was read, else 1 after a line
// naming the inputs.
int FinishInputReport(const ingest::SummaryReporter& reporter, size_t articles,
                      const std::vector<std::string>& inputs, std::string_view verb);

// Shared by both binaries (commands.cc).
// Records the exit code a subcommand's callback wants main() to return.
void ExitWith(int code);
int PendingExitCode();

// Prints "newsfuse: <status>" to standard error.
void PrintError(const Status& status);

// Parses the command line and runs the chosen verb: its exit code, CLI11's
// for a bad command line, 2 for anything a verb throws (commands.cc).
int RunApp(CLI::App& app, int argc, char** argv);

}  // namespace newsfuse::cli

#endif  // NEWSFUSE_CLI_COMMANDS_H_
