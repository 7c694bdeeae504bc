#pragma once
// How long the audit trail keeps who did what. A record past its retention is pruned: it keeps
// its number, time, action, outcome and hashes, so the chain and every checkpoint still verify,
// and loses who, what it was aimed at, the details and where it came from (the database allows
// that change and no other: migration 0032). Records of access (sign-ins, sign-outs,
// re-authentication, refusals, reads of customers' data; the list is in sql/prune_*_records.sql)
// are kept access_days; every other record
// (changes to money, accounts and access) money_years. verify_audit_trail refuses a record pruned
// before kLeastAccessDays, whoever did it.

#include <chrono>
#include <cstdint>
#include <string_view>

#include "core/result.h"
#include "store/database.h"

namespace rp::audit {

inline constexpr std::int64_t kLeastAccessDays = 90;  // NERC CIP-style floor for sign-in records
inline constexpr std::int64_t kLeastMoneyYears = 7;   // what utility regulators commonly require

struct Retention {
  std::int64_t access_days = 365;
  std::int64_t money_years = 7;
};

struct PruneReport {
  std::int64_t access_records = 0;
  std::int64_t other_records = 0;
};

// Prunes every record past its retention as of now. Errors: invalid_input ("access_days",
// "money_years") below the floors; the database's.
Result<PruneReport> prune_audit_trail(store::Database& database, const Retention& retention);

}  // namespace rp::audit
