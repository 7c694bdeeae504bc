#include "payments/payment_records.h"

#include "accounts/account_events.h"
#include "accounts/ledger.h"
#include "core/account_number.h"
#include "core/json_writer.h"
#include "core/time.h"
#include "payments/payment_state.h"

namespace rp::payments {
namespace {

using store::Row;
using store::Session;

// "P" and nine digits: an 8-digit sequence and its Luhn check digit.

std::string event_details(const PaymentView& view) {
  JsonWriter json;
  json.begin_object().key("payment_id").number(view.id);
  json.key("confirmation").string(view.confirmation);
  json.key("amount").string(view.amount.to_string()).key("channel").string(view.channel);
  json.key("method").string(view.method_label);
  if (!view.failure_reason.empty()) json.key("reason").string(view.failure_reason);
  if (view.balance_after) json.key("balance_after").string(view.balance_after->to_string());
  json.end_object();
  return json.take();
}

Result<void> record(Session& session, const StoredPayment& payment, PaymentStatus status,
                    const std::string& actor, const std::string& summary) {
  accounts::NewAccountEvent event{payment.account_id, std::string(payment_event_kind(status)),
                                  actor, summary, event_details(payment.view)};
  RP_TRY(accounts::record_event(session, event));
  return success();
}

}  // namespace

std::string confirmation_of(std::int64_t sequence) {
  std::string digits = std::to_string(sequence);
  digits.insert(0, 8 - std::min<std::size_t>(8, digits.size()), '0');
  return "P" + digits + luhn_check_digit(digits);
}

StoredPayment stored_of(const Row& row) {
  StoredPayment stored;
  PaymentView& view = stored.view;
  view.id = row.integer(0);
  view.confirmation = row.text(1);
  view.account_number = row.text(2);
  view.amount = Money::from_cents(row.integer(3));
  view.status = row.text(4);
  view.channel = row.text(5);
  view.method = row.text(6);
  view.method_label = row.text(7);
  view.failure_reason = row.is_null(8) ? "" : row.text(8);
  view.effective_on = row.text(9);
  view.created_at = row.text(10);
  if (!row.is_null(11)) view.balance_after = Money::from_cents(row.integer(11));
  stored.fingerprint = row.text(12);
  stored.token = row.is_null(13) ? "" : row.text(13);
  stored.account_id = row.integer(14);
  stored.key = row.text(15);
  return stored;
}

Result<std::optional<StoredPayment>> find_payment(Session& session, std::string_view query,
                                                  const store::Params& params) {
  auto rows = session.query_named(query, params);
  RP_TRY(rows);
  if (rows->empty()) return std::optional<StoredPayment>{};
  return std::optional<StoredPayment>{stored_of(rows->at(0))};
}

Result<std::string> take_confirmation(Session& session) {
  auto sequence = session.query_named("payments/next_confirmation");
  RP_TRY(sequence);
  if (sequence->empty()) return internal_error("the payment_confirmation sequence is missing");
  return confirmation_of(sequence->at(0).integer(0));
}

// T2: the processor's answer written, once. Returns the payment as it now stands.
Result<PaymentView> apply_outcome(Session& session, StoredPayment payment,
                                  const ChargeResult& result, const std::string& actor) {
  const std::string at = format_instant(now());
  const std::int64_t id = payment.view.id;
  if (result.outcome == ChargeOutcome::approved) {
    auto changed = session.execute_named("payments/post_payment", {result.reference, at, id});
    RP_TRY(changed);
    if (*changed == 1) {
      auto entry = accounts::post_ledger_entry(
          session, {payment.account_id, accounts::LedgerEntryKind::payment, -payment.view.amount,
                    payment.view.effective_on, payment.view.confirmation,
                    "Payment " + payment.view.confirmation + ", " + payment.view.method_label});
      RP_TRY(entry);
      auto balance = accounts::account_balance(session, payment.account_id);
      RP_TRY(balance);
      RP_TRY(session.execute_named("payments/set_payment_entry", {*entry, balance->cents(), id}));
      payment.view.status = "posted";
      payment.view.balance_after = *balance;
      RP_TRY(record(session, payment, PaymentStatus::posted, actor,
                    "Payment " + payment.view.confirmation + " of $" +
                        payment.view.amount.to_string() + " received"));
    }
  } else if (result.outcome != ChargeOutcome::timeout) {
    auto changed = session.execute_named("payments/fail_payment", {result.message, at, id});
    RP_TRY(changed);
    if (*changed == 1) {
      payment.view.status = "failed";
      payment.view.failure_reason = result.message;
      RP_TRY(record(session, payment, PaymentStatus::failed, actor,
                    "Payment " + payment.view.confirmation + " of $" +
                        payment.view.amount.to_string() + " failed: " + result.message));
    }
  } else {
    RP_TRY(record(session, payment, PaymentStatus::pending, actor,
                  "Payment " + payment.view.confirmation + " of $" +
                      payment.view.amount.to_string() +
                      " is pending: the processor did not answer in time"));
  }
  auto now_stored = find_payment(session, "payments/payment_by_id", {id});
  RP_TRY(now_stored);
  PaymentView view = (*now_stored)->view;
  view.replayed = payment.view.replayed;
  return view;
}

}  // namespace rp::payments
