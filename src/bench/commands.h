// File: bench/commands.h
//
// The verbs of `newsfuse-bench`, the speed-run tool kept out of the product
// binary: each adds itself to the CLI11 app through one Register* function.
// They report through cli/commands.h's ExitWith and PrintError.
#ifndef NEWSFUSE_BENCH_COMMANDS_H_
#define NEWSFUSE_BENCH_COMMANDS_H_

#include <CLI/CLI.hpp>

#include "cli/commands.h"

namespace newsfuse::cli {

// `newsfuse-bench cluster`: fingerprint + streaming assignment speed, and a
// side-by-side run against scikit-learn (cmd_bench_cluster.cc).
void RegisterBenchCluster(CLI::App& app);
// `newsfuse-bench serve`: a load run of the HTTP service (cmd_bench_serve.cc).
void RegisterBenchServe(CLI::App& app);
// `newsfuse-bench gen-corpus`: a synthetic news day as JSONL (cmd_gen_corpus.cc).
void RegisterGenCorpus(CLI::App& app);

}  // namespace newsfuse::cli

#endif  // NEWSFUSE_BENCH_COMMANDS_H_
