// `newsfuse eval timex [DIR]`: TempEval-3 scores of the time-expression
// recognizer on TimeML files, per subfolder (TimeBank, AQUAINT) and in total.
#include <cstdio>
#include <string>
#include <vector>

#include "base/file_io.h"
#include "base/repo_path.h"
#include "cli/commands.h"
#include "eval/timex_eval.h"

namespace newsfuse::cli {
namespace {

struct EvalTimexFlags {
  std::string dir = "../shared/data/timex/tbaq-cleaned";
  bool errors = false;
};

void PrintRow(const std::string& name, const extract::TimexScores& s) {
  std::printf("%-10s %5ld %5ld %5ld | %6.2f %6.2f %6.2f | %6.2f %6.2f %6.2f | %6.2f %6.2f %6.2f | %6.2f\n",
              name.c_str(), s.documents, s.gold, s.system, 100 * s.StrictPrecision(),
              100 * s.StrictRecall(), 100 * s.StrictF1(), 100 * s.RelaxedPrecision(),
              100 * s.RelaxedRecall(), 100 * s.RelaxedF1(), 100 * s.ValuePrecision(),
              100 * s.ValueRecall(), 100 * s.ValueF1(), 100 * s.TypeF1());
}

const char* KindName(extract::TimexDiff::Kind kind) {
  switch (kind) {
    case extract::TimexDiff::Kind::kMissed:
      return "MISSED";
    case extract::TimexDiff::Kind::kSpurious:
      return "SPURIOUS";
    case extract::TimexDiff::Kind::kWrongValue:
      return "VALUE";
    case extract::TimexDiff::Kind::kWrongType:
      return "TYPE";
  }
  return "?";
}

int RunEvalTimex(const EvalTimexFlags& flags) {
  // A folder of .tml files, or a folder of such folders (tbaq-cleaned).
  std::vector<std::pair<std::string, std::string>> parts;
  for (const char* sub : {"TimeBank", "AQUAINT"}) {
    const std::string path = flags.dir + "/" + sub;
    if (base::IsDirectory(path)) parts.emplace_back(sub, path);
  }
  if (parts.empty()) parts.emplace_back(base::FileStem(flags.dir), flags.dir);

  std::printf("TempEval-3 Task A (time expressions) on %s\n", flags.dir.c_str());
  std::printf("%-10s %5s %5s %5s | %-20s | %-20s | %-20s | %6s\n", "part", "docs", "gold", "sys",
              "strict   P      R     F1", "relaxed  P     R     F1", "value   P     R     F1",
              "typeF1");
  extract::TimexScores total;
  std::vector<extract::TimexDiff> diffs;
  for (const auto& [name, path] : parts) {
    Result<extract::TimexScores> scores =
        extract::EvaluateTimeMlDir(path, flags.errors ? &diffs : nullptr);
    if (!scores.ok()) {
      PrintError(scores.status());
      return 1;
    }
    PrintRow(name, *scores);
    total.Add(*scores);
  }
  if (parts.size() > 1) PrintRow("total", total);
  std::printf("peers (TempEval-3 platinum test, UzZaman et al. 2013): HeidelTime strict F1 81.34, "
              "relaxed F1 90.30, value F1 77.61; SUTime value F1 67.38\n");
  if (flags.errors) {
    for (const extract::TimexDiff& d : diffs) {
      std::printf("%s\t%s\tgold[%s|%s|%s]\tsys[%s|%s|%s]\n", KindName(d.kind), d.doc_id.c_str(),
                  d.gold_text.c_str(), d.gold_type.c_str(), d.gold_value.c_str(),
                  d.system_text.c_str(), d.system_type.c_str(), d.system_value.c_str());
    }
  }
  return 0;
}

}  // namespace

void RegisterEvalTimex(CLI::App& eval) {
  auto flags = std::make_shared<EvalTimexFlags>();
  CLI::App* cmd = eval.add_subcommand(
      "timex", "TempEval-3 scores of time-expression recognition and normalization on TimeML");
  cmd->add_option("dir", flags->dir,
                  "folder of .tml files, or holding TimeBank/ and AQUAINT/ (default: "
                  "../shared/data/timex/tbaq-cleaned)");
  cmd->add_flag("--errors", flags->errors, "also list every disagreement with gold");
  cmd->callback([flags] {
    flags->dir = base::FindRepoPath(flags->dir);
    ExitWith(RunEvalTimex(*flags));
  });
}

}  // namespace newsfuse::cli
