#include "billing/amount_owed_view.h"

#include "accounts/account_service.h"
#include "accounts/ledger.h"
#include "store/utility_settings.h"

namespace rp::billing {
namespace {

using store::Row;
using store::Session;

struct LatestBill {
  SentBillFacts facts;
  std::int64_t entry_id = 0;  // the 'bill' ledger entry it posted
};

Result<std::optional<LatestBill>> latest_bill(Session& session, std::int64_t account_id) {
  auto rows = session.query_named("billing/owed_latest_bill", {account_id});
  RP_TRY(rows);
  if (rows->empty()) return std::optional<LatestBill>();
  const Row& row = rows->front();
  auto due_on = parse_local_date(row.text("due_date"), "due_date");
  RP_TRY(due_on);
  auto bill_date = parse_local_date(row.text("bill_date"), "bill_date");
  RP_TRY(bill_date);
  SentBillFacts bill;
  bill.number = row.integer("number");
  bill.bill_date = *bill_date;
  bill.due_on = *due_on;
  bill.charges = Money::from_cents(row.integer("charges_cents"));
  bill.deferred = Money::from_cents(row.integer("budget_deferred_cents") +
                                    row.integer("arrangement_deferred_cents"));
  bill.amount_due =
      Money::from_cents(row.integer("previous_balance_cents")) + bill.charges - bill.deferred;
  return std::optional<LatestBill>(LatestBill{bill, row.integer("entry_id")});
}

struct NewArrangement {
  NewArrangementFacts facts;
  std::string made_at;  // UTC instant, to tell the entries posted after it
};

Result<std::optional<NewArrangement>> new_arrangement(Session& session, std::int64_t account_id) {
  auto rows = session.query_named("billing/owed_new_arrangement", {account_id});
  RP_TRY(rows);
  if (rows->empty()) return std::optional<NewArrangement>();
  const Row& row = rows->front();
  auto due_on = parse_local_date(row.text("down_payment_due_on"), "down_payment_due_on");
  RP_TRY(due_on);
  auto made_on = parse_local_date(row.text("created_on"), "created_on");
  RP_TRY(made_on);
  NewArrangement arrangement;
  arrangement.facts.past_due = Money::from_cents(row.integer("past_due_cents"));
  arrangement.facts.down_payment = Money::from_cents(row.integer("down_payment_cents"));
  arrangement.facts.down_payment_due_on = *due_on;
  arrangement.facts.made_on = *made_on;
  arrangement.made_at = row.text("created_at");
  return std::optional<NewArrangement>(arrangement);
}

}  // namespace

Result<AmountOwed> amount_owed(Session& session, std::int64_t account_id, LocalDate today) {
  auto balance = accounts::account_balance(session, account_id);
  RP_TRY(balance);
  return amount_owed(session, account_id, *balance, today);
}

Result<AmountOwed> amount_owed(Session& session, std::int64_t account_id, Money balance,
                               LocalDate today) {
  OwedFacts facts;
  facts.balance = balance;
  auto bill = latest_bill(session, account_id);
  RP_TRY(bill);
  if (*bill) facts.latest_bill = (*bill)->facts;
  auto arrangement = new_arrangement(session, account_id);
  RP_TRY(arrangement);
  if (*arrangement) facts.new_arrangement = (*arrangement)->facts;

  const std::int64_t after = *bill ? (*bill)->entry_id : 0;
  auto entries = session.query_named("billing/owed_entries_after", {account_id, after});
  RP_TRY(entries);
  for (const Row& row : *entries) {
    auto on = parse_local_date(row.text("effective_on"), "effective_on");
    RP_TRY(on);
    EntrySinceBill entry{row.text("kind"), Money::from_cents(row.integer("amount_cents")), *on};
    entry.after_new_arrangement = *arrangement && row.text("posted_at") >= (*arrangement)->made_at;
    if (!row.is_null("reverses")) entry.reverses = row.text("reverses");
    facts.since_bill.push_back(std::move(entry));
  }
  // The balance through the bill's entry: the balance less everything posted after it.
  if (facts.latest_bill) {
    Money since;
    for (const EntrySinceBill& entry : facts.since_bill) since = since + entry.amount;
    facts.latest_bill->balance_through_bill = facts.balance - since;
  }
  return decide_amount_owed(facts, today);
}

namespace {

// What the account read in this snapshot owes as of today in the utility's time zone.
Result<AmountOwed> owed_today(Session& session, std::int64_t account_id, Money balance) {
  auto zone = store::utility_zone(session);
  RP_TRY(zone);
  return amount_owed(session, account_id, balance, zone->local_date(now()));
}

}  // namespace

Result<AccountWithOwed<accounts::AccountSummary>> account_summary_with_owed(
    store::Database& database, const AccountNumber& account) {
  using Answer = AccountWithOwed<accounts::AccountSummary>;
  return database.read<Answer>([&](Session& session) -> Result<Answer> {
    auto read = accounts::read_account_summary(session, account);
    RP_TRY(read);
    auto owed = owed_today(session, read->account_id, read->view.balance);
    RP_TRY(owed);
    return Answer{std::move(read->view), std::move(*owed)};
  });
}

Result<AccountWithOwed<accounts::AccountDetail>> account_detail_with_owed(
    store::Database& database, const AccountNumber& account, std::size_t event_limit) {
  using Answer = AccountWithOwed<accounts::AccountDetail>;
  return database.read<Answer>([&](Session& session) -> Result<Answer> {
    auto read = accounts::read_account_detail(session, account, event_limit);
    RP_TRY(read);
    auto owed = owed_today(session, read->account_id, read->view.summary.balance);
    RP_TRY(owed);
    return Answer{std::move(read->view), std::move(*owed)};
  });
}

}  // namespace rp::billing
