// Fuzz target for the WARC reader: gzip members and their damage, record
// headers, Content-Length, HTTP parsing, chunking and content coding. The
// reader must never crash or hang, and every skip must name the input.
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>

#include "ingest/reporter.h"
#include "ingest/warc_reader.h"

namespace {

class CheckingReporter : public newsfuse::ingest::Reporter {
 public:
  void Skipped(const newsfuse::Status& status) override {
    if (status.ok() || status.ToString().find("fuzz.warc") == std::string::npos) std::abort();
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (1 << 18)) return 0;
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  newsfuse::ingest::WarcOptions options;
  options.max_record_bytes = 1 << 20;
  options.html.max_page_bytes = 1 << 20;
  CheckingReporter reporter;
  size_t articles = 0;
  newsfuse::ingest::ReadWarcStream(in, "fuzz.warc", options, reporter,
                                   [&](newsfuse::Article&&) { ++articles; });
  return 0;
}
