// Proves the write guarantees of database.h under concurrency: every writer gets its own answer,
// every successful write is durable, and a failing write affects no other.

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "store/testing/test_database.h"

namespace rp::store {
namespace {

using testing::TestDatabase;

Result<std::int64_t> count_settings(Database& database, std::string_view prefix) {
  return database.read<std::int64_t>([&](Session& session) -> Result<std::int64_t> {
    auto rows = session.query("SELECT COUNT(*) FROM utility_settings WHERE key LIKE :p",
                              {std::string(prefix) + "%"});
    if (!rows.ok()) return rows.error();
    return rows->at(0).integer(0);
  });
}

Result<void> insert_setting(Session& session, const std::string& key, const std::string& value) {
  auto inserted =
      session.execute("INSERT INTO utility_settings (key, value) VALUES (:k, :v)", {key, value});
  if (!inserted.ok()) return inserted.error();
  return success();
}

TEST(GroupCommit, ManyConcurrentWritersEachGetTheirOwnResultAndAllAreDurable) {
  TestDatabase test;
  constexpr int kThreads = 32;
  constexpr int kWritesPerThread = 40;
  std::atomic<int> succeeded{0}, rejected{0}, wrong_answers{0};
  {
    // A key every writer tries to take: exactly one may win it.
    std::vector<std::thread> writers;
    for (int t = 0; t < kThreads; ++t) {
      writers.emplace_back([&, t] {
        for (int i = 0; i < kWritesPerThread; ++i) {
          std::string key = "w-" + std::to_string(t) + "-" + std::to_string(i);
          bool poisoned = i % 10 == 7;  // every tenth write inserts, then fails on a duplicate
          auto outcome = test->write<std::string>([&](Session& session) -> Result<std::string> {
            if (auto done = insert_setting(session, key, "v"); !done.ok()) return done.error();
            if (poisoned) {
              if (auto dup = insert_setting(session, key, "again"); !dup.ok()) return dup.error();
            }
            return key;
          });
          if (poisoned) {
            if (outcome.ok() || outcome.error().kind != ErrorKind::conflict) ++wrong_answers;
            ++rejected;
          } else {
            if (!outcome.ok() || *outcome != key) ++wrong_answers;
            ++succeeded;
          }
        }
      });
    }
    for (auto& writer : writers) writer.join();
  }
  EXPECT_EQ(wrong_answers.load(), 0);
  EXPECT_EQ(rejected.load(), kThreads * kWritesPerThread / 10);

  PoolStats stats = test->stats();
  EXPECT_EQ(stats.failed_writes, static_cast<std::uint64_t>(rejected.load()));
  if (test.engine() == Engine::sqlite) {
    // Writers queued behind an in-flight fsync share the next commit.
    EXPECT_LT(stats.commits, stats.writes);
  }

  // Durable: a fresh connection (as after a restart) sees exactly the successful writes, and
  // none of the rows the failed writes inserted before failing.
  test.close();
  auto reopened = test.reopen();
  ASSERT_NE(reopened, nullptr);
  auto count = count_settings(*reopened, "w-");
  ASSERT_TRUE(count.ok()) << count.error().message;
  EXPECT_EQ(*count, succeeded.load());
}

TEST(GroupCommit, AFailedWriteLeavesNothingAndTheNextWriteSucceeds) {
  TestDatabase test;
  auto failed = test->write<int>([](Session& session) -> Result<int> {
    if (auto done = insert_setting(session, "half", "written"); !done.ok()) return done.error();
    return invalid_input("amount", "the amount is not a number");
  });
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().field, "amount");

  auto next = test->write<int>([](Session& session) -> Result<int> {
    if (auto done = insert_setting(session, "whole", "written"); !done.ok()) return done.error();
    return 1;
  });
  ASSERT_TRUE(next.ok());
  EXPECT_EQ(*count_settings(test.database(), "half"), 0);
  EXPECT_EQ(*count_settings(test.database(), "whole"), 1);
}

TEST(GroupCommit, AnExceptionInsideAWriteBecomesAnErrorAndRollsBack) {
  TestDatabase test;
  auto failed = test->write<int>([](Session& session) -> Result<int> {
    (void)insert_setting(session, "thrown", "x");
    throw std::runtime_error("boom");
  });
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().kind, ErrorKind::internal);
  EXPECT_NE(failed.error().message.find("boom"), std::string::npos);
  EXPECT_EQ(*count_settings(test.database(), "thrown"), 0);
}

TEST(GroupCommit, ReadersSeeCommittedWritesImmediately) {
  TestDatabase test;
  ASSERT_TRUE(test->write<int>([](Session& session) -> Result<int> {
                    RP_TRY(insert_setting(session, "seen", "now"));
                    return 1;
                  })
                  .ok());
  EXPECT_EQ(*count_settings(test.database(), "seen"), 1);
}

// A short write (a payment) waits behind at most one bulk write (a bill-run chunk), never behind
// every bulk write queued before it, and a bulk write that fails takes no short write with it. On
// SQLite the writer alternates lanes; on PostgreSQL every write has its own connection, so the
// short write does not wait at all.
TEST(GroupCommit, AShortWriteWaitsBehindAtMostOneBulkWrite) {
  TestDatabase test;
  std::atomic<bool> released_yet{false};
  std::atomic<bool> short_ran_before_release{false};
  std::mutex order_mutex;
  std::vector<std::string> order;
  const auto ran = [&](const std::string& name) {
    std::lock_guard lock(order_mutex);
    order.push_back(name);
  };
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  std::promise<void> first_started;
  std::thread first([&] {
    auto done = test->write_bulk<bool>([&](Session& session) -> Result<bool> {
      ran("bulk-1");
      first_started.set_value();
      released.wait();
      RP_TRY(insert_setting(session, "bulk-1", "v"));
      return true;
    });
    EXPECT_TRUE(done.ok());
  });
  first_started.get_future().wait();
  std::vector<std::thread> others;
  for (const char* name : {"bulk-2", "bulk-3"}) {
    others.emplace_back([&, name] {
      auto done = test->write_bulk<bool>([&](Session&) -> Result<bool> {
        ran(name);
        return conflict("a bulk write that fails");
      });
      EXPECT_FALSE(done.ok());
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(20));  // queued in this order
  }
  others.emplace_back([&] {
    auto done = test->write<bool>([&](Session& session) -> Result<bool> {
      ran("short");
      short_ran_before_release = !released_yet;
      RP_TRY(insert_setting(session, "short", "v"));
      return true;
    });
    EXPECT_TRUE(done.ok());
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));  // every write queued
  released_yet = true;
  release.set_value();
  first.join();
  for (std::thread& thread : others) thread.join();
  if (test->engine() == Engine::sqlite) {
    EXPECT_EQ(order, (std::vector<std::string>{"bulk-1", "short", "bulk-2", "bulk-3"}));
  } else {
    EXPECT_TRUE(short_ran_before_release.load());
  }
  EXPECT_EQ(*count_settings(test.database(), "short"), 1);
  EXPECT_EQ(*count_settings(test.database(), "bulk-1"), 1);
}

}  // namespace
}  // namespace rp::store
