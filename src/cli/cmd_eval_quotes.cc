// `newsfuse eval quotes [DIR]`: scores the quote finder on PolNeAR direct
// quotes (default: the shared dev split) and prints speaker and quote-span
// P/R/F1, exact and overlap, beside citron's figures on PARC 3.0. The
// definitions are in eval/quote_eval.h. `--errors` lists every miss.
#include <iostream>
#include <memory>
#include <string>

#include "base/repo_path.h"
#include "cli/commands.h"
#include "eval/polnear_reader.h"
#include "eval/quote_eval.h"

namespace newsfuse::cli {
namespace {

struct EvalQuotesFlags {
  std::string dir = "../shared/data/quotes/polnear/dev";
  bool errors = false;
};

int RunEvalQuotes(const EvalQuotesFlags& flags) {
  Result<std::vector<extract::PolnearDocument>> docs = extract::ReadPolnearDir(flags.dir);
  if (!docs.ok()) {
    PrintError(docs.status());
    return 1;
  }
  extract::QuoteScores scores = extract::EvaluateQuotes(*docs, flags.errors ? &std::cout : nullptr);
  std::cout << "quotes on PolNeAR " << flags.dir << "\n" << extract::FormatQuoteScores(scores);
  return 0;
}

}  // namespace

void RegisterEvalQuotes(CLI::App& eval) {
  auto flags = std::make_shared<EvalQuotesFlags>();
  CLI::App* cmd = eval.add_subcommand("quotes", "score the quote finder on PolNeAR direct quotes");
  cmd->add_option("dir", flags->dir, "PolNeAR split folder holding text/ and attributions/")
      ->capture_default_str();
  cmd->add_flag("--errors", flags->errors, "print each missed, wrong or spurious quote and speaker");
  cmd->callback([flags] {
    flags->dir = base::FindRepoPath(flags->dir);
    ExitWith(RunEvalQuotes(*flags));
  });
}

}  // namespace newsfuse::cli
