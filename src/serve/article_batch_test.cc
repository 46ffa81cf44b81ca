#include "serve/article_batch.h"

#include <gtest/gtest.h>

namespace newsfuse::serve {
namespace {

TEST(ArticleBatchTest, SingleObjectMayBePrettyPrinted) {
  ArticleBatch b = ParseArticleBatch(
      "{\n  \"id\": \"x1\",\n  \"title\": \"Port reopens\",\n  \"published\": \"2025-03-12\",\n"
      "  \"text\": \"The port reopened on Wednesday.\"\n}\n",
      BodyFormat::kDetect);
  ASSERT_EQ(b.articles.size(), 1u);
  EXPECT_TRUE(b.rejected.empty());
  EXPECT_EQ(b.articles[0].id, "x1");
  EXPECT_EQ(b.articles[0].title.value_or(""), "Port reopens");
  EXPECT_EQ(OptionalDateString(b.articles[0].published).value_or(""), "2025-03-12");
  EXPECT_EQ(b.lines, std::vector<size_t>{1});
}

TEST(ArticleBatchTest, ArrayElementsAreNumbered) {
  ArticleBatch b = ParseArticleBatch(
      R"([{"id":"a","text":"One."}, 7, {"id":"b"}, {"id":3,"html":"<p>Three.</p>"}])", BodyFormat::kDetect);
  ASSERT_EQ(b.articles.size(), 2u);
  EXPECT_EQ(b.articles[1].id, "3");
  EXPECT_EQ(b.lines, (std::vector<size_t>{1, 4}));
  ASSERT_EQ(b.rejected.size(), 2u);
  EXPECT_EQ(b.rejected[0].line, 2u);
  EXPECT_EQ(b.rejected[0].error, "not a JSON object");
  EXPECT_EQ(b.rejected[1].line, 3u);
  EXPECT_EQ(b.rejected[1].error.find("body:"), std::string::npos) << b.rejected[1].error;
}

TEST(ArticleBatchTest, JsonLinesKeepTheirLineNumbers) {
  ArticleBatch b = ParseArticleBatch("\n{\"id\":\"a\",\"text\":\"One.\"}\n\n{oops\n{\"id\":\"c\",\"text\":\"Two.\"}",
                                     BodyFormat::kJsonLines);
  ASSERT_EQ(b.articles.size(), 2u);
  EXPECT_EQ(b.lines, (std::vector<size_t>{2, 5}));
  ASSERT_EQ(b.rejected.size(), 1u);
  EXPECT_EQ(b.rejected[0].line, 4u);
  EXPECT_NE(b.rejected[0].error.find("not valid JSON"), std::string::npos);
}

TEST(ArticleBatchTest, MissingIdIsDerivedFromTheUrl) {
  ArticleBatch a = ParseArticleBatch(R"({"url":"https://x.test/1","text":"Body one."})", BodyFormat::kDetect);
  ArticleBatch b = ParseArticleBatch(R"({"url":"https://x.test/1","text":"Body two."})", BodyFormat::kDetect);
  ArticleBatch c = ParseArticleBatch(R"({"id":"","url":"https://x.test/2","text":"Body."})", BodyFormat::kDetect);
  ASSERT_EQ(a.articles.size(), 1u);
  ASSERT_EQ(b.articles.size(), 1u);
  ASSERT_EQ(c.articles.size(), 1u);
  EXPECT_EQ(a.articles[0].id, b.articles[0].id);
  EXPECT_NE(a.articles[0].id, c.articles[0].id);
  EXPECT_EQ(a.articles[0].id.size(), 18u);
}

TEST(ArticleBatchTest, GarbageIsRejectedNotFatal) {
  for (std::string_view body : {"", "[", "]", "{", "nul", "\xff\xfe", "[[[[[[[[", "{\"id\":1}{\"id\":2}"}) {
    ArticleBatch b = ParseArticleBatch(body, BodyFormat::kDetect);
    EXPECT_TRUE(b.articles.empty()) << body;
    EXPECT_FALSE(b.rejected.empty()) << body;
  }
}

}  // namespace
}  // namespace newsfuse::serve
