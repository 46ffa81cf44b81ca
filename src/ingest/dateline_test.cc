#include "ingest/dateline.h"

#include <gtest/gtest.h>

namespace newsfuse::ingest {
namespace {

struct DatelineCase {
  const char* line;
  const char* want;  // nullptr: not a dateline
  DatelineKind kind = DatelineKind::kPublished;
};

TEST(DatelineTest, ParsesTheFormsNewsSitesPrint) {
  const DatelineCase cases[] = {
      {"April 1, 2024, 5:29 PM", "2024-04-01T17:29"},
      {"Mar 31, 2024 - World", "2024-03-31"},
      {"Updated: April 02, 2024, 4:09 AM", "2024-04-02T04:09", DatelineKind::kUpdated},
      {"Published 1 April 2024 09:15 GMT", "2024-04-01T09:15"},
      {"Monday, April 1, 2024", "2024-04-01"},
      {"2024-04-01", "2024-04-01"},
      {"Sept. 9, 2023 at 11:05 p.m. ET", "2023-09-09T23:05"},
      {"Last updated: Mar. 12, 2025, 12:00 AM", "2025-03-12T00:00", DatelineKind::kUpdated},
      {"March 11, 2025 | Politics", "2025-03-11"},
  };
  for (const auto& c : cases) {
    auto d = ParseDateline(c.line);
    ASSERT_TRUE(d.has_value()) << c.line;
    EXPECT_EQ(d->date.ToString(), c.want) << c.line;
    EXPECT_EQ(d->kind, c.kind) << c.line;
  }
}

TEST(DatelineTest, RejectsCaptionsAndSentencesThatHoldADate) {
  const char* not_datelines[] = {
      "Tents housing displaced Palestinians in Rafah, Mar. 30, 2024.",
      "Israeli Prime Minister Benjamin Netanyahu speaks in Jerusalem on March 17, 2024.",
      "April 1, 2024, was a Monday.",
      "Mar 31, 2024 - World news and a lot more words after it",
      "February 30, 2024",
      "April 2024",
      "13:00",
      "",
  };
  for (const char* line : not_datelines) EXPECT_FALSE(ParseDateline(line).has_value()) << line;
}

}  // namespace
}  // namespace newsfuse::ingest
