#pragma once
// A statement of account: every ledger entry of an account in the order it took effect (its
// effective date, then the order it was posted), each with the balance after it, what a CSR reads
// to a caller ("on March 5 a check for $1,050.90 brought the balance to $13.29"). The running
// balance always runs over the whole ledger: a date range starts from the balance before its first
// day, and a kind filter hides lines without changing the balances the others show.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "accounts/ledger.h"
#include "core/account_number.h"
#include "core/money.h"
#include "core/result.h"
#include "core/time.h"
#include "store/database.h"

namespace rp::ledger {

struct StatementQuery {
  std::optional<LocalDate> from = {};  // first effective date shown; none: the first entry
  std::optional<LocalDate> to = {};    // last effective date shown; none: the last entry
  std::optional<accounts::LedgerEntryKind> kind = {};  // only this kind of entry; none: every kind
};

struct StatementLine {
  std::int64_t entry_id = 0;
  std::string kind;  // ledger_entry_kind_name
  LocalDate effective_on;
  std::string posted_at;  // UTC instant
  std::string reference;  // bill number, payment confirmation, ...
  std::string description;
  Money amount;         // charges positive, payments and credits negative
  Money balance_after;  // the account's balance after this entry, in statement order
  std::int64_t reverses_entry_id = 0;
};

struct AccountStatement {
  AccountNumber account = AccountNumber::from_sequence(0);
  std::string customer_name;
  std::vector<std::string> mailing_address;  // lines
  LocalDate as_of;                           // the utility's today when it was read
  std::optional<LocalDate> from = {};
  std::optional<LocalDate> to = {};
  Money opening_balance = {};  // before `from` (zero without one)
  Money closing_balance = {};  // after `to` (the balance without one)
  Money charges = {};          // the positive amounts of the lines shown
  Money credits = {};          // the negative amounts of the lines shown
  std::vector<StatementLine> lines = {};
};

// Errors: not_found for an unknown account; invalid_input "to" when it is before `from`.
Result<AccountStatement> account_statement(store::Database& database, const AccountNumber& account,
                                           const StatementQuery& query);

// "payment" -> LedgerEntryKind::payment. Errors: invalid_input naming `field` and the kinds.
Result<accounts::LedgerEntryKind> parse_ledger_entry_kind(std::string_view name,
                                                          const std::string& field);

}  // namespace rp::ledger
