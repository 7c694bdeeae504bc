#include "ledger/account_statement.h"

#include <array>

#include "accounts/account_service.h"
#include "store/utility_settings.h"

namespace rp::ledger {
namespace {

constexpr std::array kKinds{
    accounts::LedgerEntryKind::opening_balance, accounts::LedgerEntryKind::bill,
    accounts::LedgerEntryKind::payment,         accounts::LedgerEntryKind::adjustment,
    accounts::LedgerEntryKind::late_fee,        accounts::LedgerEntryKind::reversal,
    accounts::LedgerEntryKind::refund,          accounts::LedgerEntryKind::deposit,
    accounts::LedgerEntryKind::transfer,        accounts::LedgerEntryKind::fee,
};

std::vector<std::string> mailing_lines(const store::Row& row) {
  std::vector<std::string> lines{row.text("mail_line1")};
  if (!row.text("mail_line2").empty()) lines.push_back(row.text("mail_line2"));
  lines.push_back(row.text("mail_city") + ", " + row.text("mail_state") + " " +
                  row.text("mail_zip"));
  return lines;
}

}  // namespace

Result<accounts::LedgerEntryKind> parse_ledger_entry_kind(std::string_view name,
                                                          const std::string& field) {
  std::string known;
  for (accounts::LedgerEntryKind kind : kKinds) {
    if (name == accounts::ledger_entry_kind_name(kind)) return kind;
    known += std::string(known.empty() ? "" : ", ") + accounts::ledger_entry_kind_name(kind);
  }
  return invalid_input(field, field + " must be one of " + known);
}

Result<AccountStatement> account_statement(store::Database& database, const AccountNumber& account,
                                           const StatementQuery& query) {
  if (query.from && query.to && *query.to < *query.from) {
    return invalid_input("to", "to (" + format_local_date(*query.to) + ") is before from (" +
                                   format_local_date(*query.from) + ")");
  }
  return database.read<AccountStatement>([&](store::Session& session) -> Result<AccountStatement> {
    auto holder = session.query_named("accounts/find_account_by_number", {account.digits()});
    RP_TRY(holder);
    if (holder->empty()) return not_found("no account has number " + account.digits());
    const store::Row& row = holder->at(0);
    auto zone = store::utility_zone(session);
    RP_TRY(zone);
    AccountStatement statement{.account = account,
                               .customer_name = row.text("name"),
                               .mailing_address = mailing_lines(row),
                               .as_of = zone->local_date(now()),
                               .from = query.from,
                               .to = query.to};
    auto entries = session.query_named("ledger/statement_entries", {row.integer("id")});
    RP_TRY(entries);
    std::int64_t balance = 0;
    for (const store::Row& entry : *entries) {
      auto effective = parse_local_date(entry.text("effective_on"), "effective_on");
      RP_TRY(effective);
      const std::int64_t cents = entry.integer("amount_cents");
      if (query.to && *effective > *query.to) break;
      balance += cents;
      if (query.from && *effective < *query.from) {
        statement.opening_balance = Money::from_cents(balance);
        continue;
      }
      const std::string kind = entry.text("kind");
      if (query.kind && kind != accounts::ledger_entry_kind_name(*query.kind)) continue;
      (cents >= 0 ? statement.charges : statement.credits) += Money::from_cents(cents);
      statement.lines.push_back(StatementLine{
          .entry_id = entry.integer("id"),
          .kind = kind,
          .effective_on = *effective,
          .posted_at = entry.text("posted_at"),
          .reference = entry.text("reference"),
          .description = entry.text("memo"),
          .amount = Money::from_cents(cents),
          .balance_after = Money::from_cents(balance),
          .reverses_entry_id =
              entry.is_null("reverses_entry_id") ? 0 : entry.integer("reverses_entry_id")});
    }
    statement.closing_balance = Money::from_cents(balance);
    return statement;
  });
}

}  // namespace rp::ledger
