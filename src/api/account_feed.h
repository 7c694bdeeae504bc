#pragma once
// Live updates for the portal: every account event committed (a payment, a bill, a staff
// adjustment: account_events, written in the same transaction as the change) is pushed within a
// quarter second to every open event stream (GET /api/v1/me/events) of a customer whose login
// holds the account, as
//   event: account
//   data: {"account_number":"100000017","kind":"payment.received"}
// One thread follows the event log by id (one indexed query every 250 ms, whoever wrote the
// event: this server, another server on the same PostgreSQL, a CLI import), so nothing committed
// is missed and nothing needs to remember to notify. Every 15 s a comment line keeps idle streams
// open through proxies and finds the ones whose client left. Every 5 s the streams whose session
// has ended (signed out here or everywhere, a password change, idle or too old) are ended, so a
// signed-out browser hears nothing more.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "auth/logins.h"
#include "http/event_stream.h"
#include "store/database.h"

namespace rp::api {

class AccountFeed {
 public:
  explicit AccountFeed(store::Database& database, auth::LoginSettings logins = {},
                       std::chrono::milliseconds poll = std::chrono::milliseconds(250));
  ~AccountFeed();  // stops the thread
  AccountFeed(const AccountFeed&) = delete;
  AccountFeed& operator=(const AccountFeed&) = delete;

  // Starts following from the newest event now in the log.
  Result<void> start();

  // A session's open streams at most (a few browser tabs); the oldest is ended for a new one.
  static constexpr std::size_t kStreamsPerSession = 4;

  // Sends `sink` every later event of the accounts numbered `account_numbers` until it closes or
  // customer session `session_id` ends. When the session already has kStreamsPerSession streams
  // its oldest is ended first, so one session never holds more. A stream with no accounts to
  // follow is ended at once.
  void subscribe(std::int64_t session_id, const std::vector<std::string>& account_numbers,
                 std::shared_ptr<http::EventSink> sink);

  // One pass: reads the events after the last one seen and sends them (the thread's work; tests
  // call it directly). Returns how many events were read.
  Result<std::size_t> deliver_new_events();

  // Ends the streams whose session is no longer live (the thread's work every 5 s; tests call
  // it directly). Returns how many streams were ended.
  Result<std::size_t> end_streams_of_ended_sessions();

  // Open streams, for metrics and tests.
  std::size_t streams() const;

 private:
  struct Stream {
    std::int64_t session_id = 0;
    std::shared_ptr<http::EventSink> sink;
    std::uint64_t opened = 0;  // order of subscription, to find a session's oldest
  };

  void run();
  void keep_alive();

  store::Database& database_;
  auth::LoginSettings logins_;
  std::chrono::milliseconds poll_;
  mutable std::mutex mutex_;
  std::condition_variable stop_signal_;
  bool stopping_ = false;
  std::int64_t last_event_ = 0;
  std::uint64_t subscriptions_ = 0;
  std::multimap<std::string, Stream> by_account_;
  std::thread thread_;
};

}  // namespace rp::api
