#include "serve/connection_gate.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <vector>

namespace newsfuse::serve {

namespace {

std::string PeerAddress(int fd) {
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  if (getpeername(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) return {};
  char text[INET6_ADDRSTRLEN] = {};
  if (addr.ss_family == AF_INET) {
    inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in*>(&addr)->sin_addr, text, sizeof text);
  } else if (addr.ss_family == AF_INET6) {
    inet_ntop(AF_INET6, &reinterpret_cast<sockaddr_in6*>(&addr)->sin6_addr, text, sizeof text);
  } else {
    return "local";  // a Unix socket: one peer
  }
  return text;
}

// True when bytes [0, n) of `head` end a request head: a blank line (CRLF
// CRLF, or the bare LF LF that servers accept too).
bool HasHeadEnd(std::string_view head) {
  return head.find("\r\n\r\n") != std::string_view::npos || head.find("\n\n") != std::string_view::npos;
}

void SetLowWater(int fd, int bytes) { setsockopt(fd, SOL_SOCKET, SO_RCVLOWAT, &bytes, sizeof bytes); }

}  // namespace

void ConnectionGate::PushOut(Waiter& w) {
  w.pushed_out = true;
  ::shutdown(w.fd, SHUT_RD);
  --active_;
  if (auto it = per_address_.find(w.address); it != per_address_.end() && --it->second == 0) per_address_.erase(it);
  ++pushed_;
}

bool ConnectionGate::AwaitHead(int fd) {
  using Clock = std::chrono::steady_clock;
  const auto deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                           std::chrono::duration<double>(options_.header_deadline_s));
  std::string address = PeerAddress(fd);
  std::list<Waiter>::iterator me;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (closed_) return false;
    auto mine = [&] {
      const auto it = per_address_.find(address);
      return it == per_address_.end() ? size_t{0} : it->second;
    };
    for (auto it = waiting_.begin(); it != waiting_.end() && mine() >= std::max<size_t>(options_.max_per_address, 1);
         ++it) {
      if (it->pushed_out || it->address != address) continue;
      PushOut(*it);
      ++pushed_by_address_;
    }
    for (auto it = waiting_.begin(); it != waiting_.end() && active_ >= std::max<size_t>(options_.max_waiting, 1);
         ++it) {
      if (!it->pushed_out) PushOut(*it);
    }
    me = waiting_.insert(waiting_.end(), Waiter{fd, address});
    ++per_address_[address];
    ++active_;
  }
  // Peek at what has arrived; then wait (SO_RCVLOWAT) until more than that
  // has, so poll() does not wake for bytes already seen.
  std::vector<char> buf(options_.max_head_bytes);
  bool ok = false;
  size_t seen = 0;
  const auto idle = std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(options_.idle_timeout_s));
  auto last_byte = Clock::now();
  while (true) {
    const ssize_t n = recv(fd, buf.data(), buf.size(), MSG_PEEK | MSG_DONTWAIT);
    if (n == 0) break;  // closed by the peer (or pushed out)
    if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) break;
    if (n > 0) {
      const size_t from = seen >= 3 ? seen - 3 : 0;
      if (static_cast<size_t>(n) >= buf.size() ||
          HasHeadEnd(std::string_view(buf.data() + from, static_cast<size_t>(n) - from))) {
        ok = true;
        break;
      }
      if (static_cast<size_t>(n) > seen) last_byte = Clock::now();
      seen = static_cast<size_t>(n);
    }
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                          std::min(deadline, last_byte + idle) - Clock::now())
                          .count();
    if (left <= 0) break;
    SetLowWater(fd, static_cast<int>(seen + 1));
    pollfd p{fd, POLLIN, 0};
    const int r = poll(&p, 1, static_cast<int>(std::min<long long>(left, 1000)));
    if (r < 0 && errno != EINTR) break;
  }
  SetLowWater(fd, 1);
  std::lock_guard<std::mutex> lock(mutex_);
  const bool pushed_out = me->pushed_out;
  if (!pushed_out) {
    --active_;
    if (auto it = per_address_.find(address); it != per_address_.end() && --it->second == 0) per_address_.erase(it);
    if (!ok) ++slow_;
  }
  waiting_.erase(me);
  return ok && !pushed_out;
}

void ConnectionGate::Close() {
  std::lock_guard<std::mutex> lock(mutex_);
  closed_ = true;
  for (Waiter& w : waiting_) {
    if (!w.pushed_out) PushOut(w);
  }
}

uint64_t ConnectionGate::dropped_slow() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return slow_;
}

uint64_t ConnectionGate::pushed_out() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return pushed_;
}

uint64_t ConnectionGate::pushed_out_by_address() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return pushed_by_address_;
}

}  // namespace newsfuse::serve
