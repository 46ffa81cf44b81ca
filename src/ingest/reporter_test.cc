#include "ingest/reporter.h"

#include <gtest/gtest.h>

namespace newsfuse::ingest {
namespace {

TEST(SummaryReporterTest, OneLinePerFileAndKindWithACount) {
  SummaryReporter r;
  for (int line = 1; line <= 22; ++line) {
    r.Skipped(Status::DataLoss("a.jsonl:" + std::to_string(line), "not valid JSON: bad byte"));
  }
  r.Skipped(Status::DataLoss("b.jsonl:3", "not valid JSON: bad byte"));
  r.Skipped(Status::ResourceExhausted("a.jsonl:30", "line is 52428823 bytes; the limit is 16777216"));
  r.Skipped(Status::ResourceExhausted("a.jsonl:31", "line is 17000000 bytes; the limit is 16777216"));
  r.Warned(Status::InvalidArgument("a.jsonl:5", "\"published\" is not a date: \"someday\" (kept without a date)"));
  r.Warned(Status::InvalidArgument("a.jsonl:9", "\"published\" is not a date: \"soon\" (kept without a date)"));
  r.Skipped(Status::NotFound("missing.txt", "no such file"));
  EXPECT_EQ(r.skipped(), 26u);
  EXPECT_EQ(r.warned(), 2u);
  const std::vector<std::string> lines = r.Lines();
  ASSERT_EQ(lines.size(), 5u);
  EXPECT_EQ(lines[0],
            "newsfuse: skipped a.jsonl:1: not valid JSON: bad byte (and 21 more lines like it: 2, 3, 4, 5, 6, ...)");
  EXPECT_EQ(lines[1], "newsfuse: skipped b.jsonl:3: not valid JSON: bad byte");
  EXPECT_EQ(lines[2],
            "newsfuse: skipped a.jsonl:30: line is 52428823 bytes; the limit is 16777216 (and 1 more lines like it: 31)");
  EXPECT_EQ(lines[3],
            "newsfuse: warning: a.jsonl:5: \"published\" is not a date: \"someday\" (kept without a date) "
            "(and 1 more lines like it: 9)");
  EXPECT_EQ(lines[4], "newsfuse: skipped missing.txt: no such file");
}

}  // namespace
}  // namespace newsfuse::ingest
