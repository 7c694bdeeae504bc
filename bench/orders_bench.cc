// Service order benchmark client, against a running server on loopback:
//  create: CLIENTS concurrent staff clients on keep-alive connections, each asking for a meter
//          re-read on a random account (POST /api/v1/accounts/{number}/service-orders, a new
//          Idempotency-Key each time), together at RATE orders a second (or, without RATE, each
//          as soon as its last answer came: the most the server takes), for SECONDS; prints
//          orders created a second, the p50/p99/slowest of a creation in milliseconds, and the
//          requests refused (503 overloaded when over capacity) with the first refusal's status.
//  board:  the dispatcher's board, GET PATH (the open orders of a day) TIMES times one after
//          another; prints p50/p99/slowest in milliseconds.
// Run by bench/orders_bench.sh, which starts the server and fills the board.
//
// usage: orders_bench PORT STAFF_TOKEN create ACCOUNTS_FILE CLIENTS SECONDS [RATE]
//        orders_bench PORT STAFF_TOKEN board PATH TIMES

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "loopback_http.h"

namespace {

using Clock = std::chrono::steady_clock;
using rp::bench::Connection;

double percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  return values[std::min(values.size() - 1, static_cast<std::size_t>(p * values.size()))];
}

double milliseconds(Clock::duration elapsed) {
  return std::chrono::duration<double, std::milli>(elapsed).count();
}

int create(int port, const std::string& staff, const std::string& accounts_file, int clients,
           double seconds, double rate) {
  std::vector<std::string> accounts;
  std::ifstream file(accounts_file);
  for (std::string line; std::getline(file, line);) {
    if (!line.empty()) accounts.push_back(line);
  }
  if (accounts.empty()) return 2;
  const std::string run_tag = std::to_string(std::chrono::system_clock::now().time_since_epoch() /
                                             std::chrono::milliseconds(1));
  const std::string body = R"({"kind": "meter_reread", "details": "The reading looks too high"})";
  std::mutex merge;
  std::vector<double> latencies;
  std::atomic<long> created{0};
  std::atomic<long> errors{0};
  std::atomic<int> first_error{0};
  const Clock::time_point start = Clock::now();
  const Clock::time_point stop =
      start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
  std::vector<std::thread> threads;
  for (int client = 0; client < clients; ++client) {
    threads.emplace_back([&, client] {
      Connection connection(port);
      std::mt19937 random(static_cast<unsigned>(client));
      std::vector<double> mine;
      // RATE > 0: the clients together offer RATE orders a second, each on its own schedule (open
      // loop), a latency counted from when the order was due (no coordinated omission).
      const Clock::duration interval = rate > 0 ? std::chrono::duration_cast<Clock::duration>(
                                                      std::chrono::duration<double>(clients / rate))
                                                : Clock::duration::zero();
      const Clock::time_point first = start + interval * client / clients;
      for (long i = 0; Clock::now() < stop; ++i) {
        const Clock::time_point due = rate > 0 ? first + interval * i : Clock::now();
        if (rate > 0) {
          if (due >= stop) break;
          std::this_thread::sleep_until(due);
        }
        const std::string& account = accounts[random() % accounts.size()];
        const std::string request =
            "POST /api/v1/accounts/" + account +
            "/service-orders HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + staff +
            "\r\nIdempotency-Key: bench-" + run_tag + "-" + std::to_string(client) + "-" +
            std::to_string(i) +
            "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
            "\r\n\r\n" + body;
        const int status = connection.exchange(request);
        if (status == 201) {
          mine.push_back(milliseconds(Clock::now() - due));
          ++created;
        } else {
          int none = 0;
          first_error.compare_exchange_strong(none, status);
          ++errors;
        }
      }
      std::lock_guard lock(merge);
      latencies.insert(latencies.end(), mine.begin(), mine.end());
    });
  }
  for (std::thread& thread : threads) thread.join();
  const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  std::printf(
      "{\"clients\": %d, \"seconds\": %.1f, \"orders_created\": %ld, \"orders_per_second\": %.0f, "
      "\"create_p50_ms\": %.2f, \"create_p99_ms\": %.2f, \"create_max_ms\": %.2f, \"refused\": "
      "%ld, \"first_refusal_status\": %d, \"offered_per_second\": %.0f, \"goal\": \"p99 at "
      "most 20 ms at 200 clients\"}\n",
      clients, elapsed, created.load(), created.load() / elapsed, percentile(latencies, 0.5),
      percentile(latencies, 0.99), percentile(latencies, 1.0), errors.load(), first_error.load(),
      rate);
  return 0;
}

int board(int port, const std::string& staff, const std::string& path, int times) {
  Connection connection(port);
  const std::string request =
      "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + staff + "\r\n\r\n";
  std::vector<double> latencies;
  int errors = 0;
  int first_error = 0;
  for (int i = 0; i < times + 3; ++i) {  // three to warm up
    const Clock::time_point sent = Clock::now();
    const int status = connection.exchange(request);
    if (i >= 3) latencies.push_back(milliseconds(Clock::now() - sent));
    if (status != 200 && errors++ == 0) first_error = status;
  }
  std::printf(
      "{\"board_requests\": %d, \"board_p50_ms\": %.1f, \"board_p99_ms\": %.1f, \"board_max_ms\": "
      "%.1f, \"errors\": %d, \"first_error_status\": %d, \"goal\": \"5,000 open orders in "
      "300 ms or less\"}\n",
      times, percentile(latencies, 0.5), percentile(latencies, 0.99), percentile(latencies, 1.0),
      errors, first_error);
  return errors == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string mode = argc > 3 ? argv[3] : "";
  if (mode == "create" && (argc == 7 || argc == 8)) {
    return create(std::stoi(argv[1]), argv[2], argv[4], std::stoi(argv[5]), std::stod(argv[6]),
                  argc == 8 ? std::stod(argv[7]) : 0);
  }
  if (mode == "board" && argc == 6) {
    return board(std::stoi(argv[1]), argv[2], argv[4], std::stoi(argv[5]));
  }
  std::cerr << "usage: orders_bench PORT STAFF_TOKEN create ACCOUNTS_FILE CLIENTS SECONDS [RATE]\n"
               "       orders_bench PORT STAFF_TOKEN board PATH TIMES\n";
  return 2;
}
