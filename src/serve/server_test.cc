#include "serve/server.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <simdjson.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "engine/engine_internal.h"
#include "serve/fake_store_testutil.h"
#include "serve/web_assets.h"

namespace newsfuse::serve {
namespace {

using Clock = std::chrono::steady_clock;

class ServerTest : public ::testing::Test {
 protected:
  void Start(ServerOptions options = {}) {
    options.port = 0;
    if (options.rate_limit == ServerOptions{}.rate_limit) options.rate_limit = 0;
    server_ = std::make_unique<Server>(engine_.get(), options);
    Result<int> port = server_->Bind();
    ASSERT_TRUE(port.ok()) << port.status().ToString();
    port_ = *port;
    thread_ = std::thread([this] { ASSERT_TRUE(server_->Run().ok()); });
  }
  void TearDown() override {
    if (server_) server_->Stop();
    if (thread_.joinable()) thread_.join();
  }
  std::unique_ptr<httplib::Client> Client() {
    auto c = std::make_unique<httplib::Client>("127.0.0.1", port_);
    c->set_connection_timeout(2);
    c->set_read_timeout(5);
    return c;
  }
  httplib::Result Post(const std::string& body, const std::string& type = "application/json") {
    return Client()->Post("/api/articles", body, type.c_str());
  }
  // A raw connection, for what httplib::Client will not send.
  int Connect() {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port_));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    EXPECT_EQ(connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    return fd;
  }
  static std::string ReadAll(int fd, int timeout_s) {
    timeval tv{timeout_s, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    std::string out;
    char buf[4096];
    while (true) {
      ssize_t n = recv(fd, buf, sizeof buf, 0);
      if (n <= 0) break;
      out.append(buf, static_cast<size_t>(n));
    }
    return out;
  }

  testing::FakeStore store_;
  std::unique_ptr<Engine> engine_ = engine::EngineOverStore(&store_);
  std::unique_ptr<Server> server_;
  std::thread thread_;
  int port_ = 0;
};

// Parses `body` and returns its error status, checking the error shape.
int64_t ErrorStatus(const std::string& body) {
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  if (parser.parse(body).get(doc)) return -1;
  int64_t status = -1;
  std::string_view message;
  if (doc["error"]["status"].get(status)) return -1;
  if (doc["error"]["message"].get(message) || message.empty()) return -2;
  return status;
}

const char kArticleA[] =
    R"({"id":"a1","url":"https://example.com/a1","outlet":"Example Ledger","published":"2025-03-11",)"
    R"("title":"Bridge closed after ship strike","text":"A cargo ship struck the bridge on Tuesday.\n\n)"
    R"(The mayor said it would stay shut for a month."})";
const char kArticleB[] =
    R"({"id":"a2","outlet":"Coastline Wire","published":"2025-03-12","title":"Bridge repairs to cost )"
    R"($120 million","text":"Repairs to the bridge will cost $120 million, the state said."})";

TEST_F(ServerTest, HealthCountsArticlesAndStories) {
  Start();
  ASSERT_EQ(Post(kArticleA)->status, 200);
  auto res = Client()->Get("/api/health");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->body, R"({"ok":true,"articles":1,"stories":1})");
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/json; charset=utf-8");
}

TEST_F(ServerTest, SecondServerCannotTakeTheSamePort) {
  Start();
  testing::FakeStore other_store;
  ServerOptions o;
  o.port = port_;
  std::unique_ptr<Engine> other_engine = engine::EngineOverStore(&other_store);
  Server other(other_engine.get(), o);
  Result<int> bound = other.Bind();
  EXPECT_FALSE(bound.ok());
  if (!bound.ok()) {
    EXPECT_NE(bound.status().ToString().find(std::to_string(port_)), std::string::npos);
  }
}

TEST_F(ServerTest, PostsOneObjectAnArrayAndJsonLines) {
  Start();
  auto one = Post(kArticleA);
  ASSERT_TRUE(one);
  ASSERT_EQ(one->status, 200) << one->body;
  simdjson::dom::parser parser;
  simdjson::dom::element doc = parser.parse(one->body);
  EXPECT_EQ(int64_t(doc["inserted"]), 1);
  EXPECT_EQ(int64_t(doc["updated"]), 0);
  EXPECT_EQ(int64_t(doc["unchanged"]), 0);
  EXPECT_EQ(int64_t(doc["duplicates"]), 0);
  EXPECT_EQ(doc["rejected"].get_array().size(), 0u);
  EXPECT_EQ(std::string_view(doc["articles"].at(0)["id"]), "a1");
  EXPECT_EQ(std::string_view(doc["articles"].at(0)["status"]), "inserted");
  EXPECT_EQ(std::string_view(doc["articles"].at(0)["story"]), "s-bridge");

  // The same again, and a second one, as an array: unchanged + inserted.
  auto array = Post(std::string("[") + kArticleA + ",\n  " + kArticleB + "]");
  ASSERT_EQ(array->status, 200) << array->body;
  doc = parser.parse(array->body);
  EXPECT_EQ(int64_t(doc["unchanged"]), 1);
  EXPECT_EQ(int64_t(doc["inserted"]), 1);

  // JSON Lines, declared: a correction of a2 and a copy of a1's body under a new id.
  std::string corrected = kArticleB;
  corrected.replace(corrected.find("Bridge repairs"), 14, "Bridge fix");
  std::string copy = kArticleA;
  copy.replace(copy.find("\"a1\""), 4, "\"a9\"");
  auto lines = Post(corrected + "\n" + copy + "\n", "application/x-ndjson");
  ASSERT_EQ(lines->status, 200) << lines->body;
  doc = parser.parse(lines->body);
  EXPECT_EQ(int64_t(doc["updated"]), 1);
  EXPECT_EQ(int64_t(doc["duplicates"]), 1);
  EXPECT_EQ(std::string_view(doc["articles"].at(1)["status"]), "duplicate");

  // JSON Lines detected without the content type.
  auto detected = Post(std::string(kArticleA) + "\n" + corrected + "\n");
  ASSERT_EQ(detected->status, 200) << detected->body;
  doc = parser.parse(detected->body);
  EXPECT_EQ(int64_t(doc["unchanged"]), 2);
}

TEST_F(ServerTest, BadLinesAreRejectedTheRestIngested) {
  Start();
  auto res = Post(std::string("{not json\n") + kArticleA + "\n[1,2]\n{\"id\":\"x\",\"outlet\":\"no body\"}\n");
  ASSERT_EQ(res->status, 200) << res->body;
  simdjson::dom::parser parser;
  simdjson::dom::element doc = parser.parse(res->body);
  EXPECT_EQ(int64_t(doc["inserted"]), 1);
  simdjson::dom::array rejected = doc["rejected"];
  ASSERT_EQ(rejected.size(), 3u) << res->body;
  EXPECT_EQ(int64_t(rejected.at(0)["line"]), 1);
  EXPECT_EQ(int64_t(rejected.at(1)["line"]), 3);
  EXPECT_EQ(int64_t(rejected.at(2)["line"]), 4);
  EXPECT_NE(std::string_view(rejected.at(2)["error"]).find("text"), std::string_view::npos);
  EXPECT_EQ(int64_t(doc["articles"].at(0)["line"]), 2);
}

TEST_F(ServerTest, ObjectWithoutIdGetsAStableOne) {
  Start();
  const std::string body = R"({"title":"Harbor fire","text":"A fire broke out at the harbor on Monday."})";
  auto first = Post(body);
  ASSERT_EQ(first->status, 200) << first->body;
  simdjson::dom::parser parser;
  simdjson::dom::element doc = parser.parse(first->body);
  const std::string id(std::string_view(doc["articles"].at(0)["id"]));
  EXPECT_EQ(id.substr(0, 2), "a-");
  auto second = Post(body);
  doc = parser.parse(second->body);
  EXPECT_EQ(std::string_view(doc["articles"].at(0)["id"]), id);
  EXPECT_EQ(std::string_view(doc["articles"].at(0)["status"]), "unchanged");
}

TEST_F(ServerTest, NothingValidIs400WithJsonError) {
  Start();
  for (const std::string body : {"", "   ", "not json at all", "[", "[]", "[1, 2]", "{\"id\":\"x\"}", "42",
                                 "{\"id\": \"x\", \"text\": 5}"}) {
    auto res = Post(body);
    ASSERT_TRUE(res) << body;
    EXPECT_EQ(res->status, 400) << body << " -> " << res->body;
    EXPECT_EQ(ErrorStatus(res->body), 400) << res->body;
  }
  EXPECT_EQ(store_.ingest_calls, 0);
}

TEST_F(ServerTest, WrongContentTypeIs415) {
  Start();
  auto res = Post(kArticleA, "text/html");
  EXPECT_EQ(res->status, 415);
  EXPECT_EQ(ErrorStatus(res->body), 415);
  res = Post(kArticleA, "application/xml");
  EXPECT_EQ(res->status, 415);
  // httplib parses multipart bodies itself and refuses a malformed one first.
  res = Post(kArticleA, "multipart/form-data; boundary=x");
  EXPECT_TRUE(res->status == 415 || res->status == 400) << res->status;
  EXPECT_GE(ErrorStatus(res->body), 400);
  res = Post(kArticleA, "application/json; charset=utf-8");
  EXPECT_EQ(res->status, 200);
}

TEST_F(ServerTest, BodyOverTheLimitIs413) {
  ServerOptions o;
  o.max_body_bytes = 4096;
  Start(o);
  std::string big = R"({"id":"big","text":")" + std::string(8000, 'x') + "\"}";
  auto res = Post(big);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 413);
  EXPECT_EQ(ErrorStatus(res->body), 413) << res->body;
  // The server is still fine.
  EXPECT_EQ(Client()->Get("/api/health")->status, 200);
  EXPECT_EQ(Post(kArticleA)->status, 200);
}

TEST_F(ServerTest, ChunkedBodyOverTheLimitIsRefused) {
  ServerOptions o;
  o.max_body_bytes = 4096;
  Start(o);
  int fd = Connect();
  std::string req = "POST /api/articles HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    "Connection: close\r\nTransfer-Encoding: chunked\r\n\r\n";
  const std::string chunk(2000, 'x');
  for (int i = 0; i < 5; ++i) req += "7d0\r\n" + chunk + "\r\n";
  req += "0\r\n\r\n";
  ASSERT_GT(send(fd, req.data(), req.size(), MSG_NOSIGNAL), 0);
  std::string reply = ReadAll(fd, 5);
  close(fd);
  EXPECT_EQ(reply.substr(0, 12), "HTTP/1.1 413") << reply;
  EXPECT_EQ(store_.ingest_calls, 0);
  // A chunked body under the limit is read whole.
  const std::string article = R"({"id":"c1","text":"A chunked article about the harbor."})";
  fd = Connect();
  req = "POST /api/articles HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        "Connection: close\r\nTransfer-Encoding: chunked\r\n\r\na\r\n" + article.substr(0, 10) + "\r\n";
  char size[16];
  std::snprintf(size, sizeof size, "%zx\r\n", article.size() - 10);
  req += size + article.substr(10) + "\r\n0\r\n\r\n";
  ASSERT_GT(send(fd, req.data(), req.size(), MSG_NOSIGNAL), 0);
  reply = ReadAll(fd, 5);
  close(fd);
  EXPECT_EQ(reply.substr(0, 12), "HTTP/1.1 200") << reply;
  EXPECT_EQ(store_.ingest_calls, 1);
}

TEST_F(ServerTest, StoreErrorIsAJsonError) {
  Start();
  store_.fail_next_ingest = true;
  auto res = Post(kArticleA);
  EXPECT_EQ(res->status, 500);
  EXPECT_EQ(ErrorStatus(res->body), 500);
  EXPECT_EQ(Post(kArticleA)->status, 200);
}

TEST_F(ServerTest, ListsStoriesWithQueryParameters) {
  Start();
  ASSERT_EQ(Post(std::string("[") + kArticleA + "," + kArticleB +
                 R"(,{"id":"c","title":"Storm warning","text":"A storm is coming."}])")->status,
            200);
  auto res = Client()->Get("/api/stories?sort=largest&limit=1");
  ASSERT_EQ(res->status, 200) << res->body;
  simdjson::dom::parser parser;
  simdjson::dom::element doc = parser.parse(res->body);
  simdjson::dom::array stories = doc["stories"];
  ASSERT_EQ(stories.size(), 1u);
  simdjson::dom::element s = stories.at(0);
  EXPECT_EQ(std::string_view(s["id"]), "s-bridge");
  EXPECT_EQ(int64_t(s["articles"]), 2);
  EXPECT_EQ(s["outlets"].get_array().size(), 2u);
  EXPECT_EQ(std::string_view(s["first_published"]), "2025-03-11");
  EXPECT_EQ(std::string_view(s["last_published"]), "2025-03-12");
  EXPECT_EQ(int64_t(s["updated"]), 1700000000);
  EXPECT_TRUE(store_.last_query.sort == store::StorySort::kLargest);

  res = Client()->Get("/api/stories?q=storm%20is&entity=Example&offset=0&limit=500");
  ASSERT_EQ(res->status, 200);
  EXPECT_EQ(store_.last_query.text, "storm is");
  EXPECT_EQ(store_.last_query.entity, "Example");
  EXPECT_EQ(store_.last_query.limit, 500u);
  // Over the CLI's bound (`stories --limit` takes 1-500): an error that says so.
  res = Client()->Get("/api/stories?limit=9999");
  EXPECT_EQ(res->status, 400);
  EXPECT_NE(res->body.find("'limit' must be between 1 and 500, not 9999"), std::string::npos) << res->body;

  res = Client()->Get("/api/stories");
  doc = parser.parse(res->body);
  EXPECT_EQ(doc["stories"].get_array().size(), 2u);
  EXPECT_TRUE(store_.last_query.sort == store::StorySort::kRecent);

  for (const char* bad : {"/api/stories?sort=best", "/api/stories?limit=x", "/api/stories?limit=-1",
                          "/api/stories?offset=1e3", "/api/stories?limit=0"}) {
    res = Client()->Get(bad);
    EXPECT_EQ(res->status, 400) << bad;
    EXPECT_EQ(ErrorStatus(res->body), 400) << bad;
  }
}

TEST_F(ServerTest, StoryBriefAndArticle) {
  Start();
  ASSERT_EQ(Post(std::string("[") + kArticleA + "," + kArticleB + "]")->status, 200);
  std::string corrected = kArticleB;
  corrected.replace(corrected.find("Bridge repairs"), 14, "Bridge fix");
  ASSERT_EQ(Post(corrected)->status, 200);

  auto res = Client()->Get("/api/stories/s-bridge");
  ASSERT_EQ(res->status, 200) << res->body;
  simdjson::dom::parser parser;
  simdjson::dom::element doc = parser.parse(res->body);
  EXPECT_EQ(std::string_view(doc["id"]), "s-bridge");
  EXPECT_EQ(int64_t(doc["articles"]), 2);
  simdjson::dom::array changes = doc["changes"];
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(std::string_view(changes.at(0)["article"]), "a2");
  EXPECT_EQ(std::string_view(changes.at(0)["field"]), "title");
  EXPECT_EQ(int64_t(changes.at(0)["at"]), 1700000000);
  EXPECT_EQ(std::string_view(changes.at(0)["after"]), "Bridge fix to cost $120 million");

  res = Client()->Get("/api/stories/s-bridge/brief");
  ASSERT_EQ(res->status, 200);
  EXPECT_EQ(res->body.substr(0, 30), R"({"stories":[{"id":"s-bridge",")");
  EXPECT_EQ(res->get_header_value("Cache-Control"), "no-store");

  res = Client()->Get("/api/articles/a1");
  ASSERT_EQ(res->status, 200) << res->body;
  doc = parser.parse(res->body);
  EXPECT_EQ(std::string_view(doc["id"]), "a1");
  EXPECT_EQ(std::string_view(doc["outlet"]), "Example Ledger");
  EXPECT_EQ(std::string_view(doc["url"]), "https://example.com/a1");
  EXPECT_EQ(std::string_view(doc["published"]), "2025-03-11");
  EXPECT_EQ(std::string_view(doc["story"]), "s-bridge");
  EXPECT_TRUE(doc["language"].is_null() || doc["language"].is_string());
  simdjson::dom::array paragraphs = doc["paragraphs"];
  ASSERT_GE(paragraphs.size(), 1u);
  EXPECT_FALSE(bool(paragraphs.at(0)["heading"]));
  EXPECT_TRUE(doc["dropped"].is_array());
  EXPECT_TRUE(doc["changes"].is_array());

  for (const char* missing : {"/api/stories/nope", "/api/stories/nope/brief", "/api/articles/nope",
                              "/api/nothing", "/assets/no-such-file.js"}) {
    res = Client()->Get(missing);
    EXPECT_EQ(res->status, 404) << missing;
    EXPECT_EQ(ErrorStatus(res->body), 404) << missing << ": " << res->body;
  }
  // A mistyped page address gets the page (which says "Page not found"),
  // still with 404; JSON only where there is no page.
  // Only "/", "/index.html" and "/story/ID" are pages: a path under /story/
  // with more segments, or none, is mistyped like any other.
  // A well-formed story page for a story the store does not hold is the
  // page too ("Story not found"), with 404.
  for (const char* mistyped : {"/no/such/page", "/story/a/b", "/story/s-bridge/x", "/story/", "/story//",
                               "/story/no-such-story", "/story/no-such-story/"}) {
    res = Client()->Get(mistyped);
    EXPECT_EQ(res->status, 404) << mistyped;
    if (FindWebAsset("index.html")) {
      EXPECT_EQ(res->get_header_value("Content-Type"), "text/html; charset=utf-8") << mistyped;
    } else {
      EXPECT_EQ(ErrorStatus(res->body), 404) << mistyped << ": " << res->body;
    }
  }
  for (const char* page : {"/", "/index.html", "/story/s-bridge", "/story/s-bridge/"}) {
    EXPECT_EQ(Client()->Get(page)->status, 200) << page;
  }
}

TEST_F(ServerTest, WrongTypesAreRejectedAndUnreadDatesWarned) {
  Start();
  auto res = Post(R"({"id":"t1","text":42})");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
  EXPECT_NE(res->body.find(R"(\"text\" must be a string, not a number)"), std::string::npos) << res->body;

  res = Post(R"({"id":"t2","published":"yesterday-ish","title":"Bridge shut","text":"The bridge shut on Tuesday."})");
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_NE(res->body.find(R"("warnings":[{"line":1,"warning":"\"published\" is not a date: \"yesterday-ish\")"),
            std::string::npos)
      << res->body;
  EXPECT_NE(res->body.find(R"("status":"inserted")"), std::string::npos) << res->body;

  // A headline-only item is news: kept, not "article body is empty".
  res = Post(R"({"id":"t3","title":"Bridge reopens after repairs"})");
  EXPECT_EQ(res->status, 200) << res->body;
}

TEST_F(ServerTest, HugeHeaderIs431) {
  Start();
  const std::string raw = "GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(200 * 1024, 'a') +
                          "\r\n\r\n";
  int fd = Connect();
  ASSERT_EQ(send(fd, raw.data(), raw.size(), MSG_NOSIGNAL), static_cast<ssize_t>(raw.size()));
  // Read up to the end of the JSON body (the connection may stay open).
  timeval tv{5, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  std::string reply;
  char buf[4096];
  for (ssize_t n; reply.find("}}") == std::string::npos && (n = recv(fd, buf, sizeof buf, 0)) > 0;) {
    reply.append(buf, static_cast<size_t>(n));
  }
  close(fd);
  EXPECT_EQ(reply.substr(0, 12), "HTTP/1.1 431") << reply.substr(0, 200);
  EXPECT_NE(reply.find("header fields too large"), std::string::npos) << reply.substr(0, 300);
  EXPECT_EQ(Client()->Get("/api/health")->status, 200);
}

TEST_F(ServerTest, DeclaredHugeBodyIs413AtOnce) {
  Start();
  // A Content-Length of about 1 GB and no body: the answer must not wait for
  // the body (httplib alone reads and discards it until its read timeout).
  const std::string raw =
      "POST /api/articles HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Content-Length: 1000000000\r\n\r\n{\"id\":";
  int fd = Connect();
  ASSERT_EQ(send(fd, raw.data(), raw.size(), MSG_NOSIGNAL), static_cast<ssize_t>(raw.size()));
  const auto start = Clock::now();
  char buf[512];
  timeval tv{3, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  const ssize_t n = recv(fd, buf, sizeof buf, 0);
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  close(fd);
  ASSERT_GT(n, 12);
  EXPECT_EQ(std::string(buf, 12), "HTTP/1.1 413");
  EXPECT_LT(seconds, 1.0);
  EXPECT_EQ(Client()->Get("/api/health")->status, 200);
}

TEST_F(ServerTest, WrongMethodIs405) {
  Start();
  auto c = Client();
  auto res = c->Put("/api/articles", kArticleA, "application/json");
  EXPECT_EQ(res->status, 405);
  EXPECT_EQ(ErrorStatus(res->body), 405);
  EXPECT_EQ(res->get_header_value("Allow"), "POST");
  res = c->Delete("/api/stories/s-bridge");
  EXPECT_EQ(res->status, 405);
  res = c->Post("/api/stories", "{}", "application/json");
  EXPECT_EQ(res->status, 405);
  EXPECT_EQ(ErrorStatus(res->body), 405);
  res = c->Get("/api/articles");
  EXPECT_EQ(res->status, 405);
}

TEST_F(ServerTest, RateLimitGives429WithRetryAfter) {
  ServerOptions o;
  o.rate_limit = 1;
  o.rate_burst = 3;
  Start(o);
  auto c = Client();
  int ok = 0, limited = 0;
  std::string retry_after;
  for (int i = 0; i < 6; ++i) {
    auto res = c->Get("/api/health");
    ASSERT_TRUE(res);
    if (res->status == 200) ++ok;
    if (res->status == 429) {
      ++limited;
      retry_after = res->get_header_value("Retry-After");
      EXPECT_EQ(ErrorStatus(res->body), 429);
    }
  }
  EXPECT_EQ(ok, 3);
  EXPECT_EQ(limited, 3);
  EXPECT_EQ(retry_after, "1");
}

TEST_F(ServerTest, ThrowingStoreGives500AndServerLives) {
  Start();
  ASSERT_EQ(Post(kArticleA)->status, 200);
  store_.throw_in_brief = true;
  auto res = Client()->Get("/api/stories/s-bridge/brief");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 500);
  EXPECT_EQ(ErrorStatus(res->body), 500);
  store_.throw_in_brief = false;
  EXPECT_EQ(Client()->Get("/api/stories/s-bridge/brief")->status, 200);
}

TEST_F(ServerTest, GarbageRequestsGet4xxAndServerLives) {
  Start();
  for (const std::string& raw :
       {std::string("GARBAGE\r\n\r\n"), std::string("GET\r\n\r\n"),
        std::string("GET /api/health HTTP/1.1\r\nbad header line\r\n\r\n"),
        std::string("POST /api/articles HTTP/1.1\r\nHost: x\r\nContent-Length: nope\r\n\r\n{}"),
        std::string("GET /") + std::string(20000, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n",
        std::string("\x00\x01\x02\xff\r\n\r\n", 8)}) {
    int fd = Connect();
    ASSERT_EQ(send(fd, raw.data(), raw.size(), MSG_NOSIGNAL), static_cast<ssize_t>(raw.size()));
    shutdown(fd, SHUT_WR);
    std::string reply = ReadAll(fd, 5);
    close(fd);
    // An answer, if any, is HTTP and not a server error (httplib skips a
    // header line without a colon, so that request succeeds).
    if (!reply.empty()) {
      EXPECT_EQ(reply.substr(0, 9), "HTTP/1.1 ") << raw.substr(0, 40) << " -> " << reply;
      EXPECT_NE(reply.substr(0, 10), "HTTP/1.1 5") << raw.substr(0, 40) << " -> " << reply;
    }
  }
  EXPECT_EQ(Client()->Get("/api/health")->status, 200);
}

TEST_F(ServerTest, SlowClientDoesNotBlockOthers) {
  ServerOptions o;
  o.threads = 1;  // the slow client takes the only ready worker
  o.read_timeout_s = 2;
  o.keep_alive_timeout_s = 1;
  Start(o);
  int slow = Connect();
  const std::string half = "POST /api/articles HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{\"id\":";
  ASSERT_GT(send(slow, half.data(), half.size(), MSG_NOSIGNAL), 0);
  int stalled_headers = Connect();
  const std::string partial = "GET /api/health HTTP/1.1\r\nHo";
  ASSERT_GT(send(stalled_headers, partial.data(), partial.size(), MSG_NOSIGNAL), 0);
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  auto t0 = Clock::now();
  auto res = Client()->Get("/api/health");
  const double seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_LT(seconds, 1.0);
  // The stalled request is dropped after the read timeout (a 4xx or a close).
  std::string reply = ReadAll(slow, 10);
  EXPECT_TRUE(reply.empty() || reply.substr(0, 10) == "HTTP/1.1 4") << reply;
  close(slow);
  close(stalled_headers);
}

TEST_F(ServerTest, ManyIdleConnectionsDoNotStarveOthers) {
  ServerOptions o;
  o.threads = 2;
  o.read_timeout_s = 1;
  o.keep_alive_timeout_s = 1;
  Start(o);
  std::vector<int> idle;
  for (int i = 0; i < 50; ++i) idle.push_back(Connect());
  // Keep-alive clients parked after one request each.
  std::vector<std::unique_ptr<httplib::Client>> parked;
  for (int i = 0; i < 20; ++i) {
    parked.push_back(Client());
    parked.back()->set_keep_alive(true);
    ASSERT_EQ(parked.back()->Get("/api/health")->status, 200);
  }
  auto t0 = Clock::now();
  for (int i = 0; i < 5; ++i) EXPECT_EQ(Client()->Get("/api/health")->status, 200);
  EXPECT_LT(std::chrono::duration<double>(Clock::now() - t0).count(), 1.0);
  for (int fd : idle) close(fd);
}

TEST_F(ServerTest, WebPageAndAssets) {
  Start();
  ASSERT_EQ(Post(std::string("[") + kArticleA + "," + kArticleB + "]")->status, 200);
  auto c = Client();
  for (const char* page : {"/", "/story/s-bridge"}) {
    auto res = c->Get(page);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200) << page;
    if (FindWebAsset("index.html")) {
      EXPECT_EQ(res->get_header_value("Content-Type"), "text/html; charset=utf-8");
      EXPECT_EQ(res->body, std::string(FindWebAsset("index.html")->bytes));
      const std::string etag = res->get_header_value("ETag");
      auto again = c->Get(page, {{"If-None-Match", etag}});
      EXPECT_EQ(again->status, 304);
    } else {
      EXPECT_NE(res->body.find("without the web page"), std::string::npos);
    }
  }
  for (const WebAsset& a : AllWebAssets()) {
    auto res = c->Get("/assets/" + std::string(a.name));
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200) << a.name;
    EXPECT_EQ(res->body.size(), a.bytes.size());
    EXPECT_EQ(res->get_header_value("Content-Type"), std::string(a.content_type));
  }
}

TEST(WebAssetsTest, ContentTypes) {
  EXPECT_EQ(ContentTypeFor("index.html"), "text/html; charset=utf-8");
  EXPECT_EQ(ContentTypeFor("app.js"), "text/javascript; charset=utf-8");
  EXPECT_EQ(ContentTypeFor("style.CSS"), "text/css; charset=utf-8");
  EXPECT_EQ(ContentTypeFor("logo.svg"), "image/svg+xml");
  EXPECT_EQ(ContentTypeFor("blob"), "application/octet-stream");
  EXPECT_FALSE(FindWebAsset("../CMakeLists.txt"));
}

}  // namespace
}  // namespace newsfuse::serve
