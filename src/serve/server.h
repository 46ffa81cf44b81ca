// File: serve/server.h
//
// `newsfuse serve`: the HTTP API over the engine's store (newsfuse/engine.h),
// and the web page, from one
// binary. cpp-httplib does the HTTP; this file owns the routes, the JSON, the
// limits and the error handling.
//
//   serve::Server server(engine.get(), {.port = 0});
//   Result<int> port = server.Bind();      // listening after this
//   std::thread t([&] { server.Run(); });  // serves until Stop()
//   ...
//   server.Stop(); t.join();
//
// Routes (all JSON unless noted; errors are {"error":{"status":N,"message":"..."}}):
//   POST /api/articles                 one object, an array, or JSON Lines -> ingest summary
//   GET  /api/stories?sort=recent|largest&q=&entity=&limit=&offset=
//   GET  /api/stories/{id}             a story row and its corrections
//   GET  /api/stories/{id}/brief       Engine::BriefingJson, verbatim
//   GET  /api/articles/{id}            an article, its paragraphs, boilerplate and corrections
//   GET  /api/health
//   GET  / and /story/{id}             web/index.html (the page routes on its path)
//   GET  /assets/{name}                web/{name}
//
// Limits: request bodies over `max_body_bytes` get 413; each client IP gets
// a token bucket (`rate_limit` requests/s, 429 with Retry-After when empty);
// a read or write that stalls longer than its timeout drops the connection;
// connections get their own worker (up to `max_threads`), so idle keep-alive
// and slow clients do not hold up others; a connection's request head must
// arrive within `header_deadline_s`, and connections waiting for theirs may
// take only `max_connections_per_address` per address and a quarter of the workers
// in all (serve/connection_gate.h). Every handler catches everything:
// a request can fail, the process does not.
//
// Thread-safety: Bind() then Run() from one thread; Stop() from any thread
// (not from a signal handler). The engine must outlive the Server (it is
// safe to call from many threads at once).
#ifndef NEWSFUSE_SERVE_SERVER_H_
#define NEWSFUSE_SERVE_SERVER_H_

#include <cstddef>
#include <memory>
#include <string>

#include "newsfuse/result.h"
#include "newsfuse/status.h"
#include "newsfuse/engine.h"

namespace newsfuse::serve {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;                        // 0: any free port (Bind() says which)
  size_t threads = 8;                     // workers kept ready
  size_t max_threads = 512;               // connections served at once; more wait
  size_t max_body_bytes = size_t{32} << 20;
  double read_timeout_s = 5;              // a client silent this long is dropped
  // A connection's whole request head must arrive within this (a client
  // trickling a byte a second never trips the read timeout); at most this
  // many connections per client address, and a quarter of max_threads in all,
  // wait for their head at once, the longest-waiting pushed out by a new one
  // (serve/connection_gate.h).
  double header_deadline_s = 10;
  size_t max_connections_per_address = 32;
  double write_timeout_s = 5;
  int keep_alive_timeout_s = 5;           // idle keep-alive connections close after this
  size_t keep_alive_max_requests = 1000;  // per connection
  double rate_limit = 500;                // requests/s per client IP; 0: no limit
  double rate_burst = 0;                  // 0: 2 * rate_limit
  size_t max_stories_limit = 500;         // the most `limit` may ask for
  bool access_log = false;                // one line per request on standard error
};

class Server {
 public:
  // `engine` is not owned.
  Server(Engine* engine, ServerOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds host:port and starts listening; returns the port (the chosen one
  // when options.port is 0). Fails naming the address when it cannot bind.
  Result<int> Bind();

  // Serves until Stop(). REQUIRES: Bind() succeeded.
  Status Run();

  // Stops accepting, lets requests in progress finish, and makes Run() return.
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsfuse::serve

#endif  // NEWSFUSE_SERVE_SERVER_H_
