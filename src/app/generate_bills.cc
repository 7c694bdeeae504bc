#include "app/generate_bills.h"

#include <vector>

#include "app/generate.h"
#include "app/random.h"
#include "billing/bill_run.h"
#include "core/idempotency_key.h"
#include "core/json_writer.h"
#include "ledger/late_fee_job.h"
#include "payments/payment_channel.h"
#include "payments/payment_records.h"
#include "payments/payment_state.h"
#include "store/bulk_insert.h"

namespace rp::app {
namespace {

using payments::PaymentChannel;
using store::Session;

// A generated payment is what the payment channels write: a posted payment with a confirmation
// number, its ledger entry, and its payment.received event, all dated in the simulated history.
const store::BulkTable kPaymentRows{
    "payments",
    {"account_id", "confirmation", "amount_cents", "status", "channel", "method", "method_label",
     "idempotency_key", "request_fingerprint", "effective_on", "created_at", "updated_at",
     "taken_by", "check_number"}};
const store::BulkTable kPaymentEntries{
    "ledger_entries",
    {"account_id", "kind", "amount_cents", "effective_on", "posted_at", "reference", "memo"}};
const store::BulkTable kPaymentEvents{
    "account_events", {"account_id", "kind", "occurred_at", "actor", "summary", "details"}};

struct UnpaidBill {
  std::int64_t id = 0;
  std::int64_t account_id = 0;
  std::int64_t number = 0;
  LocalDate bill_date;
  std::int64_t amount_due_cents = 0;
};

// How the customer pays bill `bill_id`: the days after the bill date and the share paid
// (percent), or none.
struct PaymentChoice {
  int days = 0;
  int percent = 0;
};

PaymentChoice choose_payment(std::uint64_t seed, std::int64_t bill_id) {
  std::uint64_t state = seed ^ (static_cast<std::uint64_t>(bill_id) * 0x9E3779B97F4A7C15ULL);
  const std::uint64_t draw = splitmix64(state);
  const auto kind = static_cast<int>(draw % 100);
  const auto spread = static_cast<int>((draw >> 8) % 18);
  if (kind < 85) return {3 + spread, 100};
  if (kind < 93) return {22 + spread % 6, 100};
  if (kind < 97) return {10, 50};
  return {0, 0};
}

// How a payment came in, as the channels record it.
struct PaymentWay {
  PaymentChannel channel;
  const char* method;  // card | bank | check | cash
  std::string label;   // "Visa •••• 4242"
  store::Value taken_by = store::Null{};
  store::Value check_number = store::Null{};
  const char* actor;
};

// Web by card 40%, autopay 20% (card or bank), a mailed check through the lockbox 20%, phone by
// card 8%, at the cashier 12% (cash or check): from a second draw of the same hash.
PaymentWay choose_way(std::uint64_t seed, std::int64_t bill_id, std::int64_t account_id) {
  std::uint64_t state =
      seed ^ (static_cast<std::uint64_t>(bill_id) * 0xD1B54A32D192ED03ULL) ^ 0x5bd1e995ULL;
  const std::uint64_t draw = splitmix64(state);
  const auto way = static_cast<int>(draw % 100);
  // The account's own card and bank account: the same last four every time.
  const std::string card_four = std::to_string(1000 + (account_id * 37) % 9000);
  const std::string bank_four = std::to_string(1000 + (account_id * 53) % 9000);
  const std::string check = std::to_string(1001 + (draw >> 16) % 8000);
  if (way < 40)
    return {PaymentChannel::web, "card",        "Visa •••• " + card_four,
            store::Null{},       store::Null{}, "system:generate:customer"};
  if (way < 50)
    return {PaymentChannel::autopay, "card",        "Visa •••• " + card_four,
            store::Null{},           store::Null{}, "system:generate:autopay"};
  if (way < 60)
    return {PaymentChannel::autopay, "bank",        "Checking •••• " + bank_four,
            store::Null{},           store::Null{}, "system:generate:autopay"};
  if (way < 80)
    return {PaymentChannel::lockbox, "check", "Check " + check,
            store::Null{},           check,   "system:generate:lockbox"};
  if (way < 88)
    return {PaymentChannel::phone,          "card",        "Visa •••• " + card_four,
            std::string("staff:generated"), store::Null{}, "system:generate:staff"};
  if (way < 95)
    return {PaymentChannel::cashier,        "cash",        "Cash",
            std::string("staff:generated"), store::Null{}, "system:generate:staff"};
  return {PaymentChannel::cashier,        "check", "Check " + check,
          std::string("staff:generated"), check,   "system:generate:staff"};
}

Result<std::vector<UnpaidBill>> unpaid_bills(store::Database& database, std::int64_t run_id) {
  return database.read<std::vector<UnpaidBill>>(
      [&](Session& session) -> Result<std::vector<UnpaidBill>> {
        auto rows = session.query_named("app/unpaid_bills_of_run", {run_id});
        RP_TRY(rows);
        std::vector<UnpaidBill> bills;
        for (const store::Row& row : *rows) {
          auto bill_date = parse_local_date(row.text("bill_date"), "bill_date");
          RP_TRY(bill_date);
          bills.push_back({row.integer("id"), row.integer("account_id"), row.integer("number"),
                           *bill_date,
                           row.integer("previous_balance_cents") + row.integer("charges_cents")});
        }
        return bills;
      });
}

Result<void> pay_bills(store::Database& database, const GenerateOptions& options,
                       const UtilityZone& zone, std::int64_t run_id, BillingReport& report) {
  auto bills = unpaid_bills(database, run_id);
  RP_TRY(bills);
  struct Paid {
    const UnpaidBill* bill;
    LocalDate on;
    std::int64_t cents;
    PaymentWay way;
  };
  std::vector<Paid> paid;
  for (const UnpaidBill& bill : *bills) {
    if (bill.amount_due_cents <= 0) continue;
    const PaymentChoice choice = choose_payment(options.seed, bill.id);
    if (choice.percent == 0) continue;
    const LocalDate paid_on(date::sys_days(bill.bill_date) + date::days(choice.days));
    if (date::sys_days(paid_on) >= date::sys_days(options.as_of)) continue;
    paid.push_back({&bill, paid_on, bill.amount_due_cents * choice.percent / 100,
                    choose_way(options.seed, bill.id, bill.account_id)});
  }
  if (paid.empty()) return success();
  return database.write_work([&](Session& session) -> Result<void> {
    const auto count = static_cast<std::int64_t>(paid.size());
    auto first = session.query_named("app/reserve_confirmations", {count, count});
    RP_TRY(first);
    if (first->empty()) return internal_error("the payment_confirmation sequence is missing");
    auto last_payment = session.query_named("app/last_payment_id");
    RP_TRY(last_payment);
    std::vector<store::Params> payments, entries, events;
    std::int64_t sequence = first->at(0).integer("first_sequence");
    const std::string posted(payments::payment_status_name(payments::PaymentStatus::posted));
    for (const Paid& payment : paid) {
      const std::string confirmation = payments::confirmation_of(sequence++);
      // Mid-morning to mid-afternoon, local time, spread by the bill.
      const Instant at = zone.start_of_day(payment.on) + std::chrono::hours(9) +
                         std::chrono::minutes((payment.bill->id * 17) % 420);
      const std::string when = format_instant(at);
      const Money amount = Money::from_cents(payment.cents);
      const PaymentWay& way = payment.way;
      const std::string channel(payments::payment_channel_name(way.channel));
      payments.push_back({payment.bill->account_id, confirmation, payment.cents, posted, channel,
                          std::string(way.method), way.label,
                          system_idempotency_key("generate", std::to_string(payment.bill->id)),
                          std::string("generated"), format_local_date(payment.on), when, when,
                          way.taken_by, way.check_number});
      entries.push_back({payment.bill->account_id, std::string("payment"), -payment.cents,
                         format_local_date(payment.on), when, confirmation,
                         "Payment " + confirmation + ", " + way.label});
      JsonWriter details;
      details.begin_object().key("confirmation").string(confirmation);
      details.key("amount").string(amount.to_string()).key("channel").string(channel);
      details.key("method").string(way.label).end_object();
      events.push_back({payment.bill->account_id, std::string("payment.received"), when,
                        std::string(way.actor),
                        "Payment " + confirmation + " of $" + amount.to_string() + " received (" +
                            channel + ", " + way.label + ")",
                        details.take()});
      ++report.payments;
      report.payments_cents += payment.cents;
    }
    RP_TRY(store::bulk_insert(session, kPaymentRows, payments));
    RP_TRY(store::bulk_insert(session, kPaymentEntries, entries));
    RP_TRY(store::bulk_insert(session, kPaymentEvents, events));
    RP_TRY(session.execute_named("app/link_generated_payments",
                                 {last_payment->at(0).integer("last_payment_id")}));
    RP_TRY(session.execute_named("app/generated_payment_balances",
                                 {last_payment->at(0).integer("last_payment_id")}));
    return success();
  });
}

// The daily late-fee job as the utility's scheduler would have run it, once a month here: fees
// are dated on `today`, on bills whose grace period ended before it.
Result<void> charge_late_fees(store::Database& database, const UtilityZone& zone, LocalDate today,
                              BillingReport& report) {
  const HistoryClock at(zone.start_of_day(today) + std::chrono::hours(2));  // the nightly job
  ledger::LateFeeRunRequest request;
  request.today = today;
  request.actor = "generate";
  auto fees = ledger::assess_late_fees(database, request);
  RP_TRY(fees);
  report.late_fees += fees->charged;
  report.late_fee_cents += fees->fee_cents;
  return success();
}

}  // namespace

Result<BillingReport> generate_bills(store::Database& database, const GenerateOptions& options) {
  BillingReport report;
  if (options.usage_months == 0) return report;
  auto settings = billing::load_billing_settings(database);
  RP_TRY(settings);
  const date::year_month last = options.as_of.year() / options.as_of.month();
  const date::year_month first =
      last - date::months{static_cast<std::int64_t>(options.usage_months)} + date::months{1};
  for (date::year_month month = first; month <= last; month += date::months{1}) {
    RP_TRY(charge_late_fees(database, settings->zone, LocalDate{month / 1}, report));
    for (int cycle = 1; cycle <= settings->calendar.cycle_count; ++cycle) {
      const auto dates = billing::cycle_dates(settings->calendar, cycle, month);
      if (date::sys_days(dates.read_date) >= date::sys_days(options.as_of)) continue;
      billing::BillRunRequest request;
      request.cycle = cycle;
      request.read_date = dates.read_date;
      request.started_by = "generate";
      auto progress = [&] {
        // The run happens on its read date, early in the morning: its bills, entries and events
        // are dated then.
        const HistoryClock at(settings->zone.start_of_day(dates.read_date) + std::chrono::hours(6));
        return billing::run_bills(database, request);
      }();
      RP_TRY(progress);
      ++report.runs;
      report.released += progress->released;
      report.held += progress->held;
      report.problems += progress->problems;
      report.charges_cents += progress->charges_cents;
      RP_TRY(pay_bills(database, options, settings->zone, progress->run_id, report));
    }
  }
  RP_TRY(charge_late_fees(database, settings->zone, options.as_of, report));
  return report;
}

}  // namespace rp::app
