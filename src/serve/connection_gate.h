// File: serve/connection_gate.h
//
// What an accepted connection must pass before the HTTP server reads it, so
// that slow or many clients cannot hold every worker (issue 15: 520 sockets
// sending one header byte a second once locked everyone out):
//   - at most `max_per_address` open connections per client address (more
//     are closed at once);
//   - the whole request head ("...\r\n\r\n") within `header_deadline_s` of
//     the connection starting to wait for it, however slowly it trickles in
//     (a per-read timeout never fires on one byte a second);
//   - at most `max_waiting` connections waiting for their head at once: a new
//     one pushes out the connection that has waited longest, so that the rest
//     of the workers stay free for clients whose requests have arrived (a
//     normal client's head arrives in one packet and is served at once).
// The head is only peeked at (MSG_PEEK); the HTTP server then reads it as if
// the gate were not there.
//
//   ConnectionGate gate(options);
//   ConnectionGate::Pass pass = gate.Enter(fd);  // counts fd's address until `pass` goes
//   if (!pass.admitted() || !gate.AwaitHead(fd, pass)) -> close fd
//   else serve fd
//
// Thread-safety: every member may be called from any thread.
#ifndef NEWSFUSE_SERVE_CONNECTION_GATE_H_
#define NEWSFUSE_SERVE_CONNECTION_GATE_H_

#include <chrono>
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
  // The most of a head peeked at; a longer one is passed on for the server
  // to refuse (431) with its own limits.
  size_t max_head_bytes = 16384;
};

class ConnectionGate {
 public:
  explicit ConnectionGate(GateOptions options) : options_(options) {}

  class Pass {
   public:
    Pass() = default;
    Pass(Pass&& other) noexcept { *this = std::move(other); }
    Pass& operator=(Pass&& other) noexcept;
    ~Pass();
    bool admitted() const { return gate_ != nullptr; }
    const std::string& address() const { return address_; }

   private:
    friend class ConnectionGate;
    ConnectionGate* gate_ = nullptr;
    std::string address_;
  };

  // Counts `fd`'s peer address; not admitted when it already has
  // max_per_address connections (or has no address).
  Pass Enter(int fd);

  // Waits until `fd` holds a whole request head. False when the deadline
  // passes, the peer closes, or a newer connection pushed this one out.
  bool AwaitHead(int fd, const Pass& pass);

  // Connections refused or dropped so far (for tests and logs).
  uint64_t refused_per_address() const;
  uint64_t dropped_slow() const;
  uint64_t pushed_out() const;

 private:
  struct Waiter {
    int fd;
    bool pushed_out = false;
  };
  void Leave(const std::string& address);

  const GateOptions options_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, size_t> per_address_;  // guarded by mutex_
  std::list<Waiter> waiting_;                            // oldest first; guarded by mutex_
  size_t pushed_now_ = 0;  // nodes of waiting_ pushed out, not yet removed; guarded by mutex_
  uint64_t refused_ = 0, slow_ = 0, pushed_ = 0;         // guarded by mutex_
};

}  // namespace newsfuse::serve

#endif  // NEWSFUSE_SERVE_CONNECTION_GATE_H_
