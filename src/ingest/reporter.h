// File: ingest/reporter.h
//
// Readers skip bad input and say so through a Reporter (after leveldb's
// log::Reader::Reporter): one bad article in a million is counted, not fatal.
#ifndef NEWSFUSE_INGEST_REPORTER_H_
#define NEWSFUSE_INGEST_REPORTER_H_

#include <cstddef>
#include <string>
#include <vector>

#include "newsfuse/status.h"

namespace newsfuse::ingest {

class Reporter {
 public:
  virtual ~Reporter() = default;
  // `status` names the input (file, and line where there is one) and the problem.
  virtual void Skipped(const Status& status) = 0;
};

// Counts and keeps the messages; optionally echoes each to standard error.
class CountingReporter : public Reporter {
 public:
  explicit CountingReporter(bool echo_to_stderr = false) : echo_(echo_to_stderr) {}
  void Skipped(const Status& status) override;
  size_t skipped() const { return messages_.size(); }
  const std::vector<std::string>& messages() const { return messages_; }

 private:
  bool echo_;
  std::vector<std::string> messages_;
};

}  // namespace newsfuse::ingest

#endif  // NEWSFUSE_INGEST_REPORTER_H_
