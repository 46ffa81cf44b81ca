// File: serve/connection_gate.h
//
// What an accepted connection must pass before the HTTP server reads it, so
// that slow clients cannot hold every worker (issue 15: 520 sockets sending
// one header byte a second once locked everyone out): its whole request head
// ("...\r\n\r\n") must arrive within `header_deadline_s`, however slowly it
// trickles in (a per-read timeout never fires on one byte a second), and
// only so many connections may wait for their head at once:
//   - at most `max_per_address` from one client address: a new one pushes
//     out that address's connection that has waited longest;
//   - at most `max_waiting` in all: a new one pushes out the connection
//     that has waited longest, so that the rest of the workers stay free for
//     clients whose requests have arrived.
// A new connection is never refused: a normal client's head arrives in one
// packet and is served at once, while what it pushed out had been waiting.
// The head is only peeked at (MSG_PEEK); the HTTP server then reads it as if
// the gate were not there. Connections past their head (being served, or
// idle between keep-alive requests) are the server's read timeouts' concern.
//
//   ConnectionGate gate(options);
//   if (!gate.AwaitHead(fd)) -> close fd; else serve fd
//
// Thread-safety: every member may be called from any thread.
#ifndef NEWSFUSE_SERVE_CONNECTION_GATE_H_
#define NEWSFUSE_SERVE_CONNECTION_GATE_H_

#include <cstddef>
#include <cstdint>
#include <list>
#include <mutex>
#include <string>
#include <unordered_map>

namespace newsfuse::serve {

struct GateOptions {
  size_t max_per_address = 32;
  size_t max_waiting = 256;
  double header_deadline_s = 10;
  // A connection that sends nothing new for this long is dropped too (the
  // server's read timeout, which the gate's waiting would otherwise defer).
  double idle_timeout_s = 5;
  // The most of a head peeked at; a longer one is passed on for the server
  // to refuse with its own limits.
  size_t max_head_bytes = 16384;
};

class ConnectionGate {
 public:
  explicit ConnectionGate(GateOptions options) : options_(options) {}

  // Waits until `fd` holds a whole request head. False when the deadline
  // passes, the peer closes, or a newer connection pushed this one out.
  bool AwaitHead(int fd);

  // Pushes out every waiting connection, and every later one at once (the
  // server is stopping).
  void Close();

  // Connections dropped so far (for tests and logs).
  uint64_t dropped_slow() const;    // head not whole by the deadline
  uint64_t pushed_out() const;      // to make room, any address
  uint64_t pushed_out_by_address() const;  // of those, for their own address's cap

 private:
  struct Waiter {
    int fd;
    std::string address;
    bool pushed_out = false;
  };
  // Pushes out `w` (mutex_ held): shutdown() wakes its poll(); the node, and
  // its fd (open, so never reused meanwhile), stay until its own thread
  // takes the node off the list under mutex_ before the fd is closed.
  void PushOut(Waiter& w);

  const GateOptions options_;
  mutable std::mutex mutex_;
  std::list<Waiter> waiting_;                            // oldest first; guarded by mutex_
  size_t active_ = 0;                                    // waiters not pushed out; guarded by mutex_
  std::unordered_map<std::string, size_t> per_address_;  // active waiters by address; guarded by mutex_
  uint64_t slow_ = 0, pushed_ = 0, pushed_by_address_ = 0;  // guarded by mutex_
  bool closed_ = false;                                     // guarded by mutex_
};

}  // namespace newsfuse::serve

#endif  // NEWSFUSE_SERVE_CONNECTION_GATE_H_
