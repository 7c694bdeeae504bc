// SQLite's write-ahead log: commits leave their pages in the log, and the checkpointer copies them
// into the database file beside the writer soon after, not only once 1,000 pages have piled up
// inside a commit (which held every write queued behind it for the copy and its fsync).

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "store/database.h"
#include "store/migrations.h"

namespace rp::store {
namespace {

TEST(WalCheckpoint, CommittedPagesReachTheDatabaseFileSoonWithoutAWriteWaitingForThem) {
  const std::filesystem::path folder =
      std::filesystem::temp_directory_path() / ("ratepayer-wal-" + std::to_string(::getpid()));
  std::filesystem::remove_all(folder);
  const std::filesystem::path file = folder / "wal.db";
  auto database = Database::open("sqlite:" + file.string());
  ASSERT_TRUE(database.ok()) << database.error().message;
  ASSERT_TRUE(migrate(**database).ok());
  const auto size_before = std::filesystem::file_size(file);

  // About 100 pages: far below the 1,000 at which SQLite would checkpoint inside a commit.
  constexpr int kRows = 100;
  constexpr std::uintmax_t kRowBytes = 3000;
  for (int i = 0; i < kRows; ++i) {
    auto written = (*database)->write<bool>([&](Session& session) -> Result<bool> {
      auto inserted = session.execute("INSERT INTO utility_settings (key, value) VALUES (:k, :v)",
                                      {"bulk-" + std::to_string(i), std::string(kRowBytes, 'x')});
      if (!inserted.ok()) return inserted.error();
      return true;
    });
    ASSERT_TRUE(written.ok()) << written.error().message;
  }
  const auto grown = size_before + kRows * kRowBytes;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (std::filesystem::file_size(file) < grown && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_GE(std::filesystem::file_size(file), grown) << "the pages stayed in the write-ahead log";

  database->reset();
  std::filesystem::remove_all(folder);
}

// Readers that overlap without a pause never let the log start over on its own; past 64 MB the
// checkpointer waits for them to move on, copies everything and truncates the log, so it does not
// grow with everything written (128 MB here).
TEST(WalCheckpoint, OverlappingReadersDoNotLetTheLogGrowWithEverythingWritten) {
  const std::filesystem::path folder = std::filesystem::temp_directory_path() /
                                       ("ratepayer-wal-bound-" + std::to_string(::getpid()));
  std::filesystem::remove_all(folder);
  const std::filesystem::path file = folder / "wal.db";
  auto database = Database::open("sqlite:" + file.string());
  ASSERT_TRUE(database.ok()) << database.error().message;
  ASSERT_TRUE(migrate(**database).ok());
  std::atomic<bool> writing{true};
  std::vector<std::thread> readers;
  for (int r = 0; r < 2; ++r) {
    readers.emplace_back([&] {
      while (writing.load()) {
        (void)(*database)->read<std::int64_t>([&](Session& session) -> Result<std::int64_t> {
          auto rows = session.query("SELECT COUNT(*) AS settings FROM utility_settings");
          if (!rows.ok()) return rows.error();
          std::this_thread::sleep_for(std::chrono::milliseconds(2));
          return rows->at(0).integer("settings");
        });
      }
    });
  }
  const std::string megabyte(1 << 20, 'x');
  for (int i = 0; i < 128; ++i) {
    auto written = (*database)->write<bool>([&](Session& session) -> Result<bool> {
      auto inserted = session.execute("INSERT INTO utility_settings (key, value) VALUES (:k, :v)",
                                      {"bulk-" + std::to_string(i), megabyte});
      if (!inserted.ok()) return inserted.error();
      return true;
    });
    ASSERT_TRUE(written.ok()) << written.error().message;
  }
  writing = false;
  for (auto& reader : readers) reader.join();
  std::filesystem::path log = file;
  log += "-wal";
  EXPECT_LT(std::filesystem::file_size(log), std::uintmax_t{100} << 20)
      << "the write-ahead log grew with everything written";
  database->reset();
  std::filesystem::remove_all(folder);
}

}  // namespace
}  // namespace rp::store
