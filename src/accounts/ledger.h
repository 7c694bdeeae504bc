#pragma once
// The one ledger every capability writes to. Entries are append-only (the database refuses
// UPDATE and DELETE); a mistake is corrected by a reversing entry. An account's balance is the sum
// of its entries: positive means the customer owes the utility, negative is a credit.

#include <cstdint>
#include <string>

#include "core/money.h"
#include "core/result.h"
#include "store/session.h"

namespace rp::accounts {

enum class LedgerEntryKind {
  opening_balance,
  bill,
  payment,
  adjustment,
  late_fee,
  reversal,
  refund,
  deposit,
  transfer,
  fee  // a charge that is neither a bill nor a late fee: the returned-payment fee
};
const char* ledger_entry_kind_name(LedgerEntryKind kind);

struct NewLedgerEntry {
  std::int64_t account_id = 0;
  LedgerEntryKind kind = LedgerEntryKind::adjustment;
  Money amount;              // signed: charges positive, payments and credits negative
  std::string effective_on;  // local date in the utility's zone
  std::string reference;     // bill number, payment confirmation, ...
  std::string memo;
  std::int64_t reverses_entry_id = 0;  // for reversals, the entry reversed
};

// Appends `entry`; requires an open write transaction (so it commits with whatever caused it).
// Errors: invalid_input for a missing account or date.
Result<std::int64_t> post_ledger_entry(store::Session& session, const NewLedgerEntry& entry);

// The sum of the account's entries, read in the caller's transaction.
Result<Money> account_balance(store::Session& session, std::int64_t account_id);

}  // namespace rp::accounts
