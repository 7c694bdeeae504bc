#include "store/session_pool.h"

namespace rp::store {

SessionPool::SessionPool(std::vector<std::unique_ptr<Session>> sessions)
    : idle_(std::move(sessions)), size_(idle_.size()) {}

SessionPool::Lease::~Lease() {
  if (pool_ && session_) pool_->give_back(std::move(session_));
}

SessionPool::Lease SessionPool::acquire() {
  std::unique_lock lock(mutex_);
  if (idle_.empty()) {
    auto waiting = waiting_since_.insert(waiting_since_.end(), std::chrono::steady_clock::now());
    available_.wait(lock, [this] { return !idle_.empty(); });
    waiting_since_.erase(waiting);
  }
  auto session = std::move(idle_.back());
  idle_.pop_back();
  return Lease(*this, std::move(session));
}

std::size_t SessionPool::in_use() const {
  std::lock_guard lock(mutex_);
  return size_ - idle_.size();
}

std::chrono::microseconds SessionPool::oldest_wait() const {
  std::lock_guard lock(mutex_);
  if (waiting_since_.empty()) return std::chrono::microseconds{0};
  return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() -
                                                               waiting_since_.front());
}

void SessionPool::give_back(std::unique_ptr<Session> session) {
  {
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(session));
  }
  available_.notify_one();
}

}  // namespace rp::store
