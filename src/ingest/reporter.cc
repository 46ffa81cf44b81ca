#include "ingest/reporter.h"

#include <iostream>

namespace newsfuse::ingest {

void CountingReporter::Skipped(const Status& status) {
  messages_.push_back(status.ToString());
  if (echo_) std::cerr << "newsfuse: skipped " << messages_.back() << "\n";
}

void CountingReporter::Warned(const Status& status) {
  warnings_.push_back(status.ToString());
  if (echo_) std::cerr << "newsfuse: warning: " << warnings_.back() << "\n";
}

namespace {

constexpr size_t kLinesListed = 5;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// "path:12: problem: detail" -> path, "12", "problem: detail". A message
// without a line number has an empty `line`.
struct Parts {
  std::string_view file, line, problem;
};

Parts Split(std::string_view message) {
  Parts p;
  const size_t colon = message.find(": ");
  if (colon == std::string_view::npos) {
    p.problem = message;
    return p;
  }
  std::string_view subject = message.substr(0, colon);
  p.problem = message.substr(colon + 2);
  size_t digits = subject.size();
  while (digits > 0 && IsDigit(subject[digits - 1])) --digits;
  if (digits > 0 && digits < subject.size() && subject[digits - 1] == ':') {
    p.file = subject.substr(0, digits - 1);
    p.line = subject.substr(digits);
  } else {
    p.file = subject;
  }
  return p;
}

// The problem without its detail (after ": "), figures and quoted values:
// "not valid JSON: <what the parser said>", "line is 52428823 bytes" and
// "line is 17000000 bytes" are one kind each.
std::string KindOf(std::string_view problem) {
  problem = problem.substr(0, problem.find(": "));
  std::string kind;
  bool in_quote = false;
  for (size_t i = 0; i < problem.size(); ++i) {
    const char c = problem[i];
    if (c == '"') {
      in_quote = !in_quote;
      kind += '"';
      continue;
    }
    if (in_quote) continue;
    if (IsDigit(c)) {
      if (kind.empty() || kind.back() != '#') kind += '#';
      continue;
    }
    kind += c;
  }
  return kind;
}

}  // namespace

void SummaryReporter::Add(const Status& status, bool warning) {
  (warning ? warned_ : skipped_)++;
  const std::string message = status.ToString();
  const Parts parts = Split(message);
  std::string key = std::string(warning ? "w " : "s ") + std::string(parts.file) + '\n' + KindOf(parts.problem);
  for (Group& g : groups_) {
    if (g.key != key) continue;
    ++g.count;
    if (!parts.line.empty() && g.more_lines.size() < kLinesListed) g.more_lines.emplace_back(parts.line);
    return;
  }
  groups_.push_back(Group{std::move(key), message, warning, 1, {}});
}

std::vector<std::string> SummaryReporter::Lines() const {
  std::vector<std::string> lines;
  for (const Group& g : groups_) {
    std::string line = std::string("newsfuse: ") + (g.warning ? "warning: " : "skipped ") + g.first;
    if (g.count > 1) {
      const size_t more = g.count - 1;
      line += " (and " + std::to_string(more) + " more " + (g.more_lines.empty() ? "like it" : "lines like it: ");
      for (size_t i = 0; i < g.more_lines.size(); ++i) line += (i ? ", " : "") + g.more_lines[i];
      if (!g.more_lines.empty() && more > g.more_lines.size()) line += ", ...";
      line += ")";
    }
    lines.push_back(std::move(line));
  }
  return lines;
}

void SummaryReporter::Print(std::FILE* out) const {
  for (const std::string& line : Lines()) std::fprintf(out, "%s\n", line.c_str());
  std::fflush(out);
}

}  // namespace newsfuse::ingest
