#pragma once
// Internal to store/: a fixed set of open sessions lent out one caller at a time.

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <vector>

#include "store/session.h"

namespace rp::store {

class SessionPool {
 public:
  explicit SessionPool(std::vector<std::unique_ptr<Session>> sessions);
  SessionPool(const SessionPool&) = delete;
  SessionPool& operator=(const SessionPool&) = delete;

  // A session on loan; returned to the pool when destroyed.
  class Lease {
   public:
    Lease(SessionPool& pool, std::unique_ptr<Session> session)
        : pool_(&pool), session_(std::move(session)) {}
    Lease(Lease&&) = default;
    ~Lease();
    Session& operator*() { return *session_; }
    Session* operator->() { return session_.get(); }

   private:
    SessionPool* pool_;
    std::unique_ptr<Session> session_;
  };

  // Waits until a session is free.
  Lease acquire();
  std::size_t size() const { return size_; }
  std::size_t in_use() const;
  // How long the longest-waiting caller of acquire() has waited so far; zero when none waits.
  std::chrono::microseconds oldest_wait() const;

 private:
  void give_back(std::unique_ptr<Session> session);

  mutable std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<Session>> idle_;
  std::list<std::chrono::steady_clock::time_point> waiting_since_;  // oldest first
  std::size_t size_;
};

}  // namespace rp::store
