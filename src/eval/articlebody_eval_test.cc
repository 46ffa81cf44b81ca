#include "eval/articlebody_eval.h"

#include <gtest/gtest.h>
#include <simdjson.h>

#include <filesystem>
#include <string>

#include "base/file_io.h"
#include "ingest/article_body.h"
#include "ingest/html_reader.h"

namespace newsfuse::ingest {
namespace {

TEST(ArticleBodyEvalTest, TokensAreUnicodeWordRuns) {
  const auto tokens = WordTokens("Grüße, 東京 snake_case x2 — «ok»");
  ASSERT_EQ(tokens.size(), 5u);
  EXPECT_EQ(tokens[0], "Grüße");
  EXPECT_EQ(tokens[1], "東京");
  EXPECT_EQ(tokens[2], "snake_case");
  EXPECT_EQ(tokens[4], "ok");
}

TEST(ArticleBodyEvalTest, ScoresShingles) {
  const std::string truth = "one two three four five six seven eight";
  PageScore same = ScoreArticleBody(truth, "One two three four five six seven eight");
  EXPECT_LT(same.precision, 1.0);  // case matters, as in the benchmark
  same = ScoreArticleBody(truth, truth + ".");
  EXPECT_DOUBLE_EQ(same.precision, 1.0);
  EXPECT_DOUBLE_EQ(same.recall, 1.0);
  // The first half: 5 true shingles, 2 predicted, both right.
  PageScore half = ScoreArticleBody(truth, "one two three four five");
  EXPECT_DOUBLE_EQ(half.precision, 1.0);
  EXPECT_DOUBLE_EQ(half.recall, 2.0 / 5.0);
  PageScore empty = ScoreArticleBody(truth, "");
  EXPECT_DOUBLE_EQ(empty.precision, 0.0);
  EXPECT_DOUBLE_EQ(empty.recall, 0.0);
}

TEST(ArticleBodyEvalTest, F1IsFromTheMeans) {
  const ExtractionScore s = Aggregate({PageScore{1.0, 0.5}, PageScore{0.5, 1.0}});
  EXPECT_DOUBLE_EQ(s.precision, 0.75);
  EXPECT_DOUBLE_EQ(s.recall, 0.75);
  EXPECT_DOUBLE_EQ(s.f1, 0.75);
}

// A guard against regressions on the benchmark's development pages.
TEST(ArticleBodyEvalTest, DevPagesScoreAboveReadability) {
  const std::string dir = std::string(NEWSFUSE_SHARED_DIR) + "/data/html/articlebody";
  if (!std::filesystem::exists(dir + "/ground-truth.json")) {
    GTEST_SKIP() << dir << " is absent (shared evaluation data)";
  }
  simdjson::dom::parser parser;
  simdjson::dom::element truth;
  ASSERT_EQ(parser.load(dir + "/ground-truth.json").get(truth), simdjson::SUCCESS);
  std::vector<PageScore> scores;
  for (auto [key, value] : truth.get_object()) {
    std::string_view body;
    ASSERT_EQ(value["articleBody"].get_string().get(body), simdjson::SUCCESS);
    const std::string path = dir + "/html/" + std::string(key) + ".html.gz";
    Result<std::string> bytes = base::ReadFile(path, 64 << 20);
    ASSERT_TRUE(bytes.ok()) << path;
    Result<Article> a = ReadHtmlArticle(key, path, *bytes);
    scores.push_back(ScoreArticleBody(body, a.ok() ? ArticleBodyText(*a) : std::string()));
  }
  const ExtractionScore s = Aggregate(scores);
  EXPECT_GE(s.f1, 0.97) << "precision " << s.precision << " recall " << s.recall;
}

}  // namespace
}  // namespace newsfuse::ingest
