#include "serve/connection_gate.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <thread>

namespace newsfuse::serve {
namespace {

// A connected loopback TCP pair: `client` writes, `server` is the accepted end.
struct Pair {
  int client = -1, server = -1;
  ~Pair() {
    if (client >= 0) close(client);
    if (server >= 0) close(server);
  }
};

class Loopback {
 public:
  Loopback() {
    listener_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(listener_, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    listen(listener_, 16);
    socklen_t len = sizeof addr_;
    getsockname(listener_, reinterpret_cast<sockaddr*>(&addr_), &len);
  }
  ~Loopback() { close(listener_); }
  void Connect(Pair* p) {
    p->client = socket(AF_INET, SOCK_STREAM, 0);
    ASSERT_EQ(connect(p->client, reinterpret_cast<sockaddr*>(&addr_), sizeof addr_), 0);
    p->server = accept(listener_, nullptr, nullptr);
    ASSERT_GE(p->server, 0);
  }

 private:
  int listener_ = -1;
  sockaddr_in addr_{};
};

void Send(int fd, const std::string& s) { ASSERT_EQ(write(fd, s.data(), s.size()), static_cast<ssize_t>(s.size())); }

double SecondsSince(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

TEST(ConnectionGate, OneAddressMayHoldOnlySoManyWaiters) {
  Loopback net;
  ConnectionGate gate({.max_per_address = 2, .max_waiting = 100, .header_deadline_s = 30});
  Pair slow[2], fresh;
  for (Pair& p : slow) net.Connect(&p);
  net.Connect(&fresh);
  bool results[2] = {true, true};
  std::thread waiters[2];
  for (int i = 0; i < 2; ++i) {
    waiters[i] = std::thread([&, i] { results[i] = gate.AwaitHead(slow[i].server); });
    std::this_thread::sleep_for(std::chrono::milliseconds(100));  // 0 waits longest
  }
  Send(fresh.client, "GET / HTTP/1.1\r\n\r\n");
  EXPECT_TRUE(gate.AwaitHead(fresh.server));  // never refused
  waiters[0].join();
  EXPECT_FALSE(results[0]);  // pushed out: the oldest of its address
  EXPECT_EQ(gate.pushed_out_by_address(), 1u);
  Send(slow[1].client, "GET / HTTP/1.1\r\n\r\n");
  waiters[1].join();
  EXPECT_TRUE(results[1]);
}

TEST(ConnectionGate, WholeHeadPassesAtOnce) {
  Loopback net;
  ConnectionGate gate({});
  Pair p;
  net.Connect(&p);
  Send(p.client, "GET /api/stories HTTP/1.1\r\nHost: x\r\n\r\n");
  const auto start = std::chrono::steady_clock::now();
  EXPECT_TRUE(gate.AwaitHead(p.server));
  EXPECT_LT(SecondsSince(start), 0.5);
  // Only peeked at: the server still reads the whole head.
  char buf[64];
  EXPECT_EQ(read(p.server, buf, 4), 4);
  EXPECT_EQ(std::string(buf, 4), "GET ");
}

TEST(ConnectionGate, TricklingHeadMeetsTheTotalDeadline) {
  Loopback net;
  ConnectionGate gate({.header_deadline_s = 0.6});
  Pair p;
  net.Connect(&p);
  std::thread trickle([&] {
    for (char ch : std::string("GET / HTTP/1.1\r\nHost")) {
      if (write(p.client, &ch, 1) != 1) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  });
  const auto start = std::chrono::steady_clock::now();
  EXPECT_FALSE(gate.AwaitHead(p.server));
  const double waited = SecondsSince(start);
  EXPECT_GE(waited, 0.5);
  EXPECT_LT(waited, 1.5);  // every byte arrived in time, the head did not
  EXPECT_EQ(gate.dropped_slow(), 1u);
  trickle.join();
}

TEST(ConnectionGate, NewConnectionPushesOutTheLongestWaiting) {
  Loopback net;
  ConnectionGate gate({.max_waiting = 1, .header_deadline_s = 30});
  Pair slow, fresh;
  net.Connect(&slow);
  net.Connect(&fresh);
  bool slow_result = true;
  std::thread waiter([&] {
    slow_result = gate.AwaitHead(slow.server);
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(200));  // the slow one waits first
  const auto start = std::chrono::steady_clock::now();
  Send(fresh.client, "GET / HTTP/1.1\r\n\r\n");
  EXPECT_TRUE(gate.AwaitHead(fresh.server));
  waiter.join();
  EXPECT_FALSE(slow_result);
  EXPECT_LT(SecondsSince(start), 5.0);  // long before its 30 s deadline
  EXPECT_EQ(gate.pushed_out(), 1u);
}

}  // namespace
}  // namespace newsfuse::serve
