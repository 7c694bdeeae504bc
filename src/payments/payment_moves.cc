#include "payments/payment_moves.h"

#include "accounts/account_events.h"
#include "accounts/account_service.h"
#include "accounts/ledger.h"
#include "core/json_writer.h"
#include "payments/payment_records.h"
#include "payments/payment_state.h"
#include "store/utility_settings.h"

namespace rp::payments {
namespace {

using store::Session;

constexpr std::size_t kLongestReason = 500;

Result<void> validate(const PaymentMove& move) {
  if (move.reason.empty() || move.reason.size() > kLongestReason) {
    return invalid_input("reason", "say why the payment is moved (1 to 500 characters)");
  }
  return success();
}

std::string fingerprint_of(const PaymentMove& move) {
  return "move|" + move.confirmation + "|" + move.to_account.digits() + "|" + move.reason;
}

// "1000-0001-7" for the digits stored with a payment.
std::string formatted(const std::string& digits) {
  auto number = AccountNumber::parse(digits);
  return number.ok() ? number->formatted() : digits;
}

Result<PaymentView> payment_by_confirmation(Session& session, const std::string& confirmation) {
  auto rows = session.query_named("payments/payment_to_return", {confirmation, std::string()});
  RP_TRY(rows);
  if (rows->empty()) return not_found("no payment has confirmation number " + confirmation);
  auto stored = stored_of(rows->at(0));
  RP_TRY(stored);
  return stored->view;
}

// The move as it stands, from either of its payments.
Result<MovedPayment> answer_of(Session& session, const std::string& moved_confirmation,
                               const std::string& carrier_confirmation) {
  MovedPayment answer;
  auto moved = payment_by_confirmation(session, moved_confirmation);
  RP_TRY(moved);
  auto carrier = payment_by_confirmation(session, carrier_confirmation);
  RP_TRY(carrier);
  answer.moved = std::move(*moved);
  answer.carrier = std::move(*carrier);
  for (auto [view, balance] : {std::pair{&answer.moved, &answer.from_balance},
                               std::pair{&answer.carrier, &answer.to_balance}}) {
    auto account = AccountNumber::parse(view->account_number);
    RP_TRY(account);
    auto key = accounts::find_account_key(session, *account);
    RP_TRY(key);
    auto sum = accounts::account_balance(session, key->id);
    RP_TRY(sum);
    *balance = *sum;
  }
  return answer;
}

// Why the payment cannot be moved; empty when it can.
std::string refusal(const PaymentView& payment) {
  if (payment.status == PaymentStatus::moved) {
    return "payment " + payment.confirmation + " was already moved (it is now payment " +
           payment.moved_to + ")";
  }
  if (payment.status != PaymentStatus::posted) {
    return "payment " + payment.confirmation + " is " +
           std::string(payment_status_name(payment.status)) +
           "; only a posted payment can be moved";
  }
  if (payment.method == "bank") {
    return "payment " + payment.confirmation +
           " is a bank payment, tied to the payer's bank account: return it or refund the "
           "credit instead";
  }
  return "";
}

std::string event_details(const PaymentView& moved, const PaymentView& carrier,
                          const std::string& reason) {
  JsonWriter details;
  details.begin_object().key("payment_id").number(moved.id);
  details.key("confirmation").string(moved.confirmation);
  details.key("amount").string(moved.amount.to_string());
  details.key("from_account").string(moved.account_number);
  details.key("to_account").string(carrier.account_number);
  details.key("new_confirmation").string(carrier.confirmation);
  details.key("reason").string(reason).end_object();
  return details.take();
}

Result<MovedPayment> move(Session& session, const PaymentMove& move) {
  auto earlier = find_payment(session, "payments/payment_by_key", {move.idempotency_key});
  RP_TRY(earlier);
  if (*earlier) {
    if ((*earlier)->fingerprint != fingerprint_of(move)) {
      return invalid_input("idempotency_key",
                           "this idempotency key was used for a different request (" +
                               (*earlier)->view.confirmation + ")");
    }
    auto replay = answer_of(session, (*earlier)->view.moved_from, (*earlier)->view.confirmation);
    RP_TRY(replay);
    replay->replayed = true;
    return replay;
  }
  auto rows = session.query_named("payments/payment_to_return", {move.confirmation, std::string()});
  RP_TRY(rows);
  if (rows->empty()) return not_found("no payment has confirmation number " + move.confirmation);
  auto stored = stored_of(rows->at(0));
  RP_TRY(stored);
  const PaymentView& payment = stored->view;
  const std::int64_t entry_id =
      rows->at(0).is_null("ledger_entry_id") ? 0 : rows->at(0).integer("ledger_entry_id");
  if (std::string refused = refusal(payment); !refused.empty()) {
    return conflict(refused);
  }
  if (payment.account_number == move.to_account.digits()) {
    return invalid_input("to_account", "payment " + payment.confirmation +
                                           " is already on account " + move.to_account.formatted() +
                                           "; give the account it belongs to");
  }
  auto to = accounts::find_account_key(session, move.to_account);
  if (!to.ok()) {
    if (to.error().kind != ErrorKind::not_found) return to.error();
    return invalid_input("to_account", "no account has number " + move.to_account.formatted());
  }
  auto zone = store::utility_zone(session);
  RP_TRY(zone);
  const std::string today = format_local_date(zone->local_date(now()));
  const std::string at = format_instant(now());

  auto confirmation = take_confirmation(session);
  RP_TRY(confirmation);
  auto inserted = session.query_named("payments/insert_moved_payment",
                                      {to->id, *confirmation, move.idempotency_key,
                                       fingerprint_of(move), at, at, at, move.reason, payment.id});
  RP_TRY(inserted);
  const std::int64_t carrier_id = inserted->at(0).integer("id");
  auto changed = session.execute_named("payments/move_payment_out",
                                       {carrier_id, at, move.reason, at, payment.id});
  RP_TRY(changed);
  if (*changed != 1) return conflict("payment " + move.confirmation + " changed; try again");

  const std::string from_text = formatted(payment.account_number);
  const std::string to_text = move.to_account.formatted();
  accounts::NewLedgerEntry reversal{stored->account_id,
                                    accounts::LedgerEntryKind::reversal,
                                    payment.amount,
                                    today,
                                    payment.confirmation,
                                    "Payment " + payment.confirmation + " moved to account " +
                                        to_text + " (payment " + *confirmation +
                                        "): " + move.reason};
  reversal.reverses_entry_id = entry_id;
  RP_TRY(accounts::post_ledger_entry(session, reversal));
  auto entry = accounts::post_ledger_entry(
      session, {to->id, accounts::LedgerEntryKind::payment, -payment.amount, payment.effective_on,
                *confirmation,
                "Payment " + *confirmation + ", " + payment.method_label + ", moved from account " +
                    from_text + " (payment " + payment.confirmation + ")"});
  RP_TRY(entry);
  auto to_balance = accounts::account_balance(session, to->id);
  RP_TRY(to_balance);
  RP_TRY(session.execute_named("payments/set_payment_entry",
                               {*entry, to_balance->cents(), carrier_id}));

  auto answer = answer_of(session, payment.confirmation, *confirmation);
  RP_TRY(answer);
  const std::string details = event_details(answer->moved, answer->carrier, move.reason);
  const std::string amount = "$" + payment.amount.to_string();
  RP_TRY(accounts::record_event(
      session,
      {stored->account_id, std::string(payment_event_kind(PaymentStatus::moved)), move.actor,
       "Payment " + payment.confirmation + " of " + amount + " moved to account " + to_text +
           " (payment " + *confirmation + "): " + move.reason,
       details}));
  RP_TRY(accounts::record_event(
      session, {to->id, "payment.moved_in", move.actor,
                "Payment " + *confirmation + " of " + amount + " moved here from account " +
                    from_text + " (payment " + payment.confirmation + "): " + move.reason,
                details}));
  return answer;
}

}  // namespace

Result<MovedPayment> move_payment(store::Database& database, const PaymentMove& request) {
  RP_TRY(validate(request));
  return database.write<MovedPayment>([&](Session& session) { return move(session, request); });
}

}  // namespace rp::payments
