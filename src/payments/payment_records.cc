#include "payments/payment_records.h"

#include "accounts/account_events.h"
#include "accounts/ledger.h"
#include "core/account_number.h"
#include "core/json_writer.h"
#include "core/time.h"
#include "payments/payment_channel.h"
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
  json.key("amount").string(view.amount.to_string());
  json.key("channel").string(payment_channel_name(view.channel));
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

Result<StoredPayment> stored_of(const Row& row) {
  StoredPayment stored;
  PaymentView& view = stored.view;
  view.id = row.integer("id");
  view.confirmation = row.text("confirmation");
  view.account_number = row.text("number");
  view.amount = Money::from_cents(row.integer("amount_cents"));
  auto status = parse_payment_status(row.text("status"));
  auto channel = parse_payment_channel(row.text("channel"));
  if (!status.ok() || !channel.ok()) {
    return internal_error("payment " + std::to_string(view.id) + " (" + view.confirmation +
                          ") is stored with " +
                          (status.ok() ? "channel '" + row.text("channel") + "'"
                                       : "status '" + row.text("status") + "'") +
                          ", which the payments service does not know");
  }
  view.status = *status;
  view.channel = *channel;
  view.method = row.text("method");
  view.method_label = row.text("method_label");
  view.failure_reason = row.text("failure_reason");
  view.effective_on = row.text("effective_on");
  view.created_at = row.text("created_at");
  view.taken_by = row.is_null("taken_by") ? "" : row.text("taken_by");
  view.moved_to = row.is_null("moved_to") ? "" : row.text("moved_to");
  view.moved_from = row.is_null("moved_from") ? "" : row.text("moved_from");
  if (!row.is_null("balance_after_cents"))
    view.balance_after = Money::from_cents(row.integer("balance_after_cents"));
  stored.fingerprint = row.text("request_fingerprint");
  stored.token = row.text("token");
  stored.account_id = row.integer("account_id");
  stored.key = row.text("idempotency_key");
  return stored;
}

Result<std::optional<StoredPayment>> find_payment(Session& session, std::string_view query,
                                                  const store::Params& params) {
  auto rows = session.query_named(query, params);
  RP_TRY(rows);
  if (rows->empty()) return std::optional<StoredPayment>{};
  auto stored = stored_of(rows->at(0));
  RP_TRY(stored);
  return std::optional<StoredPayment>{std::move(*stored)};
}

Result<std::string> take_confirmation(Session& session) {
  auto sequence = session.query_named("payments/next_confirmation");
  RP_TRY(sequence);
  if (sequence->empty()) return internal_error("the payment_confirmation sequence is missing");
  return confirmation_of(sequence->at(0).integer("confirmation_sequence"));
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
      payment.view.status = PaymentStatus::posted;
      payment.view.balance_after = *balance;
      RP_TRY(record(session, payment, PaymentStatus::posted, actor,
                    "Payment " + payment.view.confirmation + " of $" +
                        payment.view.amount.to_string() + " received"));
    }
  } else if (result.outcome != ChargeOutcome::timeout) {
    auto changed = session.execute_named("payments/fail_payment", {result.message, at, id});
    RP_TRY(changed);
    if (*changed == 1) {
      payment.view.status = PaymentStatus::failed;
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
