// Storm benchmark client, against a running server on loopback (bench/outages_bench.sh starts it
// over a generated utility). For SECONDS, at once:
//  * the head-end: the AMI meters under randomly chosen feeders, until GASP_PERCENT of the homes,
//    send their last gasps (POST /api/v1/meter-events, batches of 500, spread over the first
//    third of the storm; a batch refused as overloaded is sent again a second later); after each
//    batch one of its homes is watched until its outage shows in the status (GET
//    /api/v1/accounts/{n}/outages): the prediction's delay;
//  * reports: customers report at REPORT_RATE a second (open loop), four in five from homes under
//    the out feeders, one in five from anywhere (POST /api/v1/accounts/{n}/outage-reports, as the
//    phone system's key): the intake's p50/p99;
//  * status: STATUS_CLIENTS clients look up random homes at STATUS_RATE a second together
//    (GET /api/v1/outages/status?premise=): the lookups' p50/p99 and how many answered;
//  * payments: 8 clients pay $1.00 by card at PAYMENT_RATE a second together (POST
//    /api/v1/accounts/{n}/payments, a new Idempotency-Key each), first for QUIET_SECONDS alone
//    (the quiet p99), then through the storm (the storm's p99): payments must not notice.
// Prints one JSON line with every figure and the goals beside them.
//
// usage: outages_bench PORT KEY HOMES_FILE SECONDS REPORT_RATE STATUS_RATE STATUS_CLIENTS
//        GASP_PERCENT CARD PAYMENT_RATE QUIET_SECONDS
// HOMES_FILE: one home a line, "account premise meter feeder" (meter "-" when not AMI).

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "loopback_http.h"

namespace {

using Clock = std::chrono::steady_clock;
using rp::bench::Connection;

struct Home {
  std::string account;
  std::string premise;
  std::string meter;  // "-": not read automatically
  long feeder = 0;
};

double percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  return values[std::min(values.size() - 1, static_cast<std::size_t>(p * values.size()))];
}

double milliseconds(Clock::duration elapsed) {
  return std::chrono::duration<double, std::milli>(elapsed).count();
}

std::string post(const std::string& path, const std::string& key, const std::string& body) {
  return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + key +
         "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
         "\r\n\r\n" + body;
}

std::string get(const std::string& path, const std::string& key) {
  return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" +
         (key.empty() ? std::string() : "Authorization: Bearer " + key + "\r\n") + "\r\n";
}

std::string iso_now() {
  const auto seconds = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&seconds));
  return text;
}

// Open-loop clients: `clients` together offer `rate` requests a second for `seconds`, each
// latency counted from when its request was due. `make` builds client c's i-th request.
struct Load {
  std::vector<double> latencies;
  long ok = 0;
  long failed = 0;
  int first_failure = 0;
};

template <typename Make>
Load open_loop(int port, int clients, double rate, double seconds, Make make, int expected) {
  Load load;
  std::mutex merge;
  const Clock::time_point start = Clock::now();
  const Clock::time_point stop =
      start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
  const Clock::duration interval =
      std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(clients / rate));
  std::vector<std::thread> threads;
  for (int client = 0; client < clients; ++client) {
    threads.emplace_back([&, client] {
      Connection connection(port);
      std::vector<double> mine;
      long ok = 0, failed = 0;
      int first = 0;
      const Clock::time_point begin = start + interval * client / clients;
      for (long i = 0;; ++i) {
        const Clock::time_point due = begin + interval * i;
        if (due >= stop) break;
        std::this_thread::sleep_until(due);
        const int status = connection.exchange(make(client, i));
        if (status == expected || (expected == 201 && status == 200)) {
          mine.push_back(milliseconds(Clock::now() - due));
          ++ok;
        } else {
          if (first == 0) first = status;
          ++failed;
        }
      }
      std::lock_guard lock(merge);
      load.latencies.insert(load.latencies.end(), mine.begin(), mine.end());
      load.ok += ok;
      load.failed += failed;
      if (load.first_failure == 0) load.first_failure = first;
    });
  }
  for (std::thread& thread : threads) thread.join();
  return load;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 12) {
    std::cerr << "usage: outages_bench PORT KEY HOMES_FILE SECONDS REPORT_RATE STATUS_RATE "
                 "STATUS_CLIENTS GASP_PERCENT CARD PAYMENT_RATE QUIET_SECONDS\n";
    return 2;
  }
  const int port = std::stoi(argv[1]);
  const std::string key = argv[2];
  const double seconds = std::stod(argv[4]);
  const double report_rate = std::stod(argv[5]);
  const double status_rate = std::stod(argv[6]);
  const int status_clients = std::stoi(argv[7]);
  const double gasp_percent = std::stod(argv[8]);
  const std::string card = argv[9];
  const double payment_rate = std::stod(argv[10]);
  const double quiet_seconds = std::stod(argv[11]);

  std::vector<Home> homes;
  std::ifstream file(argv[3]);
  for (std::string line; std::getline(file, line);) {
    std::istringstream fields(line);
    Home home;
    if (fields >> home.account >> home.premise >> home.meter >> home.feeder) {
      homes.push_back(home);
    }
  }
  if (homes.empty()) return 2;
  // The feeders the storm takes out: random ones until their meters are GASP_PERCENT of homes.
  std::map<long, std::vector<std::size_t>> by_feeder;
  for (std::size_t i = 0; i < homes.size(); ++i) by_feeder[homes[i].feeder].push_back(i);
  std::vector<long> feeders;
  for (const auto& [feeder, list] : by_feeder) feeders.push_back(feeder);
  std::mt19937 random(7);
  std::shuffle(feeders.begin(), feeders.end(), random);
  std::vector<std::size_t> dark;  // homes under the out feeders
  std::vector<std::size_t> gasping;
  const auto wanted = static_cast<std::size_t>(homes.size() * gasp_percent / 100);
  std::size_t out_feeders = 0;
  for (long feeder : feeders) {
    if (gasping.size() >= wanted) break;
    ++out_feeders;
    for (std::size_t home : by_feeder[feeder]) {
      dark.push_back(home);
      if (homes[home].meter != "-") gasping.push_back(home);
    }
  }
  std::shuffle(gasping.begin(), gasping.end(), random);

  // Payments: a new Idempotency-Key each, unique to this run and phase.
  const std::string run_tag =
      std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count());
  const auto payments = [&](const std::string& phase, double for_seconds) {
    return open_loop(
        port, 8, payment_rate, for_seconds,
        [&, phase](int client, long i) {
          std::mt19937 pick(static_cast<unsigned>(client * 104'729 + i));
          const std::string body =
              R"({"amount": "1.00", "payment_method": {"token": ")" + card + R"("}})";
          return "POST /api/v1/accounts/" + homes[pick() % homes.size()].account +
                 "/payments HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + key +
                 "\r\nIdempotency-Key: storm-" + run_tag + "-" + phase + "-" +
                 std::to_string(client) + "-" + std::to_string(i) +
                 "\r\nContent-Type: application/json\r\nContent-Length: " +
                 std::to_string(body.size()) + "\r\n\r\n" + body;
        },
        201);
  };
  const Load quiet_payments = payments("quiet", quiet_seconds);
  Load storm_payments;
  std::thread paying([&] { storm_payments = payments("storm", seconds); });

  // The head-end, and the watch on the prediction's delay.
  std::vector<double> prediction_delays;
  long gasps_accepted = 0;
  long gasp_retries = 0;
  int gasp_failure = 0;
  std::thread head_end([&] {
    Connection connection(port);
    Connection watcher(port);
    constexpr std::size_t kBatch = 500;
    const std::size_t batches = (gasping.size() + kBatch - 1) / kBatch;
    const auto spacing = std::chrono::duration_cast<Clock::duration>(
        std::chrono::duration<double>(seconds / 3 / std::max<std::size_t>(batches, 1)));
    for (std::size_t b = 0; b < batches; ++b) {
      const Clock::time_point due = Clock::now() + spacing;
      std::string body = R"({"events": [)";
      const std::size_t end = std::min(gasping.size(), (b + 1) * kBatch);
      const std::string at = iso_now();
      for (std::size_t i = b * kBatch; i < end; ++i) {
        if (i > b * kBatch) body += ",";
        body += R"({"meter": ")" + homes[gasping[i]].meter +
                R"(", "kind": "last_gasp", "occurred_at": ")" + at + R"("})";
      }
      body += "]}";
      // As a head-end does: a batch refused as overloaded is sent again after Retry-After (1 s).
      const Clock::time_point sent = Clock::now();
      int status = connection.exchange(post("/api/v1/meter-events", key, body));
      for (int retry = 0; status == 503 && retry < 30; ++retry) {
        ++gasp_retries;
        std::this_thread::sleep_for(std::chrono::seconds(1));
        status = connection.exchange(post("/api/v1/meter-events", key, body));
      }
      if (status != 202) {
        if (gasp_failure == 0) gasp_failure = status;
        continue;
      }
      gasps_accepted += static_cast<long>(end - b * kBatch);
      // One of the batch's homes, watched until its outage shows (at most 60 s).
      const Home& watched = homes[gasping[b * kBatch]];
      const std::string look = get("/api/v1/accounts/" + watched.account + "/outages", key);
      while (Clock::now() - sent < std::chrono::seconds(60)) {
        std::string answer;
        if (watcher.exchange(look, &answer) == 200 &&
            answer.find("\"outage\":{") != std::string::npos) {
          prediction_delays.push_back(milliseconds(Clock::now() - sent) / 1000.0);
          break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
      }
      std::this_thread::sleep_until(due);
    }
  });

  // Reports: four in five from dark homes.
  std::thread reporting_thread;
  Load reports;
  reporting_thread = std::thread([&] {
    reports = open_loop(
        port, 16, report_rate, seconds,
        [&](int client, long i) {
          std::mt19937 pick(static_cast<unsigned>(client * 1'000'003 + i));
          const Home& home = pick() % 5 != 0 && !dark.empty() ? homes[dark[pick() % dark.size()]]
                                                              : homes[pick() % homes.size()];
          return post("/api/v1/accounts/" + home.account + "/outage-reports", key,
                      R"({"premise": )" + home.premise + R"(, "kind": "out"})");
        },
        201);
  });
  Load status = open_loop(
      port, status_clients, status_rate, seconds,
      [&](int client, long i) {
        std::mt19937 pick(static_cast<unsigned>(client * 7'919 + i));
        return get("/api/v1/outages/status?premise=" + homes[pick() % homes.size()].premise, "");
      },
      200);
  reporting_thread.join();
  head_end.join();
  paying.join();

  std::printf(
      "{\"seconds\": %.0f, \"homes\": %zu, \"out_feeders\": %zu, \"last_gasps_sent\": %ld, "
      "\"last_gasp_batches_resent\": %ld, \"last_gasp_refusal\": %d, \"prediction_p50_s\": %.2f, "
      "\"prediction_max_s\": %.2f, "
      "\"prediction_watched\": %zu, "
      "\"reports\": %ld, \"reports_per_second\": %.0f, \"report_p50_ms\": %.1f, "
      "\"report_p99_ms\": %.1f, \"reports_refused\": %ld, \"report_refusal\": %d, "
      "\"status_lookups\": %ld, \"status_per_second\": %.0f, \"status_p50_ms\": %.1f, "
      "\"status_p99_ms\": %.1f, \"status_refused\": %ld, \"status_refusal\": %d, "
      "\"payments_quiet\": %ld, \"payment_quiet_p99_ms\": %.1f, \"payments_storm\": %ld, "
      "\"payment_storm_p50_ms\": %.1f, \"payment_storm_p99_ms\": %.1f, "
      "\"payments_refused\": %ld, \"payment_refusal\": %d, "
      "\"goals\": \"status >= 2,000/s p99 <= 50 ms; report p99 <= 100 ms; predicted within 5 "
      "s; payments' p99 in the storm within the payment benchmark's (14.5-20.7 ms)\"}\n",
      seconds, homes.size(), out_feeders, gasps_accepted, gasp_retries, gasp_failure,
      percentile(prediction_delays, 0.5), percentile(prediction_delays, 1.0),
      prediction_delays.size(), reports.ok, reports.ok / seconds,
      percentile(reports.latencies, 0.5), percentile(reports.latencies, 0.99), reports.failed,
      reports.first_failure, status.ok, status.ok / seconds, percentile(status.latencies, 0.5),
      percentile(status.latencies, 0.99), status.failed, status.first_failure, quiet_payments.ok,
      percentile(quiet_payments.latencies, 0.99), storm_payments.ok,
      percentile(storm_payments.latencies, 0.5), percentile(storm_payments.latencies, 0.99),
      storm_payments.failed + quiet_payments.failed,
      storm_payments.first_failure ? storm_payments.first_failure : quiet_payments.first_failure);
  return 0;
}
