#pragma once
// An account's balance aged into the buckets collections work from (aging.h): each bill is due on
// its due date, every other charge on the day it took effect; credits pay the oldest first.

#include "core/account_number.h"
#include "core/result.h"
#include "core/time.h"
#include "ledger/aging.h"
#include "store/database.h"

namespace rp::ledger {

struct AccountAging {
  LocalDate as_of;
  AgingBuckets buckets;  // buckets.total() is the account's balance
};

// The account's aging on `as_of` (none: the utility's today). Errors: not_found.
Result<AccountAging> account_aging(store::Database& database, const AccountNumber& account,
                                   std::optional<LocalDate> as_of = std::nullopt);

}  // namespace rp::ledger
