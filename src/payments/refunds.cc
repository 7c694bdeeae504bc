#include "payments/refunds.h"

#include "accounts/account_events.h"
#include "accounts/ledger.h"
#include "core/idempotency_key.h"
#include "core/json_writer.h"
#include "store/utility_settings.h"

namespace rp::payments {
namespace {

using store::Row;
using store::Session;

std::string fingerprint_of(const RefundRequest& request) {
  return request.account.digits() + "|" +
         (request.amount ? request.amount->to_string() : std::string("all")) + "|" + request.reason;
}

Refund refund_of(const Row& row) {
  Refund refund;
  refund.id = row.integer("id");
  refund.account_number = row.text("number");
  refund.amount = Money::from_cents(row.integer("amount_cents"));
  refund.method = row.text("method");
  refund.reason = row.text("reason");
  refund.mail_to = row.text("mail_to");
  refund.created_at = row.text("created_at");
  return refund;
}

Result<Refund> refund_in(Session& session, const RefundRequest& request) {
  auto earlier = session.query_named("payments/refund_by_key", {request.idempotency_key});
  RP_TRY(earlier);
  if (!earlier->empty()) {
    if (earlier->at(0).text("request_fingerprint") != fingerprint_of(request)) {
      return invalid_input("idempotency_key",
                           "this idempotency key was used for a different refund");
    }
    Refund refund = refund_of(earlier->at(0));
    refund.replayed = true;
    return refund;
  }
  auto mailing = session.query_named("payments/refund_mailing", {request.account.digits()});
  RP_TRY(mailing);
  if (mailing->empty()) return not_found("no account has number " + request.account.formatted());
  const Row& row = mailing->at(0);
  const std::int64_t account_id = row.integer("id");
  auto balance = accounts::account_balance(session, account_id);
  RP_TRY(balance);
  if (!balance->is_negative()) {
    return conflict("account " + request.account.formatted() +
                    " has no credit balance to refund (its balance is $" + balance->to_string() +
                    ")");
  }
  const std::string since = format_instant(now() - kRefundAdjustmentWindow);
  auto adjusters = session.query_named("payments/adjusters_of_account", {account_id, since});
  RP_TRY(adjusters);
  for (const Row& adjuster : *adjusters) {
    if (adjuster.text("requested_by") == request.actor ||
        adjuster.text("decided_by") == request.actor) {
      return conflict(
          "you asked for or approved an adjustment to this account in the last 30 "
          "days, so someone else must issue its refund");
    }
  }
  const Money credit = -*balance;
  const Money amount = request.amount.value_or(credit);
  if (amount > credit) {
    return invalid_input("amount",
                         "the refund is more than the credit balance of $" + credit.to_string());
  }
  std::string mail_to = row.text("name") + "\n" + row.text("mail_line1") + "\n";
  if (!row.text("mail_line2").empty()) mail_to += row.text("mail_line2") + "\n";
  mail_to += row.text("mail_city") + ", " + row.text("mail_state") + " " + row.text("mail_zip");
  auto zone = store::utility_zone(session);
  RP_TRY(zone);
  const std::string at = format_instant(now());
  auto entry = accounts::post_ledger_entry(
      session, {account_id, accounts::LedgerEntryKind::refund, amount,
                format_local_date(zone->local_date(now())), "REFUND",
                "Refund of a credit balance by check: " + request.reason});
  RP_TRY(entry);
  RP_TRY(session.execute_named(
      "payments/insert_refund",
      {account_id, amount.cents(), request.reason, mail_to, request.idempotency_key,
       fingerprint_of(request), *entry, at, request.actor}));
  JsonWriter details;
  details.begin_object().key("amount").string(amount.to_string()).key("method").string("check");
  details.key("reason").string(request.reason).end_object();
  RP_TRY(accounts::record_event(
      session, {account_id, "refund.issued", request.actor,
                "A refund check of $" + amount.to_string() + " will be mailed to " +
                    row.text("mail_line1") + ", " + row.text("mail_city"),
                details.take()}));
  auto stored = session.query_named("payments/refund_by_key", {request.idempotency_key});
  RP_TRY(stored);
  return refund_of(stored->at(0));
}

}  // namespace

Result<Refund> refund_credit_balance(store::Database& database, const RefundRequest& request) {
  RP_TRY(check_stored_key(request.idempotency_key, "idempotency_key"));
  if (request.amount && request.amount->cents() <= 0) {
    return invalid_input("amount", "a refund is more than $0.00");
  }
  if (request.reason.empty() || request.reason.size() > 500) {
    return invalid_input("reason", "say why the credit is refunded (1 to 500 characters)");
  }
  return database.write<Refund>([&](Session& session) { return refund_in(session, request); });
}

}  // namespace rp::payments
