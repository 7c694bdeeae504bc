#include "app/outage_watch.h"

#include <spdlog/spdlog.h>

#include "outages/announcements.h"
#include "outages/outages.h"

namespace rp::app {

OutageWatch::OutageWatch(store::Database& database, std::chrono::milliseconds period,
                         outages::StatusBoard* board)
    : database_(database), period_(period), board_(board), thread_([this] { loop(); }) {}

OutageWatch::~OutageWatch() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void OutageWatch::loop() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    auto pass = outages::predict_pass(database_);
    if (!pass.ok()) {
      spdlog::error("outage prediction stopped: {}", pass.error().message);
    } else if (pass->opened + pass->joined + pass->merged + pass->restored > 0) {
      spdlog::info(
          "outage prediction: {} signals, {} outages opened, {} joined one, {} merged, {} homes "
          "restored by their meters",
          pass->signals, pass->opened, pass->joined, pass->merged, pass->restored);
    }
    // What customers read first, so a busy fan-out never delays the status.
    if (board_ != nullptr) {
      if (auto refreshed = board_->refresh(database_); !refreshed.ok()) {
        spdlog::error("outage status snapshot stopped: {}", refreshed.error().message);
      }
    }
    // Tell customers: announcements fanned out into account events for the notices pipeline.
    if (auto told = outages::fan_out_announcements(database_); !told.ok()) {
      spdlog::error("outage alerts stopped: {}", told.error().message);
    } else if (told->events > 0) {
      spdlog::info("outage alerts: {} announcements, {} account events", told->announcements,
                   told->events);
    }
    lock.lock();
    wake_.wait_for(lock, period_, [this] { return stopping_; });
  }
}

}  // namespace rp::app
