// `newsfuse-bench gen-corpus [--articles N] [-o FILE]`: writes the synthetic
// news day (bench/synthetic_corpus.h) as JSONL with gold `story` labels, the
// input of scripts/bench_cluster_sklearn.py and of speed runs.
#include <memory>
#include <string>

#include "bench/commands.h"
#include "bench/synthetic_corpus.h"

namespace newsfuse::cli {

void RegisterGenCorpus(CLI::App& app) {
  auto options = std::make_shared<bench::SyntheticOptions>();
  auto out = std::make_shared<std::string>("-");
  CLI::App* cmd = app.add_subcommand(
      "gen-corpus", "write a synthetic news day (JSONL with gold `story` labels) for speed runs");
  cmd->add_option("--articles", options->articles, "articles")->capture_default_str();
  cmd->add_option("--body-bytes", options->body_bytes, "typical body size")->capture_default_str();
  cmd->add_option("--reprint-share", options->reprint_share, "share of edited copies")
      ->capture_default_str();
  cmd->add_option("--seed", options->seed, "random seed")->capture_default_str();
  cmd->add_option("-o,--out", *out, "output file (- for standard output)")->capture_default_str();
  cmd->callback([options, out] {
    Status s = bench::WriteSyntheticCorpus(*options, *out);
    if (!s.ok()) PrintError(s);
    ExitWith(s.ok() ? 0 : 1);
  });
}


}  // namespace newsfuse::cli
