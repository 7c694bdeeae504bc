#include "ledger/account_aging.h"

#include "accounts/account_service.h"
#include "store/utility_settings.h"

namespace rp::ledger {

Result<AccountAging> account_aging(store::Database& database, const AccountNumber& account,
                                   std::optional<LocalDate> as_of) {
  return database.read<AccountAging>([&](store::Session& session) -> Result<AccountAging> {
    auto found = accounts::find_account_key(session, account);
    RP_TRY(found);
    AccountAging aging;
    if (as_of) {
      aging.as_of = *as_of;
    } else {
      auto zone = store::utility_zone(session);
      RP_TRY(zone);
      aging.as_of = zone->local_date(now());
    }
    auto rows = session.query_named("ledger/aging_entries", {found->id});
    RP_TRY(rows);
    std::vector<AgingEntry> entries;
    for (const store::Row& row : *rows) {
      auto due = parse_local_date(row.text("due_on"), "due_on");
      RP_TRY(due);
      entries.push_back({Money::from_cents(row.integer("amount_cents")), *due});
    }
    aging.buckets = age_balance(entries, aging.as_of);
    return aging;
  });
}

}  // namespace rp::ledger
