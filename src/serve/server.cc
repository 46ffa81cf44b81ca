#include "serve/server.h"

#include <httplib.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>
#include <string_view>
#include <utility>

#include "base/json_writer.h"
#include "base/strings.h"
#include "render/brief_json.h"
#include "serve/article_batch.h"
#include "serve/connection_gate.h"
#include "serve/rate_limiter.h"
#include "serve/web_assets.h"
#include "serve/worker_pool.h"
#include "store/story_row_json.h"

namespace newsfuse::serve {
namespace {

using httplib::Request;
using httplib::Response;

constexpr char kJson[] = "application/json; charset=utf-8";

const char* DefaultMessage(int status) {
  switch (status) {
    case 400: return "malformed request";
    case 404: return "not found";
    case 405: return "method not allowed";
    case 408: return "request timed out";
    case 413: return "request body too large";
    case 414: return "request URI too long";
    case 415: return "unsupported content type";
    case 416: return "range not satisfiable";
    case 431: return "request header fields too large";
    case 429: return "too many requests";
    case 503: return "service unavailable";
    default: return status >= 500 ? "internal error" : "request failed";
  }
}

void SetJson(Response& res, int status, std::string body) {
  res.status = status;
  res.body = std::move(body);
  res.set_header("Content-Type", kJson);
}

void SetError(Response& res, int status, std::string_view message) {
  std::string body;
  base::JsonWriter w(&body);
  w.BeginObject();
  w.Key("error");
  w.BeginObject();
  w.Key("status");
  w.Int(status);
  w.Field("message", message.empty() ? std::string_view(DefaultMessage(status)) : message);
  w.EndObject();
  w.EndObject();
  SetJson(res, status, std::move(body));
}

// The HTTP status a store error deserves: the client's fault is a 4xx.
int HttpStatusFor(const Status& s) {
  switch (s.code()) {
    case StatusCode::kInvalidArgument:
    case StatusCode::kDataLoss:
    case StatusCode::kOutOfRange:
    case StatusCode::kFailedPrecondition:
      return 400;
    case StatusCode::kNotFound:
      return 404;
    case StatusCode::kResourceExhausted:
      return 413;
    case StatusCode::kUnavailable:
      return 503;
    default:
      return 500;
  }
}

void SetStoreError(Response& res, const Status& s) {
  const int status = HttpStatusFor(s);
  if (status >= 500) std::fprintf(stderr, "newsfuse serve: store error: %s\n", s.ToString().c_str());
  SetError(res, status, s.ToString());
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// The addresses the page itself renders: the list and one story
// ("/story/ID", a trailing '/' allowed), as web/app.js routes them. Any other
// path, "/story/a/b" included, is the page's "Page not found" and gets 404.
bool IsPagePath(std::string_view path) {
  if (path == "/" || path == "/index.html") return true;
  constexpr std::string_view kStory = "/story/";
  if (!StartsWith(path, kStory)) return false;
  std::string_view id = path.substr(kStory.size());
  if (!id.empty() && id.back() == '/') id.remove_suffix(1);
  return !id.empty() && id.find('/') == std::string_view::npos;
}

// The story id of a "/story/ID" page path (IsPagePath already holds), or
// empty for "/" and "/index.html".
std::string_view StoryPageId(std::string_view path) {
  constexpr std::string_view kStory = "/story/";
  if (!StartsWith(path, kStory)) return {};
  std::string_view id = path.substr(kStory.size());
  if (!id.empty() && id.back() == '/') id.remove_suffix(1);
  return id;
}

// A non-negative integer query parameter; nullopt (after a 400) when malformed.
std::optional<size_t> SizeParam(const Request& req, const char* name, size_t fallback,
                                Response& res) {
  if (!req.has_param(name)) return fallback;
  const std::string v = req.get_param_value(name);
  size_t n = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (v.empty() || ec != std::errc() || end != v.data() + v.size()) {
    SetError(res, 400, std::string("query parameter '") + name + "' must be a non-negative integer, not '" + v + "'");
    return std::nullopt;
  }
  return n;
}

void WriteChange(const store::ArticleChange& c, base::JsonWriter& w) {
  w.BeginObject();
  w.Field("article", c.article_id);
  store::WriteArticleChangeFields(c, w);
  w.EndObject();
}


const char* OutcomeName(store::IngestOutcome o) {
  switch (o) {
    case store::IngestOutcome::kInserted: return "inserted";
    case store::IngestOutcome::kUnchanged: return "unchanged";
    case store::IngestOutcome::kUpdated: return "updated";
    case store::IngestOutcome::kDuplicateContent: return "duplicate";
  }
  return "inserted";
}

std::string RejectedSummary(const std::vector<RejectedItem>& rejected) {
  std::string m = "no valid article in the body";
  for (size_t i = 0; i < rejected.size() && i < 3; ++i) {
    m += i == 0 ? ": " : "; ";
    if (rejected[i].line > 0) m += "item " + std::to_string(rejected[i].line) + ": ";
    m += rejected[i].error;
  }
  if (rejected.size() > 3) m += "; and " + std::to_string(rejected.size() - 3) + " more";
  return m;
}

// "rejected": [{"line", "error"}] (or "warnings": [{"line", "warning"}]).
void WriteItems(const std::vector<RejectedItem>& items, std::string_view key, std::string_view field,
                base::JsonWriter& w) {
  w.Key(key);
  w.BeginArray();
  for (const RejectedItem& r : items) {
    w.BeginObject();
    w.Key("line");
    w.Int(static_cast<int64_t>(r.line));
    w.Field(field, r.error);
    w.EndObject();
  }
  w.EndArray();
}

void WriteRejected(const std::vector<RejectedItem>& rejected, base::JsonWriter& w) {
  WriteItems(rejected, "rejected", "error", w);
}

// A Content-Length over `max`: answered before a byte of the body is read.
bool DeclaredBodyTooLarge(const Request& req, size_t max) {
  if (!req.has_header("Content-Length")) return false;
  const std::string v = req.get_header_value("Content-Length");
  uint64_t n = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  // Too large for uint64_t is over the limit too; a malformed value is httplib's to refuse.
  if (ec == std::errc::result_out_of_range) return true;
  return ec == std::errc() && end == v.data() + v.size() && n > max;
}

// httplib 0.11 answers 400 both to a bad request line and to a header line
// over its 8 KiB limit (CPPHTTPLIB_HEADER_MAX_LENGTH, compiled into Debian's
// library). A request line it parsed (a known method and HTTP/1.x) whose
// request still failed before the body was considered (no Content-Length or
// Transfer-Encoding read) failed in its header lines: 431.
bool HeaderTooLarge(const Request& req, const Response& res) {
  if (res.status != 400 || req.method.empty()) return false;
  if (req.version != "HTTP/1.1" && req.version != "HTTP/1.0") return false;
  return !req.has_header("Content-Length") && !req.has_header("Transfer-Encoding");
}

// The media type without parameters, lower case ("application/json").
std::string MediaType(const Request& req) {
  std::string ct = req.get_header_value("Content-Type");
  const size_t semi = ct.find(';');
  if (semi != std::string::npos) ct.resize(semi);
  return base::AsciiLower(base::Trim(ct));
}

}  // namespace

// httplib::Server::process_and_close_socket(sock), httplib's own handling of
// an accepted connection. It is private but virtual: HttpServer overrides it
// to put each connection through the ConnectionGate first, and then calls
// httplib's version by its symbol in Debian's shared library (the only hook
// httplib 0.11 gives between accept() and reading the request).
bool HttplibServeSocket(httplib::Server* server, socket_t sock) asm("_ZN7httplib6Server24process_and_close_socketEi");

// httplib::Server with its listening socket in reach (a protected member),
// and every accepted connection checked by a ConnectionGate.
class HttpServer : public httplib::Server {
 public:
  void SetGate(std::unique_ptr<ConnectionGate> gate) { gate_ = std::move(gate); }
  ConnectionGate* gate() { return gate_.get(); }

  // httplib 0.11 listens with a backlog of 5 (compiled into Debian's shared
  // library): a burst of new connections beyond that has its SYNs dropped
  // and retried a second later. listen() again on the bound socket only
  // raises the backlog.
  void RaiseBacklog() {
    if (svr_sock_ != INVALID_SOCKET) ::listen(svr_sock_, SOMAXCONN);
  }

 private:
  bool process_and_close_socket(socket_t sock) override {
    if (gate_ && !gate_->AwaitHead(sock)) {
      ::shutdown(sock, SHUT_RDWR);
      ::close(sock);
      return false;
    }
    return HttplibServeSocket(this, sock);
  }

  std::unique_ptr<ConnectionGate> gate_;
};

struct Server::Impl {
  Impl(Engine* e, ServerOptions o)
      : store(e), options(std::move(o)), limiter({.rate = options.rate_limit, .burst = options.rate_burst}) {}

  void Configure();
  // Each route; each leaves a complete response in `res`.
  void RouteGet(const Request& req, Response& res);
  void PostArticles(const Request& req, Response& res, const httplib::ContentReader& reader);
  void ListStories(const Request& req, Response& res);
  void GetStory(const std::string& id, Response& res);
  int StoryPageStatus(std::string_view path);
  void GetBrief(const std::string& id, Response& res);
  void GetArticle(const std::string& id, Response& res);
  void Health(Response& res);
  void ServeAsset(const Request& req, Response& res, std::string_view name, bool is_page, int status = 200);
  // Runs `fn`, turning anything it throws into a 500 with a JSON body.
  template <typename Fn>
  void Guard(const Request& req, Response& res, Fn&& fn);

  Engine* store;  // the engine, which owns the store
  ServerOptions options;
  RateLimiter limiter;
  HttpServer http;
  std::atomic<bool> bound{false};
  std::atomic<bool> run_started{false};
  std::atomic<bool> stop_requested{false};
  std::atomic<bool> run_finished{false};
  int port = 0;
};

template <typename Fn>
void Server::Impl::Guard(const Request& req, Response& res, Fn&& fn) {
  try {
    fn();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "newsfuse serve: %s %s: %s\n", req.method.c_str(), req.path.c_str(), e.what());
    res.headers.clear();
    SetError(res, 500, "internal error");
  } catch (...) {
    std::fprintf(stderr, "newsfuse serve: %s %s: unknown exception\n", req.method.c_str(), req.path.c_str());
    res.headers.clear();
    SetError(res, 500, "internal error");
  }
}

void Server::Impl::Configure() {
  const size_t min_threads = std::max<size_t>(options.threads, 1);
  const size_t max_threads = std::max(options.max_threads, min_threads);
  http.new_task_queue = [min_threads, max_threads] { return new WorkerPool(min_threads, max_threads); };
  // A quarter of the workers at most wait for request heads; the others are
  // kept for clients whose requests have arrived (with half, a normal
  // client's p99 during 1,000 slow sockets from 250 addresses was 512 ms on
  // the shared 2-core machine, with a quarter 348-430 ms).
  http.SetGate(std::make_unique<ConnectionGate>(GateOptions{
      .max_per_address = std::max<size_t>(options.max_connections_per_address, 1),
      .max_waiting = std::max<size_t>(max_threads / 4, 1),
      .header_deadline_s = options.header_deadline_s,
      .idle_timeout_s = options.read_timeout_s,
  }));
  auto usec = [](double s, time_t* sec, time_t* us) {
    s = std::max(s, 0.001);
    *sec = static_cast<time_t>(s);
    *us = static_cast<time_t>((s - std::floor(s)) * 1e6);
  };
  time_t sec, us;
  usec(options.read_timeout_s, &sec, &us);
  http.set_read_timeout(sec, us);
  usec(options.write_timeout_s, &sec, &us);
  http.set_write_timeout(sec, us);
  http.set_keep_alive_timeout(std::max(options.keep_alive_timeout_s, 1));
  http.set_keep_alive_max_count(std::max<size_t>(options.keep_alive_max_requests, 1));
  http.set_payload_max_length(options.max_body_bytes);
  // Small responses on keep-alive connections: without TCP_NODELAY, Nagle
  // holds the body behind the headers until the peer's delayed ACK (~40 ms).
  http.set_tcp_nodelay(true);
  // httplib's default also sets SO_REUSEPORT, which lets a second server
  // bind the same port and silently take half the connections (two stores
  // behind one address). SO_REUSEADDR alone still allows a quick restart.
  http.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });

  // Before the body is read: a declared body over the limit gets its 413 at
  // once (httplib would first read and discard the whole body), and the
  // connection is closed rather than read on; a client over its rate gets a
  // 429 at once.
  http.set_pre_routing_handler([this](const Request& req, Response& res) {
    if (DeclaredBodyTooLarge(req, options.max_body_bytes)) {
      res.set_header("Connection", "close");
      SetError(res, 413, "request body over the limit of " + std::to_string(options.max_body_bytes) + " bytes");
      return httplib::Server::HandlerResponse::Handled;
    }
    if (!limiter.enabled()) return httplib::Server::HandlerResponse::Unhandled;
    std::optional<double> wait = limiter.Acquire(req.remote_addr);
    if (!wait) return httplib::Server::HandlerResponse::Unhandled;
    res.set_header("Retry-After", std::to_string(std::max<int64_t>(1, static_cast<int64_t>(std::ceil(*wait)))));
    SetError(res, 429, "rate limit exceeded: at most " + std::to_string(static_cast<int64_t>(options.rate_limit)) +
                           " requests per second per client");
    return httplib::Server::HandlerResponse::Handled;
  });

  http.Get(".*", [this](const Request& req, Response& res) { Guard(req, res, [&] { RouteGet(req, res); }); });
  // Bodies are read by the handlers themselves (the content-reader form):
  // httplib 0.11 enforces set_payload_max_length only on Content-Length
  // bodies, so a chunked body would otherwise grow without bound. Routes
  // that take no body never read it.
  http.Post(".*", [this](const Request& req, Response& res, const httplib::ContentReader& reader) {
    Guard(req, res, [&] {
      if (req.path == "/api/articles") {
        PostArticles(req, res, reader);
      } else if (StartsWith(req.path, "/api/stories") || StartsWith(req.path, "/api/articles/") ||
                 req.path == "/api/health") {
        res.set_header("Allow", "GET, HEAD");
        SetError(res, 405, "use GET for " + req.path);
      } else {
        SetError(res, 404, "no such resource: " + req.path);
      }
    });
  });
  auto not_allowed = [this](const Request& req, Response& res) {
    Guard(req, res, [&] {
      res.set_header("Allow", req.path == "/api/articles" ? "POST" : "GET, HEAD");
      SetError(res, 405, req.method + " is not allowed here");
    });
  };
  auto not_allowed_with_body = [not_allowed](const Request& req, Response& res, const httplib::ContentReader&) {
    not_allowed(req, res);
  };
  http.Put(".*", not_allowed_with_body);
  http.Patch(".*", not_allowed_with_body);
  http.Delete(".*", not_allowed_with_body);
  http.Options(".*", not_allowed);

  // Statuses httplib sets itself (400 unparsable request, 404 no handler,
  // 413, 414) arrive without a body: give them the JSON error shape. Our own
  // errors already carry one and are left alone.
  http.set_error_handler(httplib::Server::HandlerWithResponse([](const Request& req, Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    if (HeaderTooLarge(req, res)) {
      res.status = 431;
      res.set_header("Connection", "close");
      SetError(res, 431, "request header fields too large (a header line over 8192 bytes)");
      return httplib::Server::HandlerResponse::Handled;
    }
    SetError(res, res.status, "");
    return httplib::Server::HandlerResponse::Handled;
  }));
  http.set_exception_handler([](const Request& req, Response& res, std::exception_ptr) {
    std::fprintf(stderr, "newsfuse serve: %s %s: unexpected exception\n", req.method.c_str(), req.path.c_str());
    res.headers.clear();
    SetError(res, 500, "internal error");
  });
  if (options.access_log) {
    http.set_logger([](const Request& req, const Response& res) {
      std::fprintf(stderr, "%s %s %s %d %zu\n", req.remote_addr.c_str(), req.method.c_str(), req.path.c_str(),
                   res.status, res.body.size());
    });
  }
}

void Server::Impl::RouteGet(const Request& req, Response& res) {
  const std::string& path = req.path;
  if (StartsWith(path, "/api/")) {
    res.set_header("Cache-Control", "no-store");
    if (path == "/api/stories" || path == "/api/stories/") return ListStories(req, res);
    if (path == "/api/health") return Health(res);
    if (StartsWith(path, "/api/stories/")) {
      std::string id = path.substr(std::string_view("/api/stories/").size());
      constexpr std::string_view kBrief = "/brief";
      if (id.size() > kBrief.size() && std::string_view(id).substr(id.size() - kBrief.size()) == kBrief) {
        id.resize(id.size() - kBrief.size());
        return GetBrief(id, res);
      }
      return GetStory(id, res);
    }
    if (StartsWith(path, "/api/articles/") && path.size() > std::string_view("/api/articles/").size()) {
      return GetArticle(path.substr(std::string_view("/api/articles/").size()), res);
    }
    if (path == "/api/articles") {
      res.set_header("Allow", "POST");
      return SetError(res, 405, "use POST to add articles; GET /api/articles/{id} reads one");
    }
    return SetError(res, 404, "no such API resource: " + path);
  }
  if (IsPagePath(path)) {
    // A story page for an id the store does not hold still gets the page
    // (which says "Story not found"), but with 404, so a link checker or a
    // script sees what a person sees. A store error leaves it to the page.
    return ServeAsset(req, res, "index.html", /*is_page=*/true, StoryPageStatus(path));
  }
  if (StartsWith(path, "/assets/")) return ServeAsset(req, res, std::string_view(path).substr(8), false);
  if (path == "/favicon.ico") return ServeAsset(req, res, "favicon.ico", false);
  // A mistyped page address: the page itself, with 404, says "Page not
  // found" and links back (a person sees a page, not raw JSON; a script
  // still gets the status).
  ServeAsset(req, res, "index.html", /*is_page=*/true, /*status=*/404);
}

void Server::Impl::ServeAsset(const Request& req, Response& res, std::string_view name, bool is_page,
                              int status) {
  std::optional<WebAsset> asset = FindWebAsset(name);
  if (!asset) {
    if (status != 200) return SetError(res, status, "no such page: " + req.path);
    if (is_page) {
      res.status = 200;
      res.set_header("Cache-Control", "no-store");
      res.set_content(
          "newsfuse: this binary was built without the web page (web/ was empty at build time).\n"
          "The API is at /api/health, /api/stories, /api/stories/{id}/brief, /api/articles/{id}.\n",
          "text/plain; charset=utf-8");
      return;
    }
    return SetError(res, 404, "no such asset: " + std::string(name));
  }
  res.set_header("ETag", std::string(asset->etag));
  // The page revalidates every time (cheap: 304), so a new binary's page is
  // seen at once; assets are reused for a while.
  res.set_header("Cache-Control", is_page ? "no-cache" : "public, max-age=300");
  res.set_header("X-Content-Type-Options", "nosniff");
  if (is_page) {
    // No external network: everything the page loads comes from this origin.
    res.set_header("Content-Security-Policy",
                   "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                   "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
                   "frame-ancestors 'none'");
  }
  if (status == 200 && req.get_header_value("If-None-Match") == asset->etag) {
    res.status = 304;
    return;
  }
  res.status = status;
  res.set_content(asset->bytes.data(), asset->bytes.size(), std::string(asset->content_type));
}

void Server::Impl::Health(Response& res) {
  Result<store::StoreStats> stats = store->Stats();
  if (!stats.ok()) return SetStoreError(res, stats.status());
  std::string body;
  base::JsonWriter w(&body);
  w.BeginObject();
  w.Key("ok");
  w.Bool(true);
  w.Key("articles");
  w.Int(static_cast<int64_t>(stats->articles));
  w.Key("stories");
  w.Int(static_cast<int64_t>(stats->stories));
  w.EndObject();
  SetJson(res, 200, std::move(body));
}

void Server::Impl::ListStories(const Request& req, Response& res) {
  store::StoryQuery q;
  if (req.has_param("sort")) {
    const std::string sort = req.get_param_value("sort");
    if (sort == "recent") {
      q.sort = store::StorySort::kRecent;
    } else if (sort == "largest") {
      q.sort = store::StorySort::kLargest;
    } else {
      return SetError(res, 400, "query parameter 'sort' must be 'recent' or 'largest', not '" + sort + "'");
    }
  }
  q.text = std::string(base::Trim(req.get_param_value("q")));
  q.entity = std::string(base::Trim(req.get_param_value("entity")));
  std::optional<size_t> limit = SizeParam(req, "limit", 50, res);
  if (!limit) return;
  std::optional<size_t> offset = SizeParam(req, "offset", 0, res);
  if (!offset) return;
  // The same bound as `newsfuse stories --limit`: an error, not a silent cut.
  if (*limit == 0 || *limit > options.max_stories_limit) {
    return SetError(res, 400, "query parameter 'limit' must be between 1 and " +
                                  std::to_string(options.max_stories_limit) + ", not " + std::to_string(*limit));
  }
  q.limit = *limit;
  q.offset = *offset;
  Result<std::vector<store::StoryRow>> rows = store->ListStories(q);
  if (!rows.ok()) return SetStoreError(res, rows.status());
  std::string body;
  base::JsonWriter w(&body);
  w.BeginObject();
  w.Key("stories");
  store::WriteStoryRows(*rows, w);
  w.EndObject();
  SetJson(res, 200, std::move(body));
}

int Server::Impl::StoryPageStatus(std::string_view path) {
  const std::string_view id = StoryPageId(path);
  if (id.empty()) return 200;
  Result<std::optional<store::StoryRow>> row = store->GetStory(std::string(id));
  return row.ok() && !row->has_value() ? 404 : 200;
}

void Server::Impl::GetStory(const std::string& id, Response& res) {
  if (id.empty()) return SetError(res, 404, "no story id in the path");
  Result<std::optional<store::StoryRow>> row = store->GetStory(id);
  if (!row.ok()) return SetStoreError(res, row.status());
  if (!row->has_value()) return SetError(res, 404, "no such story: " + id);
  Result<std::vector<store::ArticleChange>> changes = store->StoryChanges(id);
  if (!changes.ok()) return SetStoreError(res, changes.status());
  std::string body;
  base::JsonWriter w(&body);
  w.BeginObject();
  store::WriteStoryRowFields(**row, w);
  w.Key("changes");
  w.BeginArray();
  for (const store::ArticleChange& c : *changes) WriteChange(c, w);
  w.EndArray();
  w.EndObject();
  SetJson(res, 200, std::move(body));
}

void Server::Impl::GetBrief(const std::string& id, Response& res) {
  if (id.empty()) return SetError(res, 404, "no story id in the path");
  Result<std::optional<std::string>> json = store->BriefingJson(id);
  if (!json.ok()) return SetStoreError(res, json.status());
  if (!json->has_value()) return SetError(res, 404, "no such story: " + id);
  SetJson(res, 200, std::move(**json));
}

void Server::Impl::GetArticle(const std::string& id, Response& res) {
  Result<std::optional<store::StoredArticle>> found = store->GetArticle(id);
  if (!found.ok()) return SetStoreError(res, found.status());
  if (!found->has_value()) return SetError(res, 404, "no such article: " + id);
  const store::StoredArticle& sa = **found;
  const Article& a = sa.article;
  std::string body;
  base::JsonWriter w(&body);
  w.BeginObject();
  w.Field("id", a.id);
  render::WriteArticleMetadata(a, w);
  w.Key("story");
  if (sa.story_id.empty()) {
    w.Null();
  } else {
    w.String(sa.story_id);
  }
  w.Key("ingested");
  w.Int(sa.ingested_unix);
  w.Key("paragraphs");
  w.BeginArray();
  for (const Paragraph& p : a.paragraphs) {
    w.BeginObject();
    w.Field("text", p.text);
    w.Key("heading");
    w.Bool(p.is_heading);
    if (p.is_list_item) {
      w.Key("list_item");
      w.Bool(true);
    }
    if (!p.label.empty()) w.Field("label", p.label);
    w.EndObject();
  }
  w.EndArray();
  w.Key("dropped");
  render::WriteDroppedLines(a.dropped, w);
  w.Key("changes");
  w.BeginArray();
  for (const store::ArticleChange& c : sa.changes) WriteChange(c, w);
  w.EndArray();
  w.EndObject();
  SetJson(res, 200, std::move(body));
}

void Server::Impl::PostArticles(const Request& req, Response& res, const httplib::ContentReader& reader) {
  const std::string media = MediaType(req);
  BodyFormat format = BodyFormat::kDetect;
  if (media == "application/x-ndjson" || media == "application/jsonl" || media == "application/x-jsonlines" ||
      media == "application/jsonlines" || media == "application/json-seq") {
    format = BodyFormat::kJsonLines;
  } else if (!media.empty() && media != "application/json" && media != "text/plain" &&
             media != "application/octet-stream") {
    return SetError(res, 415,
                    "Content-Type '" + media +
                        "' is not accepted: send application/json (an object or an array) or "
                        "application/x-ndjson (JSON Lines)");
  }
  std::string content;
  bool too_large = false;
  const bool read = reader([&](const char* data, size_t n) {
    if (content.size() + n > options.max_body_bytes) {
      too_large = true;
      return false;
    }
    content.append(data, n);
    return true;
  });
  if (too_large || res.status == 413) {
    return SetError(res, 413, "request body over the limit of " + std::to_string(options.max_body_bytes) + " bytes");
  }
  if (!read) return SetError(res, 400, "the request body could not be read");
  ArticleBatch batch = ParseArticleBatch(content, format);
  if (batch.articles.empty()) {
    std::string body;
    base::JsonWriter w(&body);
    w.BeginObject();
    w.Key("error");
    w.BeginObject();
    w.Key("status");
    w.Int(400);
    w.Field("message", RejectedSummary(batch.rejected));
    WriteRejected(batch.rejected, w);
    w.EndObject();
    w.EndObject();
    return SetJson(res, 400, std::move(body));
  }
  const std::vector<size_t> lines = batch.lines;
  Result<store::IngestResult> result = store->AddArticles(std::move(batch.articles));
  if (!result.ok()) return SetStoreError(res, result.status());
  std::string body;
  body.reserve(128 + 96 * result->articles.size());
  base::JsonWriter w(&body);
  w.BeginObject();
  w.Key("inserted");
  w.Int(static_cast<int64_t>(result->inserted));
  w.Key("updated");
  w.Int(static_cast<int64_t>(result->updated));
  w.Key("unchanged");
  w.Int(static_cast<int64_t>(result->unchanged));
  w.Key("duplicates");
  w.Int(static_cast<int64_t>(result->duplicates));
  WriteRejected(batch.rejected, w);
  if (!batch.warnings.empty()) WriteItems(batch.warnings, "warnings", "warning", w);
  w.Key("articles");
  w.BeginArray();
  for (size_t i = 0; i < result->articles.size(); ++i) {
    const store::ArticleOutcome& o = result->articles[i];
    w.BeginObject();
    w.Field("id", o.id);
    w.Field("status", OutcomeName(o.outcome));
    w.Key("story");
    if (o.story_id.empty()) {
      w.Null();
    } else {
      w.String(o.story_id);
    }
    if (!o.duplicate_of.empty()) w.Field("duplicate_of", o.duplicate_of);
    if (i < lines.size()) {
      w.Key("line");
      w.Int(static_cast<int64_t>(lines[i]));
    }
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  SetJson(res, 200, std::move(body));
}

Server::Server(Engine* engine, ServerOptions options)
    : impl_(std::make_unique<Impl>(engine, std::move(options))) {
  impl_->Configure();
}

Server::~Server() { Stop(); }

Result<int> Server::Bind() {
  Impl& s = *impl_;
  int port = s.options.port;
  bool ok;
  if (port == 0) {
    port = s.http.bind_to_any_port(s.options.host);
    ok = port > 0;
  } else {
    ok = s.http.bind_to_port(s.options.host, port);
  }
  if (!ok) {
    return Status::Unavailable(s.options.host + ":" + std::to_string(s.options.port),
                               "cannot listen (address in use, or not an address of this machine)");
  }
  s.http.RaiseBacklog();
  s.port = port;
  s.bound = true;
  return port;
}

Status Server::Run() {
  Impl& s = *impl_;
  if (!s.bound) return Status::FailedPrecondition("serve", "Run() before a successful Bind()");
  // Stop() and Run() may race (Stop() from another thread right after the
  // Run() thread starts): each writes its flag, then reads the other's, so
  // one of them always sees the other.
  s.run_started = true;
  if (s.stop_requested) return Status::Ok();
  s.http.listen_after_bind();  // false once stopped: not an error here
  s.run_finished = true;
  return Status::Ok();
}

void Server::Stop() {
  if (!impl_) return;
  Impl& s = *impl_;
  s.stop_requested = true;
  if (!s.run_started) return;
  // httplib's stop() does nothing until its loop is running.
  for (int i = 0; i < 1000 && !s.http.is_running() && !s.run_finished; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  if (s.http.gate()) s.http.gate()->Close();  // connections still waiting for a head go now
  s.http.stop();
}

}  // namespace newsfuse::serve
