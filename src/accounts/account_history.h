#pragma once
// An account's complete history for staff: every account event, newest first, a page at a time,
// optionally only one kind of event ("bill" for bill.ready, bill.held, ...). The summary is the
// sentence the service wrote with the change ("Bill 41463 for $202.89 is ready, due 2026-12-20");
// the actor is who made it ("staff:3", "customer:42", "api_key:2", "system:late-fees").

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/account_number.h"
#include "core/result.h"
#include "store/database.h"

namespace rp::accounts {

struct HistoryEntry {
  std::int64_t id = 0;
  std::string kind;         // "bill.ready"
  std::string occurred_at;  // UTC instant
  std::string actor;
  std::string summary;
  std::string details_json;
};

struct HistoryQuery {
  std::string kind_group;      // "" for every kind, else the part before the dot ("bill")
  std::size_t limit = 50;      // 1..200
  std::int64_t before_id = 0;  // cursor: the id of the last entry of the previous page; 0 = newest
};

struct HistoryPage {
  std::vector<HistoryEntry> entries;
  std::optional<std::int64_t> next_before_id;
  std::vector<std::string> kind_groups;  // every group the account's events have, sorted
};

// Errors: not_found for an unknown account; invalid_input "kind" (not letters and underscores),
// "limit", "cursor".
Result<HistoryPage> account_history(store::Database& database, const AccountNumber& number,
                                    const HistoryQuery& query);

}  // namespace rp::accounts
