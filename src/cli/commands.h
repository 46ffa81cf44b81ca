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

// Records the exit code a subcommand's callback wants main() to return.
void ExitWith(int code);
int PendingExitCode();

// Prints "newsfuse: <status>" to standard error.
void PrintError(const Status& status);

}  // namespace newsfuse::cli

#endif  // NEWSFUSE_CLI_COMMANDS_H_
