#include "payments/payment_voids.h"

#include "accounts/account_events.h"
#include "accounts/ledger.h"
#include "core/json_writer.h"
#include "payments/payment_records.h"
#include "payments/payment_state.h"
#include "store/utility_settings.h"

namespace rp::payments {
namespace {

using store::Session;

struct VoidFacts {
  StoredPayment stored;
  std::int64_t ledger_entry_id = 0;
  bool sent_to_bank = false;
  bool moved_in = false;  // it carries a payment moved from another account
  std::string today;
};

Result<VoidFacts> facts_of(Session& session, const std::string& confirmation) {
  auto rows = session.query_named("payments/payment_to_return", {confirmation, std::string()});
  RP_TRY(rows);
  if (rows->empty()) return not_found("no payment has confirmation number " + confirmation);
  auto stored = stored_of(rows->at(0));
  RP_TRY(stored);
  VoidFacts facts;
  facts.stored = std::move(*stored);
  facts.ledger_entry_id =
      rows->at(0).is_null("ledger_entry_id") ? 0 : rows->at(0).integer("ledger_entry_id");
  auto sent = session.query_named("payments/void_facts", {facts.stored.view.id});
  RP_TRY(sent);
  facts.sent_to_bank = sent->at(0).integer("sent_to_bank") != 0;
  facts.moved_in = sent->at(0).integer("moved_in") != 0;
  auto zone = store::utility_zone(session);
  RP_TRY(zone);
  facts.today = format_local_date(zone->local_date(now()));
  return facts;
}

// Why the payment cannot be voided now; empty when it can (or already was).
std::string refusal(const VoidFacts& facts) {
  const PaymentView& payment = facts.stored.view;
  if (payment.status == PaymentStatus::voided) return "";
  if (payment.status != PaymentStatus::posted) {
    return "payment " + payment.confirmation + " is " +
           std::string(payment_status_name(payment.status)) +
           "; only a posted payment can be voided";
  }
  if (payment.effective_on != facts.today) {
    return "payment " + payment.confirmation + " was taken on " + payment.effective_on +
           "; a payment can be voided only the day it is taken (refund the credit instead)";
  }
  if (facts.moved_in) {
    return "payment " + payment.confirmation + " carries payment " + payment.moved_from +
           ", moved from another account; move it again, or refund the credit";
  }
  if (facts.sent_to_bank) {
    return "payment " + payment.confirmation +
           " was already sent to the bank in an ACH file; refund the credit instead";
  }
  return "";
}

}  // namespace

Result<PaymentView> void_payment(store::Database& database, PaymentProcessor& processor,
                                 const std::string& confirmation, const std::string& reason,
                                 const std::string& actor) {
  if (reason.empty()) return invalid_input("reason", "say why the payment is voided");
  auto facts =
      database.read<VoidFacts>([&](Session& session) { return facts_of(session, confirmation); });
  RP_TRY(facts);
  if (std::string refused = refusal(*facts); !refused.empty()) return conflict(refused);
  if (facts->stored.view.status == PaymentStatus::voided) return facts->stored.view;
  const PaymentView& payment = facts->stored.view;
  if (!facts->stored.token.empty()) {
    RP_TRY(processor.void_charge({facts->stored.key, facts->stored.token, payment.amount}));
  }
  return database.write<PaymentView>([&](Session& session) -> Result<PaymentView> {
    auto now_facts = facts_of(session, confirmation);
    RP_TRY(now_facts);
    if (std::string refused = refusal(*now_facts); !refused.empty()) return conflict(refused);
    if (now_facts->stored.view.status == PaymentStatus::voided) return now_facts->stored.view;
    const std::string at = format_instant(now());
    auto changed = session.execute_named("payments/void_payment", {at, reason, at, payment.id});
    RP_TRY(changed);
    if (*changed != 1) return conflict("payment " + confirmation + " changed; try again");
    accounts::NewLedgerEntry reversal{now_facts->stored.account_id,
                                      accounts::LedgerEntryKind::reversal,
                                      payment.amount,
                                      now_facts->today,
                                      payment.confirmation,
                                      "Payment " + payment.confirmation + " voided: " + reason};
    reversal.reverses_entry_id = now_facts->ledger_entry_id;
    RP_TRY(accounts::post_ledger_entry(session, reversal));
    JsonWriter details;
    details.begin_object().key("payment_id").number(payment.id);
    details.key("confirmation").string(payment.confirmation);
    details.key("amount").string(payment.amount.to_string()).key("reason").string(reason);
    details.end_object();
    RP_TRY(accounts::record_event(
        session, {now_facts->stored.account_id,
                  std::string(payment_event_kind(PaymentStatus::voided)), actor,
                  "Payment " + payment.confirmation + " of $" + payment.amount.to_string() +
                      " was voided: " + reason,
                  details.take()}));
    auto stored = find_payment(session, "payments/payment_by_id", {payment.id});
    RP_TRY(stored);
    auto balance = accounts::account_balance(session, now_facts->stored.account_id);
    RP_TRY(balance);
    PaymentView answer = (*stored)->view;
    answer.account_balance = *balance;
    return answer;
  });
}

}  // namespace rp::payments
