#include "payments/counter_payments.h"

#include "accounts/account_service.h"
#include "core/idempotency_key.h"
#include "payments/payment_records.h"
#include "store/utility_settings.h"

namespace rp::payments {
namespace {

using store::Session;

bool all_digits(const std::string& text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

Result<void> validate(const CounterPayment& payment) {
  RP_TRY(check_stored_key(payment.idempotency_key, "idempotency_key"));
  if (payment.amount.cents() <= 0 || payment.amount.cents() > kLargestPaymentCents) {
    return invalid_input("amount", "amount must be more than $0.00 and at most $1,000,000.00");
  }
  if (payment.method != "cash" && payment.method != "check") {
    return invalid_input("method", "a counter payment is cash or check");
  }
  if (payment.method == "check" &&
      (!all_digits(payment.check_number) || payment.check_number.size() > 10)) {
    return invalid_input("check_number", "a check needs its number: 1 to 10 digits");
  }
  return success();
}

std::string fingerprint_of(const CounterPayment& payment) {
  return payment.account.digits() + "|" + payment.amount.to_string() + "|" + payment.method + "|" +
         payment.check_number + "|" + payment.cashier;
}

Result<PaymentView> take(Session& session, const CounterPayment& payment) {
  auto earlier = find_payment(session, "payments/payment_by_key", {payment.idempotency_key});
  RP_TRY(earlier);
  if (*earlier) {
    if ((*earlier)->fingerprint != fingerprint_of(payment)) {
      return invalid_input("idempotency_key",
                           "this idempotency key was used for a different payment (" +
                               (*earlier)->view.confirmation + ")");
    }
    (*earlier)->view.replayed = true;
    return (*earlier)->view;
  }
  auto account = accounts::find_account_key(session, payment.account);
  RP_TRY(account);
  auto confirmation = take_confirmation(session);
  RP_TRY(confirmation);
  auto zone = store::utility_zone(session);
  RP_TRY(zone);
  const std::string at = format_instant(now());
  const std::string label = payment.method == "cash" ? "Cash" : "Check " + payment.check_number;
  auto inserted =
      session.query_named("payments/insert_counter_payment",
                          {account->id, *confirmation, payment.amount.cents(), payment.method,
                           label, payment.idempotency_key, fingerprint_of(payment),
                           format_local_date(zone->local_date(now())), at, at, payment.cashier,
                           payment.method == "check" ? store::Value{payment.check_number}
                                                     : store::Value{store::Null{}}});
  RP_TRY(inserted);
  auto stored = find_payment(session, "payments/payment_by_id", {inserted->at(0).integer("id")});
  RP_TRY(stored);
  const ChargeResult taken{ChargeOutcome::approved, "counter:" + payment.cashier, ""};
  return apply_outcome(session, **stored, taken, payment.cashier);
}

}  // namespace

Result<PaymentView> take_counter_payment(store::Database& database, const CounterPayment& payment) {
  RP_TRY(validate(payment));
  return database.write<PaymentView>([&](Session& session) { return take(session, payment); });
}

Result<Drawer> cashier_drawer(store::Database& database, const std::string& cashier,
                              LocalDate day) {
  return database.read<Drawer>([&](Session& session) -> Result<Drawer> {
    auto rows = session.query_named("payments/drawer_totals", {cashier, format_local_date(day)});
    RP_TRY(rows);
    Drawer drawer{cashier, day, {}, 0, Money()};
    for (const store::Row& row : *rows) {
      DrawerLine line{row.text("method"), row.integer("payment_count"),
                      Money::from_cents(row.integer("total_cents"))};
      drawer.count += line.count;
      drawer.total += line.total;
      drawer.lines.push_back(std::move(line));
    }
    return drawer;
  });
}

}  // namespace rp::payments
