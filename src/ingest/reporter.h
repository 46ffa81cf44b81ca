// File: ingest/reporter.h
//
// Readers skip bad input and say so through a Reporter (after leveldb's
// log::Reader::Reporter): one bad article in a million is counted, not fatal.
#ifndef NEWSFUSE_INGEST_REPORTER_H_
#define NEWSFUSE_INGEST_REPORTER_H_

#include <cstddef>
#include <cstdio>
#include <string>
#include <vector>

#include "newsfuse/status.h"

namespace newsfuse::ingest {

class Reporter {
 public:
  virtual ~Reporter() = default;
  // `status` names the input (file, and line where there is one) and the problem.
  virtual void Skipped(const Status& status) = 0;
  // The article was kept, but not quite as given (a date that could not be
  // read, text that was not UTF-8): same form as Skipped. Ignored by default.
  virtual void Warned(const Status& status) {}
};

// Counts and keeps the messages; optionally echoes each to standard error.
class CountingReporter : public Reporter {
 public:
  explicit CountingReporter(bool echo_to_stderr = false) : echo_(echo_to_stderr) {}
  void Skipped(const Status& status) override;
  void Warned(const Status& status) override;
  size_t skipped() const { return messages_.size(); }
  const std::vector<std::string>& messages() const { return messages_; }
  const std::vector<std::string>& warnings() const { return warnings_; }

 private:
  bool echo_;
  std::vector<std::string> messages_;
  std::vector<std::string> warnings_;
};

// The command line's reporter: a file with 22 bad lines gets one line, not
// 22. Problems are grouped by file and kind (the message with its line
// number and figures left out) and printed by Print() in order of first
// occurrence, each as its first message plus how many more there were:
//   skipped feed.jsonl:1: not valid JSON: ... (and 21 more lines like it: 2, 3, 4, 5, 6, ...)
class SummaryReporter : public Reporter {
 public:
  void Skipped(const Status& status) override { Add(status, /*warning=*/false); }
  void Warned(const Status& status) override { Add(status, /*warning=*/true); }
  size_t skipped() const { return skipped_; }
  size_t warned() const { return warned_; }
  // One line per group, each prefixed "newsfuse: ", without a newline.
  std::vector<std::string> Lines() const;
  // Lines() to `out`, one per line.
  void Print(std::FILE* out) const;

 private:
  struct Group {
    std::string key;
    std::string first;           // the first message, whole
    bool warning = false;
    size_t count = 0;
    std::vector<std::string> more_lines;  // line numbers after the first, a few
  };
  void Add(const Status& status, bool warning);

  std::vector<Group> groups_;
  size_t skipped_ = 0;
  size_t warned_ = 0;
};

}  // namespace newsfuse::ingest

#endif  // NEWSFUSE_INGEST_REPORTER_H_
