// Payment benchmark client: CLIENTS concurrent customers on keep-alive connections, each paying
// (POST /api/v1/accounts/{number}/payments, a new Idempotency-Key each time) and then reading the
// balance (GET /api/v1/accounts/{number}/summary), for SECONDS. Prints one JSON object: payments
// acknowledged per second, the p50/p99 of the payment POST and of the POST + GET pair in
// milliseconds, and the payments the server refused as overloaded (503): how many, how fast the
// refusal came (p99 and slowest), and, once the load is over, each refused payment sent again
// with its own Idempotency-Key (none may be lost or posted twice: the script counts the ledger).
// Run by bench/payment_bench.sh, which starts the server and a bill run beside it.
//
// usage: payment_bench PORT STAFF_TOKEN CARD_TOKEN ACCOUNTS_FILE CLIENTS SECONDS [RATE]
//        payment_bench PORT - - healthz CLIENTS SECONDS   (GET /healthz as fast as answered)

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

class Connection {
 public:
  explicit Connection(int port) : port_(port) {}
  ~Connection() { close(); }

  // Sends one request and reads its response; the status, or 0 when the connection failed.
  int exchange(const std::string& message) {
    for (int attempt = 0; attempt < 2; ++attempt) {
      if (fd_ < 0 && !open()) return 0;
      if (::send(fd_, message.data(), message.size(), MSG_NOSIGNAL) ==
          static_cast<ssize_t>(message.size())) {
        const int status = read_response();
        if (status > 0) return status;
      }
      close();  // the server closed a kept-alive connection: open a new one once
    }
    return 0;
  }

 private:
  bool open() {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd_ < 0) return false;
    int one = 1;
    ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    timeval timeout{10, 0};
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port_));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
      close();
      return false;
    }
    return true;
  }

  void close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
    buffer_.clear();
  }

  int read_response() {
    std::size_t end_of_head;
    while ((end_of_head = buffer_.find("\r\n\r\n")) == std::string::npos) {
      if (!fill()) return 0;
    }
    const std::string head = buffer_.substr(0, end_of_head);
    std::size_t length = 0;
    const std::size_t at = head.find("ontent-Length: ");
    if (at != std::string::npos) length = std::stoul(head.substr(at + 15));
    while (buffer_.size() < end_of_head + 4 + length) {
      if (!fill()) return 0;
    }
    buffer_.erase(0, end_of_head + 4 + length);
    return std::stoi(head.substr(9, 3));
  }

  bool fill() {
    char chunk[8192];
    const ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
    if (n <= 0) return false;
    buffer_.append(chunk, static_cast<std::size_t>(n));
    return true;
  }

  int port_;
  int fd_ = -1;
  std::string buffer_;
};

double percentile(std::vector<double>& values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const std::size_t index =
      std::min(values.size() - 1, static_cast<std::size_t>(p * values.size()));
  return values[index];
}

double milliseconds(Clock::duration elapsed) {
  return std::chrono::duration<double, std::milli>(elapsed).count();
}

Clock::time_point after(Clock::time_point start, double seconds) {
  return start +
         std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
}

// GET /healthz as fast as the server answers: the machine's speed for trivial requests, which
// the payment capacity is reported against.
int healthz(int port, int clients, double seconds) {
  std::atomic<long> answered{0};
  const Clock::time_point start = Clock::now();
  const Clock::time_point stop = after(start, seconds);
  std::vector<std::thread> threads;
  for (int client = 0; client < clients; ++client) {
    threads.emplace_back([&] {
      Connection connection(port);
      const std::string get = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
      while (Clock::now() < stop) {
        if (connection.exchange(get) == 200) ++answered;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  std::printf("{\"healthz_clients\": %d, \"healthz_per_second\": %.0f}\n", clients,
              answered.load() / elapsed);
  return 0;
}

struct Refused {
  std::string account;
  std::string key;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 7 && argc != 8) {
    std::cerr << "usage: payment_bench PORT STAFF_TOKEN CARD_TOKEN ACCOUNTS_FILE CLIENTS SECONDS "
                 "[RATE]\n";
    return 2;
  }
  const int port = std::stoi(argv[1]);
  const int clients = std::stoi(argv[5]);
  const double seconds = std::stod(argv[6]);
  if (std::string(argv[4]) == "healthz") return healthz(port, clients, seconds);
  // RATE > 0: the clients together offer RATE payments a second, each on its own schedule
  // (open loop), and a latency counts from when the payment was due to be sent, so a server that
  // falls behind is charged for the wait (no coordinated omission). Without it, every client pays
  // again as soon as it has its answer (closed loop: the most the server can take).
  const double rate = argc == 8 ? std::stod(argv[7]) : 0;
  const std::string staff = argv[2];
  const std::string card = argv[3];
  std::vector<std::string> accounts;
  std::ifstream file(argv[4]);
  for (std::string line; std::getline(file, line);) {
    if (!line.empty()) accounts.push_back(line);
  }
  if (accounts.empty()) return 2;
  // Keys differ from run to run of the same server (the script runs the client several times).
  const std::string run_tag =
      std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count());

  auto payment = [&](const std::string& account, const std::string& key) {
    const std::string body =
        "{\"amount\": \"1.00\", \"payment_method\": {\"token\": \"" + card + "\"}}";
    return "POST /api/v1/accounts/" + account +
           "/payments HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + staff +
           "\r\nIdempotency-Key: " + key +
           "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
           "\r\n\r\n" + body;
  };

  std::mutex merge;
  std::vector<double> post_ms;
  std::vector<double> pair_ms;
  std::vector<double> refusal_ms;
  std::vector<Refused> refused;
  std::atomic<long> acknowledged{0};
  std::atomic<long> errors{0};
  std::atomic<long> reads_refused{0};
  const Clock::time_point start = Clock::now();
  const Clock::time_point stop = after(start, seconds);
  std::vector<std::thread> threads;
  for (int client = 0; client < clients; ++client) {
    threads.emplace_back([&, client] {
      Connection connection(port);
      std::vector<double> posts;
      std::vector<double> pairs;
      std::vector<double> refusals;
      std::vector<Refused> refused_here;
      const Clock::duration interval = rate > 0 ? std::chrono::duration_cast<Clock::duration>(
                                                      std::chrono::duration<double>(clients / rate))
                                                : Clock::duration::zero();
      const Clock::time_point first = start + interval * client / clients;
      for (long i = 0; Clock::now() < stop; ++i) {
        const Clock::time_point due = first + interval * i;
        if (rate > 0) {
          if (due >= stop) break;
          std::this_thread::sleep_until(due);
        }
        const std::string& account = accounts[(client * 7919 + i) % accounts.size()];
        const std::string key =
            "bench-" + run_tag + "-" + std::to_string(client) + "-" + std::to_string(i);
        const std::string get = "GET /api/v1/accounts/" + account +
                                "/summary HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " +
                                staff + "\r\n\r\n";
        const Clock::time_point began = rate > 0 ? due : Clock::now();
        const int paid = connection.exchange(payment(account, key));
        const Clock::time_point posted = Clock::now();
        if (paid == 503) {
          refusals.push_back(milliseconds(posted - began));
          refused_here.push_back({account, key});
          // A closed-loop client backs off before its next payment, as the portal does (less
          // than the Retry-After second, to keep the server at its limit).
          if (rate <= 0) std::this_thread::sleep_for(std::chrono::milliseconds(100));
          continue;
        }
        int read = connection.exchange(get);
        // A balance read refused as overloaded is asked again shortly (the portal backs off
        // longer); the pair's time includes the waits.
        for (int again = 0; read == 503 && again < 200; ++again) {
          ++reads_refused;
          std::this_thread::sleep_for(std::chrono::milliseconds(20));
          read = connection.exchange(get);
        }
        const Clock::time_point ended = Clock::now();
        if (paid != 201 || read != 200) {
          ++errors;
          continue;
        }
        ++acknowledged;
        posts.push_back(milliseconds(posted - began));
        pairs.push_back(milliseconds(ended - began));
      }
      std::lock_guard lock(merge);
      post_ms.insert(post_ms.end(), posts.begin(), posts.end());
      pair_ms.insert(pair_ms.end(), pairs.begin(), pairs.end());
      refusal_ms.insert(refusal_ms.end(), refusals.begin(), refusals.end());
      refused.insert(refused.end(), refused_here.begin(), refused_here.end());
    });
  }
  for (std::thread& thread : threads) thread.join();
  const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();

  // The load is over: each refused payment is sent again as it was (its own key), a few at a
  // time, until the server takes it: it must post exactly once.
  std::atomic<long> retried_posted{0};
  std::atomic<long> retried_failed{0};
  std::atomic<std::size_t> next{0};
  std::vector<std::thread> retriers;
  for (int client = 0; client < std::min(clients, 16); ++client) {
    retriers.emplace_back([&] {
      Connection connection(port);
      for (std::size_t i = next++; i < refused.size(); i = next++) {
        int status = 0;
        for (int attempt = 0; attempt < 50; ++attempt) {
          status = connection.exchange(payment(refused[i].account, refused[i].key));
          if (status != 503) break;
          std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        (status == 201 ? retried_posted : retried_failed)++;
      }
    });
  }
  for (std::thread& thread : retriers) thread.join();

  const double refusal_max =
      refusal_ms.empty() ? 0 : *std::max_element(refusal_ms.begin(), refusal_ms.end());
  std::printf(
      "{\"clients\": %d, \"offered_per_second\": %.0f, \"seconds\": %.2f, \"payments\": %ld, "
      "\"errors\": %ld, "
      "\"payments_per_second\": %.0f, \"post_p50_ms\": %.2f, \"post_p99_ms\": %.2f, "
      "\"pay_then_balance_p50_ms\": %.2f, \"pay_then_balance_p99_ms\": %.2f, "
      "\"refused\": %zu, \"refusal_p99_ms\": %.2f, \"refusal_max_ms\": %.2f, "
      "\"refused_then_posted\": %ld, \"refused_then_failed\": %ld, \"balance_reads_refused\": "
      "%ld}\n",
      clients, rate, elapsed, acknowledged.load(), errors.load(), acknowledged.load() / elapsed,
      percentile(post_ms, 0.50), percentile(post_ms, 0.99), percentile(pair_ms, 0.50),
      percentile(pair_ms, 0.99), refused.size(), percentile(refusal_ms, 0.99), refusal_max,
      retried_posted.load(), retried_failed.load(), reads_refused.load());
  return errors.load() == 0 && retried_failed.load() == 0 ? 0 : 1;
}
