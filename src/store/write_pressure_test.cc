// The write delay admission control reads, and bulk writes yielding to short ones, on each engine.

#include "store/write_pressure.h"

#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

#include "store/testing/test_database.h"

namespace rp::store {
namespace {

using namespace std::chrono_literals;
using testing::TestDatabase;

// Writes that hold the writer (SQLite) or every pooled connection (PostgreSQL) until released, so
// the next write has to wait.
class HeldWrites {
 public:
  explicit HeldWrites(TestDatabase& test) {
    const std::size_t holders = test.engine() == Engine::sqlite ? 1 : test->stats().connections;
    std::shared_future<void> released = release_.get_future().share();
    for (std::size_t i = 0; i < holders; ++i) {
      std::promise<void> holding;
      std::future<void> held = holding.get_future();
      threads_.emplace_back([&test, released, holding = std::move(holding)]() mutable {
        (void)test->write<int>([&](Session&) -> Result<int> {
          holding.set_value();
          released.wait();
          return 0;
        });
      });
      held.wait();
    }
  }
  void release() {
    if (!released_) release_.set_value();
    released_ = true;
    for (std::thread& thread : threads_) thread.join();
    threads_.clear();
  }
  ~HeldWrites() { release(); }

 private:
  std::promise<void> release_;
  bool released_ = false;
  std::vector<std::thread> threads_;
};

TEST(WritePressure, TheDelayIsHowLongTheOldestWaitingWriteHasWaited) {
  TestDatabase test;
  EXPECT_EQ(write_queue_delay(test.database()), 0us);
  HeldWrites held(test);
  std::thread waiting([&] { (void)test->write<int>([](Session&) -> Result<int> { return 1; }); });
  std::this_thread::sleep_for(80ms);
  EXPECT_GE(write_queue_delay(test.database()), 60ms);
  held.release();
  waiting.join();
  EXPECT_EQ(write_queue_delay(test.database()), 0us);
}

TEST(WritePressure, ABulkWriteGivesItsTurnToShortWritesThatWaitedPastTheThreshold) {
  TestDatabase test;
  set_batch_yield(test.database(), BatchYield{1ms, 2000ms});
  // The order the writes ran in, recorded inside them (their answers may reach their callers in
  // either order).
  std::mutex order_mutex;
  std::vector<std::string> order;
  auto ran = [&](const char* what) {
    std::lock_guard lock(order_mutex);
    order.push_back(what);
  };
  HeldWrites held(test);
  std::thread customer([&] {
    (void)test->write<int>([&](Session&) -> Result<int> {
      ran("customer");
      return 1;
    });
  });
  std::this_thread::sleep_for(30ms);  // the customer's write is queued first
  std::thread batch([&] {
    (void)test->write_bulk<int>([&](Session&) -> Result<int> {
      ran("batch");
      return 1;
    });
  });
  std::this_thread::sleep_for(30ms);
  held.release();  // without the yield, the bulk write would take the turn after the held group
  customer.join();
  batch.join();
  ASSERT_EQ(order.size(), 2u);
  // Only SQLite's one writer has turns to give (store/database.h): on PostgreSQL a bulk write is
  // an ordinary one, and the two run side by side on connections freed together, in either order.
  if (test.engine() == Engine::sqlite) {
    EXPECT_EQ(order[0], "customer");
  }
}

}  // namespace
}  // namespace rp::store
