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

#include "loopback_http.h"

namespace {

using Clock = std::chrono::steady_clock;
using rp::bench::Connection;

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
