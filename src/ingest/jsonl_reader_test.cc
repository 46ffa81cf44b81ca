#include "ingest/jsonl_reader.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "ingest/corpus_loader.h"

namespace newsfuse::ingest {
namespace {

std::vector<Article> Read(const std::string& bytes, CountingReporter* reporter, JsonlOptions options = {}) {
  std::vector<Article> out;
  Status s = ReadJsonlBuffer(bytes, "feed.jsonl", options, *reporter, [&](Article&& a) { out.push_back(std::move(a)); });
  EXPECT_TRUE(s.ok()) << s.ToString();
  return out;
}

TEST(JsonlReaderTest, ReadsMetadataFromFields) {
  CountingReporter reporter;
  auto articles = Read(
      R"({"id":"a1","url":"https://example.org/a1","outlet":"Coastline Wire","published":"2025-03-11T06:00:00Z","title":"Bridge shut","text":"Bridge shut\n\nThe bridge closed on Tuesday after a ship hit it."})"
      "\n",
      &reporter);
  ASSERT_EQ(articles.size(), 1u);
  const Article& a = articles[0];
  EXPECT_EQ(a.id, "a1");
  EXPECT_EQ(a.outlet.value_or(""), "Coastline Wire");
  EXPECT_EQ(OptionalDateString(a.published).value_or(""), "2025-03-11T06:00");
  EXPECT_EQ(a.title.value_or(""), "Bridge shut");
  ASSERT_EQ(a.paragraphs.size(), 1u);  // the repeated title line is dropped
  EXPECT_EQ(reporter.skipped(), 0u);
}

TEST(JsonlReaderTest, SkipsAndCountsBadLinesNamingFileAndLine) {
  CountingReporter reporter;
  auto articles = Read(
      "{\"id\":\"ok\",\"text\":\"A body sentence that is long enough.\"}\n"
      "not json at all\n"
      "[1,2,3]\n"
      "{\"id\":\"no-text\"}\n"
      "\n"
      "{\"id\":\"bad-date\",\"published\":\"someday\",\"text\":\"Another body sentence here.\"}\n",
      &reporter);
  ASSERT_EQ(articles.size(), 2u);
  EXPECT_FALSE(articles[1].published.has_value());
  ASSERT_EQ(reporter.skipped(), 3u);
  EXPECT_EQ(reporter.messages()[0].rfind("feed.jsonl:2: not valid JSON", 0), 0u);
  EXPECT_EQ(reporter.messages()[1], "feed.jsonl:3: not a JSON object");
  EXPECT_EQ(reporter.messages()[2], "feed.jsonl:4: no \"text\", \"html\" or \"title\" field");
  // The date it could not read is said, and the article kept.
  ASSERT_EQ(reporter.warnings().size(), 1u);
  EXPECT_EQ(reporter.warnings()[0], "feed.jsonl:6: \"published\" is not a date: \"someday\" (kept without a date)");
}

TEST(JsonlReaderTest, WrongTypeIsAnErrorNamingTheField) {
  CountingReporter reporter;
  auto articles = Read(
      "{\"id\":\"t1\",\"text\":42}\n"
      "{\"id\":\"t2\",\"title\":[\"a\"],\"text\":\"Body text of the second item.\"}\n"
      "{\"id\":7,\"text\":\"A numeric id is fine.\"}\n"
      "{\"id\":{},\"text\":\"An object id is not.\"}\n",
      &reporter);
  ASSERT_EQ(articles.size(), 1u);
  EXPECT_EQ(articles[0].id, "7");
  ASSERT_EQ(reporter.skipped(), 3u);
  EXPECT_EQ(reporter.messages()[0], "feed.jsonl:1: \"text\" must be a string, not a number");
  EXPECT_EQ(reporter.messages()[1], "feed.jsonl:2: \"title\" must be a string, not an array");
  EXPECT_EQ(reporter.messages()[2], "feed.jsonl:4: \"id\" must be a string or an integer, not an object");
}

TEST(JsonlReaderTest, TitleOnlyItemsAreKept) {
  CountingReporter reporter;
  auto articles = Read(
      "{\"id\":\"a\",\"title\":\"Bridge shut after ship strike\",\"text\":\"Bridge shut after ship strike\"}\n"
      "{\"id\":\"b\",\"title\":\"Bridge reopens\"}\n",
      &reporter);
  ASSERT_EQ(articles.size(), 2u) << (reporter.messages().empty() ? "" : reporter.messages()[0]);
  for (const Article& a : articles) {
    ASSERT_EQ(a.paragraphs.size(), 1u) << a.id;
    EXPECT_EQ(a.paragraphs[0].text, *a.title);
    EXPECT_FALSE(a.paragraphs[0].is_heading);
  }
}

TEST(JsonlReaderTest, EmptyFileIsReported) {
  CountingReporter reporter;
  EXPECT_TRUE(Read("\n\n", &reporter).empty());
  ASSERT_EQ(reporter.skipped(), 1u);
  EXPECT_EQ(reporter.messages()[0], "feed.jsonl: empty file (no JSON lines)");
}

TEST(JsonlReaderTest, OverlongLineIsSkippedWithoutStoppingTheFile) {
  CountingReporter reporter;
  JsonlOptions options;
  options.max_line_bytes = 1 << 20;
  std::string huge = "{\"id\":\"big\",\"text\":\"" + std::string(3u << 20, 'x') + "\"}\n";
  auto articles = Read(huge + "{\"id\":\"after\",\"text\":\"Still read after the long line.\"}\n", &reporter, options);
  ASSERT_EQ(articles.size(), 1u);
  EXPECT_EQ(articles[0].id, "after");
  ASSERT_EQ(reporter.skipped(), 1u);
  EXPECT_NE(reporter.messages()[0].find("feed.jsonl:1: line is 3145750 bytes; the limit is 1048576"), std::string::npos)
      << reporter.messages()[0];
}

TEST(CorpusLoaderTest, MissingPathAndDuplicateIdsAreReportedNotFatal) {
  const std::string dir = ::testing::TempDir();
  const std::string jsonl = dir + "/corpus_loader_test.jsonl";
  {
    std::ofstream out(jsonl);
    out << "{\"id\":\"same\",\"text\":\"First article body here.\"}\n"
        << "{\"id\":\"same\",\"text\":\"Second article, same id.\"}\n";
  }
  CountingReporter reporter;
  Corpus corpus = LoadCorpus({jsonl, dir + "/does-not-exist.txt"}, {}, reporter);
  ASSERT_EQ(corpus.articles.size(), 1u);
  ASSERT_EQ(reporter.skipped(), 2u);
  EXPECT_NE(reporter.messages()[0].find("duplicate article id \"same\""), std::string::npos);
  EXPECT_NE(reporter.messages()[1].find("does-not-exist.txt: no such file or folder"), std::string::npos);
  std::remove(jsonl.c_str());
}

TEST(CorpusLoaderTest, OversizedFileIsSkipped) {
  const std::string path = ::testing::TempDir() + "/oversized_article.txt";
  {
    std::ofstream out(path);
    out << std::string(2048, 'a') << "\n";
  }
  CountingReporter reporter;
  LoadOptions options;
  options.max_article_bytes = 1024;
  Corpus corpus = LoadCorpus({path}, options, reporter);
  EXPECT_TRUE(corpus.articles.empty());
  ASSERT_EQ(reporter.skipped(), 1u);
  EXPECT_NE(reporter.messages()[0].find("file is 2049 bytes; the limit is 1024"), std::string::npos);
  std::remove(path.c_str());
}

}  // namespace
}  // namespace newsfuse::ingest
