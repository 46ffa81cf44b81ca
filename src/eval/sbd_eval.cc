#include "eval/sbd_eval.h"

#include <simdjson.h>

#include "base/file_io.h"
#include "base/strings.h"
#include "text/sentence_splitter.h"

namespace newsfuse::text {
namespace {

// The Golden Rules file is 10 KB; anything near this is not an SBD test set.
constexpr uint64_t kMaxFileBytes = 64ull << 20;

Status LineError(std::string_view source, size_t line, std::string_view problem) {
  return Status::DataLoss(source, "line " + std::to_string(line) + ": " + std::string(problem));
}

}  // namespace

Result<std::vector<SbdCase>> ParseSbdCases(std::string_view source, std::string_view contents) {
  std::vector<SbdCase> cases;
  simdjson::dom::parser parser;
  size_t line_no = 0;
  for (std::string_view line : base::SplitLines(contents)) {
    ++line_no;
    line = base::Trim(line);
    if (line.empty()) continue;
    // simdjson needs padding past the end; copy the line into a padded buffer.
    simdjson::padded_string padded(line);
    simdjson::dom::element doc;
    if (parser.parse(padded).get(doc) != simdjson::SUCCESS) {
      return LineError(source, line_no, "not valid JSON");
    }
    simdjson::dom::object obj;
    if (doc.get_object().get(obj) != simdjson::SUCCESS) {
      return LineError(source, line_no, "not a JSON object");
    }
    SbdCase c;
    int64_t id = 0;
    if (obj["id"].get_int64().get(id) == simdjson::SUCCESS) c.id = static_cast<int>(id);
    std::string_view sv;
    if (obj["rule"].get_string().get(sv) == simdjson::SUCCESS) c.rule = std::string(sv);
    if (obj["text"].get_string().get(sv) != simdjson::SUCCESS) {
      return LineError(source, line_no, "no string field \"text\"");
    }
    c.text = std::string(sv);
    simdjson::dom::array expected;
    if (obj["expected"].get_array().get(expected) != simdjson::SUCCESS) {
      return LineError(source, line_no, "no array field \"expected\"");
    }
    for (simdjson::dom::element e : expected) {
      if (e.get_string().get(sv) != simdjson::SUCCESS) {
        return LineError(source, line_no, "\"expected\" holds a non-string");
      }
      c.expected.emplace_back(sv);
    }
    cases.push_back(std::move(c));
  }
  return cases;
}

SbdEvalResult ScoreSbd(const std::vector<SbdCase>& cases) {
  SbdEvalResult result;
  for (const SbdCase& c : cases) {
    ++result.total;
    std::vector<std::string> got;
    for (const Span& s : SplitSentences(c.text)) got.emplace_back(base::Trim(s.In(c.text)));
    std::vector<std::string> expected;
    for (const std::string& e : c.expected) expected.emplace_back(base::Trim(e));
    if (got == expected) {
      ++result.passed;
    } else {
      result.failures.push_back(SbdFailure{c.id, c.rule, std::move(expected), std::move(got)});
    }
  }
  return result;
}

Result<SbdEvalResult> SbdEval(const std::string& path) {
  Result<std::string> contents = base::ReadFile(path, kMaxFileBytes);
  if (!contents.ok()) return contents.status();
  Result<std::vector<SbdCase>> cases = ParseSbdCases(path, *contents);
  if (!cases.ok()) return cases.status();
  if (cases->empty()) return Status::DataLoss(path, "no test cases");
  return ScoreSbd(*cases);
}

}  // namespace newsfuse::text
