#pragma once
// The server's outage watch: every `period` (2 s in the server) a prediction pass over the
// signals not yet in an outage (outages/outages.h), so that a storm's reports and last gasps
// become outages within seconds; then the outage alerts waiting are fanned out into account
// events (outages/announcements.h), which the notices pipeline sends within its minute. A pass
// that finds nothing only reads. Runs on its own thread so
// the minute-long scheduler tick (scheduled_jobs.h) never delays it; every pass that did
// something is logged.

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "outages/status_board.h"
#include "store/database.h"

namespace rp::app {

inline constexpr std::chrono::milliseconds kOutageWatchPeriod{2000};

class OutageWatch {
 public:
  // `board` (may be null) is refreshed after each pass: what customers' status lookups read.
  OutageWatch(store::Database& database, std::chrono::milliseconds period,
              outages::StatusBoard* board = nullptr);
  ~OutageWatch();
  OutageWatch(const OutageWatch&) = delete;
  OutageWatch& operator=(const OutageWatch&) = delete;

 private:
  void loop();

  store::Database& database_;
  std::chrono::milliseconds period_;
  outages::StatusBoard* board_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace rp::app
