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

ConnectionGate::Pass& ConnectionGate::Pass::operator=(Pass&& other) noexcept {
  if (this != &other) {
    if (gate_) gate_->Leave(address_);
    gate_ = other.gate_;
    address_ = std::move(other.address_);
    other.gate_ = nullptr;
  }
  return *this;
}

ConnectionGate::Pass::~Pass() {
  if (gate_) gate_->Leave(address_);
}

ConnectionGate::Pass ConnectionGate::Enter(int fd) {
  Pass pass;
  std::string address = PeerAddress(fd);
  if (address.empty()) return pass;
  std::lock_guard<std::mutex> lock(mutex_);
  size_t& open = per_address_[address];
  if (open >= options_.max_per_address) {
    if (open == 0) per_address_.erase(address);
    ++refused_;
    return pass;
  }
  ++open;
  pass.gate_ = this;
  pass.address_ = std::move(address);
  return pass;
}

void ConnectionGate::Leave(const std::string& address) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = per_address_.find(address);
  if (it == per_address_.end()) return;
  if (--it->second == 0) per_address_.erase(it);
}

bool ConnectionGate::AwaitHead(int fd, const Pass& pass) {
  if (!pass.admitted()) return false;
  using Clock = std::chrono::steady_clock;
  const auto deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                           std::chrono::duration<double>(options_.header_deadline_s));
  std::list<Waiter>::iterator me;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    // Full: the longest-waiting connections make room. shutdown() wakes its
    // poll(); its node (and its fd, open and so not reused) stays until its
    // own thread takes the node off the list, under this mutex, before the
    // fd is closed.
    for (auto it = waiting_.begin(); it != waiting_.end() && options_.max_waiting > 0 &&
                                     waiting_.size() - pushed_now_ >= options_.max_waiting;
         ++it) {
      if (it->pushed_out) continue;
      it->pushed_out = true;
      ::shutdown(it->fd, SHUT_RD);
      ++pushed_now_;
      ++pushed_;
    }
    me = waiting_.insert(waiting_.end(), Waiter{fd});
  }
  // Peek at what has arrived; then wait (SO_RCVLOWAT) until more than that
  // has, so poll() does not wake for bytes already seen.
  std::vector<char> buf(options_.max_head_bytes);
  bool ok = false;
  size_t seen = 0;
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
      seen = static_cast<size_t>(n);
    }
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (left <= 0) break;
    SetLowWater(fd, static_cast<int>(seen + 1));
    pollfd p{fd, POLLIN, 0};
    const int r = poll(&p, 1, static_cast<int>(std::min<long long>(left, 1000)));
    if (r < 0 && errno != EINTR) break;
  }
  SetLowWater(fd, 1);
  std::lock_guard<std::mutex> lock(mutex_);
  const bool pushed_out = me->pushed_out;
  if (pushed_out) --pushed_now_;
  waiting_.erase(me);
  if (!ok && !pushed_out) ++slow_;
  return ok && !pushed_out;
}

uint64_t ConnectionGate::refused_per_address() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return refused_;
}

uint64_t ConnectionGate::dropped_slow() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return slow_;
}

uint64_t ConnectionGate::pushed_out() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return pushed_;
}

}  // namespace newsfuse::serve
