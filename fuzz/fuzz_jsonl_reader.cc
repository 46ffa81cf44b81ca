// Fuzzes the JSONL reader: every line is either an article or one report;
// the reader never stops early and never crashes.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "ingest/jsonl_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (1 << 16)) return 0;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  newsfuse::ingest::CountingReporter reporter;
  newsfuse::ingest::JsonlOptions options;
  options.max_line_bytes = 4096;  // exercise the overlong-line path
  size_t articles = 0;
  const auto status = newsfuse::ingest::ReadJsonlBuffer(
      bytes, "fuzz.jsonl", options, reporter, [&](newsfuse::Article&& a) {
        if (a.id.empty() || a.paragraphs.empty()) std::abort();
        ++articles;
      });
  if (!status.ok()) std::abort();  // a buffer can always be read
  size_t lines = 1;
  for (char c : bytes) lines += c == '\n';
  if (articles + reporter.skipped() > lines) std::abort();
  return 0;
}
