#include "ingest/warc_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <zlib.h>

#include <sstream>
#include <string>
#include <vector>

#include "base/file_io.h"
#include "ingest/article_body.h"

namespace newsfuse::ingest {
namespace {

using ::testing::HasSubstr;

// The fixtures were written by `wget --warc-file` (GNU Wget 1.21.3) fetching
// the invented pages in tests/data/html from `python3 -m http.server` on
// 127.0.0.1: a harbor-ferry page, a CSS file, a JSON-LD page, a latin-1 page
// and a 404 (crawl.warc.gz); the first three again uncompressed (crawl-plain.warc).
std::string Fixture(const std::string& name) {
  Result<std::string> bytes =
      base::ReadFile(std::string(NEWSFUSE_SOURCE_DIR) + "/tests/data/html/" + name, 1 << 20);
  EXPECT_TRUE(bytes.ok()) << bytes.status().ToString();
  return bytes.ok() ? *bytes : std::string();
}

struct WarcRun {
  std::vector<Article> articles;
  std::vector<std::string> skipped;
};

WarcRun ReadBytes(const std::string& bytes, const std::string& name,
              const WarcOptions& options = WarcOptions()) {
  WarcRun run;
  CountingReporter reporter;
  std::istringstream in(bytes);
  Status s = ReadWarcStream(in, name, options, reporter,
                            [&](Article&& a) { run.articles.push_back(std::move(a)); });
  EXPECT_TRUE(s.ok()) << s.ToString();
  run.skipped = reporter.messages();
  return run;
}

std::string Gzip(std::string_view data, int level = 6) {
  z_stream zs{};
  deflateInit2(&zs, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, data.size()) + 64, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

std::string Record(std::string_view type, std::string_view content_type, std::string_view block,
                   std::string_view uri = "http://example.test/page") {
  std::string r = "WARC/1.0\r\nWARC-Type: " + std::string(type) + "\r\nWARC-Target-URI: " +
                  std::string(uri) + "\r\nContent-Type: " + std::string(content_type) +
                  "\r\nContent-Length: " + std::to_string(block.size()) + "\r\n\r\n";
  r.append(block);
  r.append("\r\n\r\n");
  return r;
}

const char kPage[] =
    "<html><head><title>Dam inspection finds cracks</title></head><body><article>"
    "<p>Engineers inspecting the Kestrel Valley dam found hairline cracks in the spillway, "
    "the water authority said, adding that the reservoir level would be lowered as a "
    "precaution while repairs are planned.</p></article></body></html>";

TEST(WarcReaderTest, ReadsWgetWarcGz) {
  WarcRun run = ReadBytes(Fixture("crawl.warc.gz"), "crawl.warc.gz");
  ASSERT_EQ(run.articles.size(), 3u);  // the CSS, the 404 and request records are passed over
  EXPECT_TRUE(run.skipped.empty()) << run.skipped[0];
  EXPECT_EQ(run.articles[0].id, "http://127.0.0.1:18731/harbor-ferry.html");
  EXPECT_EQ(run.articles[0].origin, "crawl.warc.gz@899");
  EXPECT_EQ(run.articles[0].title.value_or(""), "Harbor ferry service to resume next month");
  EXPECT_THAT(ArticleBodyText(run.articles[0]), HasSubstr("Wrenfield Island"));
  EXPECT_EQ(run.articles[1].outlet.value_or(""), "Northfield Post");
  EXPECT_EQ(run.articles[2].title.value_or(""), "Neue Brücke für Mühlbach");
  EXPECT_EQ(run.articles[2].url.value_or(""), "http://127.0.0.1:18731/latin1-bridge.html");
}

TEST(WarcReaderTest, ReadsWgetPlainWarcFromFile) {
  CountingReporter reporter;
  std::vector<Article> articles;
  Status s = ReadWarc(std::string(NEWSFUSE_SOURCE_DIR) + "/tests/data/html/crawl-plain.warc",
                      reporter, [&](Article&& a) { articles.push_back(std::move(a)); });
  ASSERT_TRUE(s.ok());
  ASSERT_EQ(articles.size(), 2u);
  EXPECT_EQ(reporter.skipped(), 0u);
  EXPECT_THAT(articles[0].origin, HasSubstr("crawl-plain.warc@1247"));
}

TEST(WarcReaderTest, MissingFileIsAnError) {
  CountingReporter reporter;
  Status s = ReadWarc("/nonexistent/x.warc", reporter, [](Article&&) {});
  EXPECT_EQ(s.code(), StatusCode::kNotFound);
}

TEST(WarcReaderTest, TruncatedWarcGzKeepsEarlierRecords) {
  const std::string whole = Fixture("crawl.warc.gz");
  // Cut inside the second page's response member (4033..5313).
  WarcRun run = ReadBytes(whole.substr(0, 5000), "cut.warc.gz");
  ASSERT_EQ(run.articles.size(), 1u);
  ASSERT_EQ(run.skipped.size(), 1u);
  EXPECT_THAT(run.skipped[0], HasSubstr("cut.warc.gz: record at offset 4033"));
  EXPECT_THAT(run.skipped[0], HasSubstr("cut short"));
}

TEST(WarcReaderTest, TruncatedPlainWarcKeepsEarlierRecords) {
  const std::string whole = Fixture("crawl-plain.warc");
  WarcRun run = ReadBytes(whole.substr(0, 8000), "cut.warc");
  ASSERT_EQ(run.articles.size(), 1u);
  ASSERT_EQ(run.skipped.size(), 1u);
  EXPECT_THAT(run.skipped[0], HasSubstr("cut.warc: record at offset 7081"));
  EXPECT_THAT(run.skipped[0], HasSubstr("cut short"));
}

TEST(WarcReaderTest, GzipMemberCutInHalfIsSkippedAndTheRestRead) {
  const std::string whole = Fixture("crawl.warc.gz");
  // The harbor-ferry response is the member at 899..2695: keep only its first part.
  const std::string damaged = whole.substr(0, 1500) + whole.substr(2695);
  WarcRun run = ReadBytes(damaged, "damaged.warc.gz");
  ASSERT_EQ(run.articles.size(), 2u);
  EXPECT_EQ(run.articles[0].title.value_or(""), "Council votes to extend library hours");
  ASSERT_EQ(run.skipped.size(), 1u);
  EXPECT_THAT(run.skipped[0], HasSubstr("damaged.warc.gz: record at offset 899"));
  EXPECT_THAT(run.skipped[0], HasSubstr("gzip member"));
}

std::string WithContentLength(const std::string& warc, long delta) {
  const size_t response = warc.find("WARC-Type: response");
  const size_t at = warc.find("Content-Length: ", response);
  const size_t eol = warc.find("\r\n", at);
  const long n = std::stol(warc.substr(at + 16, eol - at - 16));
  return warc.substr(0, at) + "Content-Length: " + std::to_string(n + delta) + warc.substr(eol);
}

TEST(WarcReaderTest, LyingContentLengthIsSkippedBothWays) {
  const std::string plain = Fixture("crawl-plain.warc");
  for (long delta : {700L, -300L}) {
    WarcRun run = ReadBytes(WithContentLength(plain, delta), "lie.warc");
    ASSERT_EQ(run.articles.size(), 1u) << delta;
    EXPECT_EQ(run.articles[0].title.value_or(""), "Council votes to extend library hours");
    ASSERT_EQ(run.skipped.size(), 1u) << delta;
    EXPECT_THAT(run.skipped[0], HasSubstr("lie.warc: record at offset 1247"));
    EXPECT_THAT(run.skipped[0], HasSubstr("Content-Length"));
  }
}

TEST(WarcReaderTest, OversizedRecordIsSkippedWithoutBuffering) {
  // A 100 MB record in its own gzip member (about 100 KB compressed), then a good page.
  std::string big_block = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>";
  big_block.append(100u << 20, 'w');
  std::string big = Record("response", "application/http; msgtype=response", big_block);
  big_block = std::string();
  std::string warc = Gzip(big, 1);
  big = std::string();
  const size_t second = warc.size();
  warc += Gzip(Record("response", "application/http; msgtype=response",
                      std::string("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n") + kPage));
  WarcRun run = ReadBytes(warc, "big.warc.gz");
  ASSERT_EQ(run.articles.size(), 1u);
  EXPECT_EQ(run.articles[0].origin, "big.warc.gz@" + std::to_string(second));
  ASSERT_EQ(run.skipped.size(), 1u);
  EXPECT_THAT(run.skipped[0], HasSubstr("big.warc.gz: record at offset 0"));
  EXPECT_THAT(run.skipped[0], HasSubstr("over the limit of 33554432 bytes"));
}

TEST(WarcReaderTest, DecodesChunkedAndGzipEncodedHttpBodies) {
  const std::string gz = Gzip(kPage);
  std::string chunked;
  for (size_t pos = 0; pos < gz.size(); pos += 100) {
    const std::string piece = gz.substr(pos, 100);
    char size[16];
    std::snprintf(size, sizeof(size), "%zx", piece.size());
    chunked += std::string(size) + "\r\n" + piece + "\r\n";
  }
  chunked += "0\r\n\r\n";
  const std::string http =
      "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nTransfer-Encoding: chunked\r\n"
      "Content-Encoding: gzip\r\n\r\n" + chunked;
  const std::string warc = Record("warcinfo", "application/warc-fields", "software: test\r\n") +
                           Record("response", "application/http; msgtype=response", http) +
                           Record("resource", "text/html", kPage, "http://example.test/r") +
                           Record("response", "application/http; msgtype=response",
                                  "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG");
  WarcRun run = ReadBytes(warc, "mixed.warc");
  ASSERT_EQ(run.articles.size(), 2u);
  EXPECT_TRUE(run.skipped.empty()) << run.skipped[0];
  EXPECT_EQ(run.articles[0].title.value_or(""), "Dam inspection finds cracks");
  EXPECT_THAT(ArticleBodyText(run.articles[1]), HasSubstr("Kestrel Valley dam"));
}

TEST(WarcReaderTest, BadChunkingIsReported) {
  const std::string http =
      "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc";
  WarcRun run = ReadBytes(Record("response", "application/http; msgtype=response", http) +
                          Record("resource", "text/html", kPage),
                      "chunk.warc");
  EXPECT_EQ(run.articles.size(), 1u);
  ASSERT_EQ(run.skipped.size(), 1u);
  EXPECT_THAT(run.skipped[0], HasSubstr("chunk.warc: record at offset 0"));
}

TEST(WarcReaderTest, GarbageBetweenRecordsIsSkipped) {
  WarcRun run = ReadBytes("not a warc line\r\nmore junk\r\n" + Record("resource", "text/html", kPage),
                      "junk.warc");
  EXPECT_EQ(run.articles.size(), 1u);
  ASSERT_EQ(run.skipped.size(), 1u);
  EXPECT_THAT(run.skipped[0], HasSubstr("junk.warc: record at offset 0"));
}

}  // namespace
}  // namespace newsfuse::ingest
