// `newsfuse serve --db FILE [--host H] [--port N] [--threads N] [--workers N] ...`: the
// HTTP API and the web page over a store (serve/server.h), until SIGINT or
// SIGTERM. Prints one line once listening, so scripts can read the port:
//   newsfuse: serving http://127.0.0.1:8080 (db newsfuse.db)
#include <pthread.h>
#include <signal.h>

#include <cstdio>
#include <memory>
#include <string>
#include <thread>

#include "cli/commands.h"
#include "serve/server.h"
#include "newsfuse/engine.h"

namespace newsfuse::cli {
namespace {

struct ServeFlags {
  std::string db;
  std::string ner_model;
  serve::ServerOptions server;
  double max_body_mib = 32;
  unsigned store_threads = 0;
};

int RunServe(ServeFlags flags) {
  // Signals are taken by one thread with sigwait() rather than a handler:
  // stopping the server is not async-signal-safe. Blocked here, before any
  // thread starts, so every thread inherits the mask.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  EngineOptions options;
  options.db = flags.db;
  options.ner_model = flags.ner_model;
  options.threads = flags.store_threads;
  // Loaded now rather than at the first briefing: a missing or damaged model
  // is an error naming the file before the server listens, not briefings
  // silently without entities.
  options.require_entity_model = true;
  Result<std::unique_ptr<Engine>> engine = Engine::Open(options);
  if (!engine.ok()) {
    PrintError(engine.status());
    return 1;
  }
  flags.server.max_body_bytes = static_cast<size_t>(flags.max_body_mib * (1 << 20));
  serve::Server server(engine->get(), flags.server);
  Result<int> port = server.Bind();
  if (!port.ok()) {
    PrintError(port.status());
    return 1;
  }
  std::thread waiter([&server, signals] {
    int sig = 0;
    sigwait(&signals, &sig);
    std::fprintf(stderr, "newsfuse: %s received, stopping\n", sig == SIGINT ? "SIGINT" : "SIGTERM");
    server.Stop();
  });
  waiter.detach();  // Run() returns only after Stop(); the process then exits
  std::printf("newsfuse: serving http://%s:%d (db %s)\n", flags.server.host.c_str(), *port, flags.db.c_str());
  std::fflush(stdout);
  Status s = server.Run();
  if (!s.ok()) {
    PrintError(s);
    return 1;
  }
  std::fprintf(stderr, "newsfuse: stopped\n");
  return 0;
}

}  // namespace

void RegisterServe(CLI::App& app) {
  auto flags = std::make_shared<ServeFlags>();
  serve::ServerOptions& o = flags->server;
  CLI::App* cmd = app.add_subcommand("serve", "serve the HTTP API and the web page over a store");
  cmd->add_option("--db", flags->db, "the store (an SQLite file; created if absent)")->required();
  cmd->add_option("--host", o.host, "address to listen on")->capture_default_str();
  cmd->add_option("--port", o.port, "port (0: any free port; the line printed says which)")
      ->capture_default_str()
      ->check(CLI::Range(0, 65535));
  cmd->add_option("--workers", o.threads, "HTTP workers kept ready")->capture_default_str();
  cmd->add_option("--max-connections", o.max_threads,
                  "connections served at once (one worker each); more wait their turn")
      ->capture_default_str();
  cmd->add_option("--max-body-mib", flags->max_body_mib, "largest request body, in MiB (413 beyond)")
      ->capture_default_str();
  cmd->add_option("--rate-limit", o.rate_limit, "requests per second per client IP (0: no limit)")
      ->capture_default_str();
  cmd->add_option("--rate-burst", o.rate_burst, "requests a client may make at once (0: twice the rate)")
      ->capture_default_str();
  cmd->add_option("--timeout", o.read_timeout_s, "seconds a stalled read may wait before the client is dropped")
      ->capture_default_str();
  cmd->add_option("--keep-alive", o.keep_alive_timeout_s, "seconds an idle keep-alive connection stays open")
      ->capture_default_str();
  // --threads means what it means for brief and ingest; --store-threads, its
  // old name, still works (hidden).
  cmd->add_option("--threads", flags->store_threads, "analysis threads (0: all cores)")->capture_default_str();
  cmd->add_option("--store-threads", flags->store_threads)->group("");
  cmd->add_option("--ner-model", flags->ner_model, "entity tagger model for briefings (default: the built-in path)");
  cmd->add_flag("--access-log", o.access_log, "one line per request on standard error");
  cmd->callback([flags] {
    flags->server.write_timeout_s = flags->server.read_timeout_s;
    ExitWith(RunServe(*flags));
  });
}

}  // namespace newsfuse::cli
