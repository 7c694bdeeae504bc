#include "accounts/ledger.h"

#include "core/time.h"

namespace rp::accounts {

const char* ledger_entry_kind_name(LedgerEntryKind kind) {
  switch (kind) {
    case LedgerEntryKind::opening_balance:
      return "opening_balance";
    case LedgerEntryKind::bill:
      return "bill";
    case LedgerEntryKind::payment:
      return "payment";
    case LedgerEntryKind::adjustment:
      return "adjustment";
    case LedgerEntryKind::late_fee:
      return "late_fee";
    case LedgerEntryKind::reversal:
      return "reversal";
    case LedgerEntryKind::refund:
      return "refund";
    case LedgerEntryKind::deposit:
      return "deposit";
    case LedgerEntryKind::transfer:
      return "transfer";
    case LedgerEntryKind::fee:
      return "fee";
  }
  return "adjustment";
}

Result<std::int64_t> post_ledger_entry(store::Session& session, const NewLedgerEntry& entry) {
  if (entry.account_id <= 0) return invalid_input("account", "a ledger entry needs an account");
  if (auto date = parse_local_date(entry.effective_on, "effective_on"); !date.ok()) {
    return date.error();
  }
  store::Value reverses =
      entry.reverses_entry_id ? store::Value{entry.reverses_entry_id} : store::Value{store::Null{}};
  auto rows = session.query_named(
      "accounts/insert_ledger_entry",
      {entry.account_id, std::string(ledger_entry_kind_name(entry.kind)), entry.amount.cents(),
       entry.effective_on, format_instant(now()), entry.reference, entry.memo, reverses});
  if (!rows.ok()) return rows.error();
  return rows->at(0).integer("id");
}

Result<Money> account_balance(store::Session& session, std::int64_t account_id) {
  auto rows = session.query_named("accounts/balance", {account_id});
  if (!rows.ok()) return rows.error();
  return Money::from_cents(rows->at(0).integer("balance_cents"));
}

}  // namespace rp::accounts
