#include "payments/payment_intake.h"

#include "accounts/account_events.h"
#include "accounts/ledger.h"
#include "core/json_writer.h"
#include "core/time.h"
#include "payments/payment_state.h"
#include "store/utility_settings.h"

namespace rp::payments {
namespace {

using store::Row;
using store::Session;

constexpr std::size_t kLongestKey = 200;

// The columns of every payment query (payments/sql/payment_by_key.sql).
struct StoredPayment {
  PaymentView view;
  std::string fingerprint;
  std::string token;
  std::int64_t account_id = 0;
  std::string key;
};

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

// What a request asks for; a retry with the same key must ask for the same.
std::string fingerprint_of(const PaymentRequest& request) {
  return request.account.digits() + "|" + request.amount.to_string() + "|" + request.token + "|" +
         request.channel;
}

Result<void> validate(const PaymentRequest& request) {
  if (request.idempotency_key.empty() || request.idempotency_key.size() > kLongestKey) {
    return invalid_input("idempotency_key",
                         "a payment needs an idempotency key of 1 to 200 characters");
  }
  if (request.amount.cents() <= 0 || request.amount.cents() > kLargestPaymentCents) {
    return invalid_input("amount", "amount must be more than $0.00 and at most $1,000,000.00");
  }
  if (request.channel != "web" && request.channel != "phone" && request.channel != "autopay") {
    return invalid_input("channel", "channel must be web, phone or autopay");
  }
  return success();
}

// "P" and nine digits: an 8-digit sequence and its Luhn check digit.
std::string confirmation_of(std::int64_t sequence) {
  std::string digits = std::to_string(sequence);
  digits.insert(0, 8 - std::min<std::size_t>(8, digits.size()), '0');
  return "P" + digits + luhn_check_digit(digits);
}

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

// T1: the payment as the key left it, or a new pending one.
Result<StoredPayment> open_payment(Session& session, const PaymentRequest& request,
                                   const TokenInfo& method) {
  auto earlier = find_payment(session, "payments/payment_by_key", {request.idempotency_key});
  RP_TRY(earlier);
  if (*earlier) {
    if ((*earlier)->fingerprint != fingerprint_of(request)) {
      return invalid_input("idempotency_key",
                           "this idempotency key was used for a different payment (" +
                               (*earlier)->view.confirmation + ")");
    }
    (*earlier)->view.replayed = true;
    return std::move(**earlier);
  }
  auto account = session.query_named("accounts/account_id_and_status", {request.account.digits()});
  RP_TRY(account);
  if (account->empty()) return not_found("no account has number " + request.account.formatted());
  auto sequence = session.query_named("payments/next_confirmation");
  RP_TRY(sequence);
  if (sequence->empty()) return internal_error("the payment_confirmation sequence is missing");
  auto zone = store::utility_zone(session);
  RP_TRY(zone);
  const std::string at = format_instant(now());
  auto inserted =
      session.query_named("payments/insert_payment",
                          {account->at(0).integer(0), confirmation_of(sequence->at(0).integer(0)),
                           request.amount.cents(), request.channel, method.method, method.label,
                           request.token, request.idempotency_key, fingerprint_of(request),
                           format_local_date(zone->local_date(now())), at, at});
  RP_TRY(inserted);
  auto created = find_payment(session, "payments/payment_by_id", {inserted->at(0).integer(0)});
  RP_TRY(created);
  return std::move(**created);
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

}  // namespace

Result<PaymentView> submit_payment(store::Database& database, PaymentProcessor& processor,
                                   const PaymentRequest& request) {
  RP_TRY(validate(request));
  auto method = processor.describe(request.token);
  RP_TRY(method);
  // Two requests with one key at once (a client retrying before its first answer): on PostgreSQL
  // both may try to insert; the loser's insert is refused as a conflict, and trying again finds
  // the winner's payment.
  Result<StoredPayment> payment = conflict("");
  for (int attempt = 0; attempt < 3; ++attempt) {
    payment = database.write<StoredPayment>(
        [&](Session& session) { return open_payment(session, request, *method); });
    if (payment.ok() || payment.error().kind != ErrorKind::conflict) break;
  }
  RP_TRY(payment);
  if (payment->view.status != "pending") return payment->view;  // a replay of a finished one
  const ChargeRequest charge{payment->key, payment->token, payment->view.amount};
  const ChargeResult result = processor.charge(charge);
  return database.write<PaymentView>(
      [&](Session& session) { return apply_outcome(session, *payment, result, request.actor); });
}

Result<std::vector<PaymentView>> account_payments(store::Database& database,
                                                  const AccountNumber& account, std::int64_t before,
                                                  std::size_t limit) {
  if (limit < 1 || limit > 100) {
    return invalid_input("limit", "limit must be from 1 to 100, got " + std::to_string(limit));
  }
  return database.read<std::vector<PaymentView>>(
      [&](Session& session) -> Result<std::vector<PaymentView>> {
        auto rows = session.query_named(
            "payments/account_payments",
            {account.digits(), before > 0 ? before : INT64_MAX, static_cast<std::int64_t>(limit)});
        RP_TRY(rows);
        std::vector<PaymentView> payments;
        for (const Row& row : *rows) payments.push_back(stored_of(row).view);
        return payments;
      });
}

Result<SettleReport> settle_pending_payments(store::Database& database, PaymentProcessor& processor,
                                             const std::string& created_before) {
  auto pending = database.read<std::vector<StoredPayment>>(
      [&](Session& session) -> Result<std::vector<StoredPayment>> {
        auto rows =
            session.query_named("payments/pending_payments", {created_before, std::int64_t{1000}});
        RP_TRY(rows);
        std::vector<StoredPayment> found;
        for (const Row& row : *rows) found.push_back(stored_of(row));
        return found;
      });
  RP_TRY(pending);
  SettleReport report;
  for (const StoredPayment& payment : *pending) {
    const ChargeRequest charge{payment.key, payment.token, payment.view.amount};
    const std::optional<ChargeResult> found = processor.lookup(charge);
    const ChargeResult result =
        found ? *found
              : ChargeResult{ChargeOutcome::declined, "", "the processor has no such charge"};
    auto settled = database.write<PaymentView>([&](Session& session) {
      return apply_outcome(session, payment, result, "system:reconciliation");
    });
    RP_TRY(settled);
    if (settled->status == "posted") ++report.posted;
    if (settled->status == "failed") ++report.failed;
  }
  return report;
}

}  // namespace rp::payments
