#include "payments/payment_intake.h"

#include "accounts/account_service.h"
#include "core/idempotency_key.h"
#include "core/time.h"
#include "payments/payment_channel.h"
#include "payments/payment_records.h"
#include "payments/payment_state.h"
#include "store/utility_settings.h"

namespace rp::payments {
namespace {

using store::Row;
using store::Session;

// What a request asks for; a retry with the same key must ask for the same.
std::string fingerprint_of(const PaymentRequest& request) {
  return request.account.digits() + "|" + request.amount.to_string() + "|" + request.token + "|" +
         std::string(payment_channel_name(request.channel));
}

Result<void> validate(const PaymentRequest& request) {
  RP_TRY(check_stored_key(request.idempotency_key, "idempotency_key"));
  if (request.amount.cents() <= 0 || request.amount.cents() > kLargestPaymentCents) {
    return invalid_input("amount", "amount must be more than $0.00 and at most $1,000,000.00")
        .coded("amount-out-of-range");
  }
  if (request.channel != PaymentChannel::web && request.channel != PaymentChannel::phone &&
      request.channel != PaymentChannel::autopay) {
    return invalid_input("channel", "channel must be web, phone or autopay");
  }
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
  auto account = accounts::find_account_key(session, request.account);
  RP_TRY(account);
  auto confirmation = take_confirmation(session);
  RP_TRY(confirmation);
  auto zone = store::utility_zone(session);
  RP_TRY(zone);
  const std::string at = format_instant(now());
  auto inserted = session.query_named(
      "payments/insert_payment",
      {account->id, *confirmation, request.amount.cents(),
       std::string(payment_channel_name(request.channel)), method.method, method.label,
       request.token, request.idempotency_key, fingerprint_of(request),
       format_local_date(zone->local_date(now())), at, at, request.actor});
  RP_TRY(inserted);
  auto created = find_payment(session, "payments/payment_by_id", {inserted->at(0).integer("id")});
  RP_TRY(created);
  return std::move(**created);
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
  // A replay of a finished one.
  if (payment->view.status != PaymentStatus::pending) return payment->view;
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
        for (const Row& row : *rows) {
          auto stored = stored_of(row);
          RP_TRY(stored);
          payments.push_back(std::move(stored->view));
        }
        return payments;
      });
}

Result<std::vector<PaymentView>> waiting_payments(store::Database& database, std::int64_t after,
                                                  std::size_t limit) {
  if (limit < 1 || limit > 100) {
    return invalid_input("limit", "limit must be from 1 to 100, got " + std::to_string(limit));
  }
  return database.read<std::vector<PaymentView>>(
      [&](Session& session) -> Result<std::vector<PaymentView>> {
        auto rows = session.query_named("payments/waiting_payments",
                                        {after, static_cast<std::int64_t>(limit)});
        RP_TRY(rows);
        std::vector<PaymentView> payments;
        for (const Row& row : *rows) {
          auto stored = stored_of(row);
          RP_TRY(stored);
          payments.push_back(std::move(stored->view));
        }
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
        for (const Row& row : *rows) {
          auto stored = stored_of(row);
          RP_TRY(stored);
          found.push_back(std::move(*stored));
        }
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
    if (!settled.ok()) {
      report.problems.push_back("payment " + payment.view.confirmation + ": " +
                                settled.error().message);
      continue;
    }
    if (settled->status == PaymentStatus::posted) ++report.posted;
    if (settled->status == PaymentStatus::failed) ++report.failed;
  }
  return report;
}

}  // namespace rp::payments
