// File: cli/ingest_progress.h
//
// `newsfuse ingest`'s progress display: how far the reader is in its inputs
// (InputProgress, in bytes) and standard error shared by the progress bar and
// the reader's messages (Terminal), so that the two never interleave.
//
//   InputProgress progress(inputs);
//   Terminal terminal(::isatty(STDERR_FILENO));
//   terminal.Progress(progress.After(article), progress.total(), n, seconds);
#ifndef NEWSFUSE_CLI_INGEST_PROGRESS_H_
#define NEWSFUSE_CLI_INGEST_PROGRESS_H_

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "newsfuse/article.h"

namespace newsfuse::cli {

using Clock = std::chrono::steady_clock;

// Where the reader is in its inputs, in bytes, from each article's origin:
// "file" (one article per file), "file:LINE" (JSONL: estimated from the
// article's size) or "file@OFFSET" (WARC: the record's byte offset).
class InputProgress {
 public:
  explicit InputProgress(const std::vector<std::string>& inputs);

  uint64_t total() const { return total_; }

  // Returns the bytes done after `article`.
  uint64_t After(const Article& a);

 private:
  void Add(const std::string& path);

  std::map<std::string, uint64_t> sizes_;
  uint64_t total_ = 0;
  uint64_t finished_ = 0;
  std::string current_;
  uint64_t current_within_ = 0;
  uint64_t done_ = 0;
};

// Standard error, shared by the progress bar and the reader's messages: a
// message first clears the bar's line, so the two never interleave.
class Terminal {
 public:
  explicit Terminal(bool bar) : bar_(bar) {}
  bool bar() const { return bar_; }

  void Message(const std::string& line);

  // Redraws at most ~10 times a second (unless `force`).
  void Progress(uint64_t done, uint64_t total, size_t articles, double seconds, bool force = false);

  void Clear();

 private:
  const bool bar_;
  std::mutex mu_;
  bool drawn_ = false;
  Clock::time_point last_{};
};

}  // namespace newsfuse::cli

#endif  // NEWSFUSE_CLI_INGEST_PROGRESS_H_
