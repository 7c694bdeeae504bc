#pragma once
// What the in-process benchmarks that prepare their own data share: a statement in its own write,
// and one number read back; either gives up with the statement when it fails.

#include <cstdint>
#include <string>

#include "bench_support.h"
#include "store/database.h"

namespace rp::bench {

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
