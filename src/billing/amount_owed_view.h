#pragma once
// What an account owes now, by when and why (billing/amount_owed.h decides), from one snapshot of
// the database: the answer the portal's Home, Pay and bill pages and the staff console share
// (GET /api/v1/accounts/{number}/summary and the staff account carry it as "owed").

#include "accounts/account.h"
#include "billing/amount_owed.h"
#include "core/account_number.h"
#include "core/result.h"
#include "store/database.h"
#include "store/session.h"

namespace rp::billing {

// Inside a caller's snapshot, for the account with id `account_id`, as of `today`.
Result<AmountOwed> amount_owed(store::Session& session, std::int64_t account_id, LocalDate today);
// The same for a caller that has read the account's balance in that snapshot already.
Result<AmountOwed> amount_owed(store::Session& session, std::int64_t account_id, Money balance,
                               LocalDate today);

// An account as the customer (summary) or the CSR (detail) sees it and what it owes, read in one
// snapshot so the two always agree: GET /api/v1/accounts/{number}/summary and the staff account.
// Errors: not_found for an unknown account.
template <class View>
struct AccountWithOwed {
  View account;
  AmountOwed owed;
};
Result<AccountWithOwed<accounts::AccountSummary>> account_summary_with_owed(
    store::Database& database, const AccountNumber& account);
Result<AccountWithOwed<accounts::AccountDetail>> account_detail_with_owed(
    store::Database& database, const AccountNumber& account, std::size_t event_limit = 50);

}  // namespace rp::billing
