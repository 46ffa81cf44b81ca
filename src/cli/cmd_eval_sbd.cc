// `newsfuse eval sbd [FILE]`: scores the sentence splitter on a Golden Rules
// JSONL file (default: the shared English set) and prints the failing cases.
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>

#include "base/repo_path.h"
#include "cli/commands.h"
#include "eval/sbd_eval.h"

namespace newsfuse::cli {
namespace {

// Reference scores on the same 48 cases with the same exact-match scoring
// (pySBD's paper and PR #69; ICU 72 BreakIterator en_US measured here).
constexpr char kReference[] = "[pySBD 47/48, ICU 28/48]";

std::string Joined(const std::vector<std::string>& sentences) {
  std::string out;
  for (const std::string& s : sentences) {
    if (!out.empty()) out += " | ";
    out += s;
  }
  return out;
}

int RunEvalSbd(const std::string& path) {
  Result<text::SbdEvalResult> r = text::SbdEval(path);
  if (!r.ok()) {
    PrintError(r.status());
    return 1;
  }
  for (const text::SbdFailure& f : r->failures) {
    std::cout << "FAIL #" << f.id << " " << f.rule << "\n"
              << "  expected: " << Joined(f.expected) << "\n"
              << "  got:      " << Joined(f.got) << "\n";
  }
  const double percent = r->total == 0 ? 0.0 : 100.0 * r->passed / r->total;
  char pct[32];
  std::snprintf(pct, sizeof(pct), "%.1f%%", percent);
  std::cout << "sbd golden rules: " << r->passed << "/" << r->total << " passed (" << pct << ")  "
            << kReference << "\n";
  return 0;
}

}  // namespace

void RegisterEvalSbd(CLI::App& eval) {
  auto path = std::make_shared<std::string>("../shared/data/sbd/golden_rules_en.jsonl");
  CLI::App* cmd = eval.add_subcommand("sbd", "score the sentence splitter on the Golden Rules set");
  cmd->add_option("file", *path, "JSONL with {id, rule, text, expected} per line")
      ->capture_default_str();
  cmd->callback([path] { ExitWith(RunEvalSbd(base::FindRepoPath(*path))); });
}

}  // namespace newsfuse::cli
