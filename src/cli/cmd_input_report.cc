// The one bad-input policy of every verb that reads articles (brief,
// cluster, extract, ingest): each problem named with its file and line, one
// line per file and kind of problem with a count (ingest::SummaryReporter),
// and a non-zero exit only when nothing at all could be read.
#include <cstdio>

#include "cli/commands.h"

namespace newsfuse::cli {

int FinishInputReport(const ingest::SummaryReporter& reporter, size_t articles,
                      const std::vector<std::string>& inputs, std::string_view verb) {
  reporter.Print(stderr);
  if (articles > 0) {
    if (reporter.skipped() > 0) {
      std::fprintf(stderr, "newsfuse: %.*s: read %zu article(s); skipped %zu\n", static_cast<int>(verb.size()),
                   verb.data(), articles, reporter.skipped());
    }
    return 0;
  }
  std::string named;
  for (size_t i = 0; i < inputs.size() && i < 3; ++i) named += (i ? ", " : "") + inputs[i];
  if (inputs.size() > 3) named += " and " + std::to_string(inputs.size() - 3) + " more";
  std::fprintf(stderr, "newsfuse: %.*s: no article could be read from %s\n", static_cast<int>(verb.size()),
               verb.data(), named.c_str());
  return 1;
}

}  // namespace newsfuse::cli
