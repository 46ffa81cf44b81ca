#include "eval/sbd_eval.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <iostream>

namespace newsfuse::text {
namespace {

TEST(SbdEvalTest, ParsesAndScoresCases) {
  const char* jsonl =
      R"({"id": 1, "rule": "simple", "text": "Hi there. Bye.", "expected": ["Hi there.", "Bye."]})"
      "\n\n"
      R"({"id": 2, "rule": "wrong on purpose", "text": "One. Two.", "expected": ["One. Two."]})"
      "\n";
  Result<std::vector<SbdCase>> cases = ParseSbdCases("mem", jsonl);
  ASSERT_TRUE(cases.ok()) << cases.status().ToString();
  ASSERT_EQ(cases->size(), 2u);
  EXPECT_EQ((*cases)[0].rule, "simple");
  SbdEvalResult r = ScoreSbd(*cases);
  EXPECT_EQ(r.passed, 1);
  EXPECT_EQ(r.total, 2);
  ASSERT_EQ(r.failures.size(), 1u);
  EXPECT_EQ(r.failures[0].id, 2);
  EXPECT_EQ(r.failures[0].got, (std::vector<std::string>{"One.", "Two."}));
}

TEST(SbdEvalTest, BadLineIsNamed) {
  Result<std::vector<SbdCase>> cases =
      ParseSbdCases("x.jsonl", "{\"text\": \"a\", \"expected\": [\"a\"]}\n{not json\n");
  ASSERT_FALSE(cases.ok());
  EXPECT_EQ(cases.status().message(), "x.jsonl: line 2: not valid JSON");
  cases = ParseSbdCases("x.jsonl", "{\"text\": \"a\"}\n");
  ASSERT_FALSE(cases.ok());
  EXPECT_EQ(cases.status().message(), "x.jsonl: line 1: no array field \"expected\"");
}

TEST(SbdEvalTest, MissingFileIsNamed) {
  Result<SbdEvalResult> r = SbdEval("/nonexistent/golden.jsonl");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("/nonexistent/golden.jsonl"), std::string::npos);
}

// The Golden Rules set (pySBD scores 47/48, ICU 28/48); we require at least 44.
TEST(SbdEvalTest, GoldenRulesAtLeast44Of48) {
  const std::string path = NEWSFUSE_SHARED_DIR "/data/sbd/golden_rules_en.jsonl";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no shared data at " << path;
  Result<SbdEvalResult> r = SbdEval(path);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  for (const SbdFailure& f : r->failures) {
    std::cout << "  failed #" << f.id << " (" << f.rule << "): got " << f.got.size()
              << " sentences, expected " << f.expected.size() << "\n";
  }
  std::cout << "golden rules: " << r->passed << "/" << r->total << "\n";
  EXPECT_EQ(r->total, 48);
  EXPECT_GE(r->passed, 44);
}

}  // namespace
}  // namespace newsfuse::text
