// File: eval/sbd_eval.h
//
// Scores the sentence splitter against a labelled set in the "Golden Rules"
// JSONL format (one object a line: {"id", "rule", "text", "expected": [..]}).
// A case passes when SplitSentences() returns exactly `expected`, each
// sentence compared after trimming white space (pySBD's scoring).
//
//   Result<SbdEvalResult> r = SbdEval("golden_rules_en.jsonl");
//   if (r.ok()) std::cout << r->passed << "/" << r->total << "\n";
#ifndef NEWSFUSE_EVAL_SBD_EVAL_H_
#define NEWSFUSE_EVAL_SBD_EVAL_H_

#include <string>
#include <string_view>
#include <vector>

#include "newsfuse/result.h"

namespace newsfuse::text {

struct SbdCase {
  int id = 0;
  std::string rule;
  std::string text;
  std::vector<std::string> expected;
};

struct SbdFailure {
  int id = 0;
  std::string rule;
  std::vector<std::string> expected;
  std::vector<std::string> got;
};

struct SbdEvalResult {
  int passed = 0;
  int total = 0;
  std::vector<SbdFailure> failures;  // in file order
};

// Parses JSONL `contents`; `source` names the input in error messages. Blank
// lines are skipped. Fails with DataLoss ("<source>: line N: ...") on a line
// that is not a JSON object with a string "text" and an array of strings
// "expected"; "id" (number) and "rule" (string) are optional.
Result<std::vector<SbdCase>> ParseSbdCases(std::string_view source, std::string_view contents);

// Runs SplitSentences() on every case and compares.
SbdEvalResult ScoreSbd(const std::vector<SbdCase>& cases);

// Reads the file at `path` (NotFound naming it when missing), parses and scores it.
Result<SbdEvalResult> SbdEval(const std::string& path);

}  // namespace newsfuse::text

#endif  // NEWSFUSE_EVAL_SBD_EVAL_H_
