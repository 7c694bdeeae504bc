#pragma once
// What the in-process benchmarks that prepare their own data share: the database they run on, a
// statement in its own write, and one number read back; each gives up saying why when it fails.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "bench_support.h"
#include "store/database.h"
#include "store/migrations.h"

namespace rp::bench {

// The database a benchmark runs on, migrated: `url` when one is given, else a fresh SQLite file in
// the temporary folder `folder_name` (emptied first).
inline std::unique_ptr<store::Database> open_bench_database(std::string url,
                                                            const std::string& folder_name) {
  if (url.empty()) {
    const std::filesystem::path folder = std::filesystem::temp_directory_path() / folder_name;
    std::filesystem::remove_all(folder);
    std::filesystem::create_directories(folder);
    url = "sqlite:" + (folder / "bench.db").string();
  }
  auto database = store::Database::open(url);
  if (!database.ok()) fail("open", database.error().message);
  if (auto migrated = store::migrate(**database); !migrated.ok()) {
    fail("migrate", migrated.error().message);
  }
  return std::move(*database);
}

inline void execute(store::Database& db, const std::string& sql, const store::Params& params = {}) {
  auto done = db.write<void>([&](store::Session& session) -> Result<void> {
    auto changed = session.execute(sql, params);
    if (!changed.ok()) return changed.error();
    return success();
  });
  if (!done.ok()) fail("write", done.error().message + "\n" + sql);
}

inline std::int64_t scalar(store::Database& db, const std::string& sql) {
  auto rows = db.read<store::Rows>([&](store::Session& s) { return s.query(sql); });
  if (!rows.ok() || rows->empty()) fail("read", sql);
  return rows->at(0).integer(std::size_t{0});
}

}  // namespace rp::bench
