#include "payments/payment_returns.h"

#include "accounts/account_events.h"
#include "accounts/ledger.h"
#include "core/json_writer.h"
#include "core/time.h"
#include "payments/ach_return_codes.h"
#include "payments/bank_files/nacha.h"
#include "payments/bank_vault.h"
#include "payments/payment_records.h"
#include "payments/payment_state.h"
#include "store/utility_settings.h"

namespace rp::payments {
namespace {

using store::Session;

struct PaymentToReturn {
  StoredPayment stored;
  std::int64_t ledger_entry_id = 0;
  std::string return_code;
};

Result<PaymentToReturn> find_payment_to_return(Session& session,
                                               const PaymentReturnRequest& request) {
  auto rows = session.query_named("payments/payment_to_return",
                                  {request.confirmation, request.trace_number});
  RP_TRY(rows);
  if (rows->empty()) {
    return not_found(request.confirmation.empty()
                         ? "no payment has ACH trace number " + request.trace_number
                         : "no payment has confirmation number " + request.confirmation);
  }
  auto stored = stored_of(rows->at(0));
  RP_TRY(stored);
  PaymentToReturn payment;
  payment.stored = std::move(*stored);
  payment.ledger_entry_id =
      rows->at(0).is_null("ledger_entry_id") ? 0 : rows->at(0).integer("ledger_entry_id");
  payment.return_code = rows->at(0).text("return_code");
  return payment;
}

std::string event_details(const PaymentView& view, const AchReturnReason& reason, Money fee,
                          Money balance) {
  JsonWriter json;
  json.begin_object().key("payment_id").number(view.id);
  json.key("confirmation").string(view.confirmation);
  json.key("amount").string(view.amount.to_string()).key("method").string(view.method_label);
  json.key("return_code").string(std::string(reason.code));
  json.key("reason").string(std::string(reason.description));
  json.key("fee").string(fee.to_string()).key("balance_after").string(balance.to_string());
  json.end_object();
  return json.take();
}

// Returns the payment `request` names. `expected`, when given, is the amount the bank's return
// entry carries: a payment of another amount refuses the return (a return file names the line).
Result<ReturnedPayment> return_in(Session& session, const PaymentReturnRequest& request,
                                  const AchReturnReason& reason,
                                  std::optional<Money> expected = std::nullopt) {
  auto found = find_payment_to_return(session, request);
  RP_TRY(found);
  if (expected && found->stored.view.amount != *expected) {
    return invalid_input("file", "the return of trace number " + request.trace_number +
                                     " is for $" + expected->to_string() + " but payment " +
                                     found->stored.view.confirmation + " was $" +
                                     found->stored.view.amount.to_string());
  }
  const PaymentView& payment = found->stored.view;
  ReturnedPayment answer;
  answer.return_code = std::string(reason.code);
  answer.reason = std::string(reason.description);
  if (payment.method != "bank" && payment.method != "check") {
    return conflict("payment " + payment.confirmation + " was paid by " + payment.method +
                    ": only bank and check payments come back as returns");
  }
  if (payment.status == PaymentStatus::returned && found->return_code == reason.code) {
    answer.payment = payment;
    answer.already_returned = true;
    return answer;
  }
  auto allowed = transition(payment.status, PaymentStatus::returned);
  if (!allowed.ok()) {
    return conflict("payment " + payment.confirmation + " is " +
                    std::string(payment_status_name(payment.status)) +
                    (found->return_code.empty() ? "" : " (" + found->return_code + ")") +
                    "; only a posted payment can be returned");
  }
  auto fee_setting = store::whole_number_setting(session, "returned_payment_fee_cents");
  RP_TRY(fee_setting);
  const Money fee = Money::from_cents(fee_setting->value_or(0));
  auto zone = store::utility_zone(session);
  RP_TRY(zone);
  const std::string today = format_local_date(zone->local_date(now()));
  const std::string at = format_instant(now());

  auto changed =
      session.execute_named("payments/return_payment", {answer.return_code, at, at, payment.id});
  RP_TRY(changed);
  if (*changed != 1) return conflict("payment " + payment.confirmation + " changed; try again");
  const std::int64_t account_id = found->stored.account_id;
  accounts::NewLedgerEntry reversal{account_id,
                                    accounts::LedgerEntryKind::reversal,
                                    payment.amount,
                                    today,
                                    payment.confirmation,
                                    "Payment " + payment.confirmation + " returned by the bank (" +
                                        answer.return_code + ", " + answer.reason + ")"};
  reversal.reverses_entry_id = found->ledger_entry_id;
  RP_TRY(accounts::post_ledger_entry(session, reversal));
  if (!fee.is_zero()) {
    RP_TRY(accounts::post_ledger_entry(
        session, {account_id, accounts::LedgerEntryKind::fee, fee, today, payment.confirmation,
                  "Returned payment fee, payment " + payment.confirmation}));
  }
  if (reason.account_unusable && payment.method == "bank" && !found->stored.token.empty()) {
    RP_TRY(invalidate_bank_account(
        session, found->stored.token,
        "the bank returned a debit: " + answer.return_code + ", " + answer.reason));
  }
  auto balance = accounts::account_balance(session, account_id);
  RP_TRY(balance);
  std::string summary = "Payment " + payment.confirmation + " of $" + payment.amount.to_string() +
                        " was returned by the bank: " + answer.reason;
  if (!fee.is_zero()) summary += "; a returned payment fee of $" + fee.to_string() + " was added";
  RP_TRY(accounts::record_event(
      session, {account_id, std::string(payment_event_kind(PaymentStatus::returned)), request.actor,
                summary, event_details(payment, reason, fee, *balance)}));
  auto now_stored = find_payment(session, "payments/payment_by_id", {payment.id});
  RP_TRY(now_stored);
  answer.payment = (*now_stored)->view;
  answer.payment.account_balance = *balance;
  answer.fee = fee;
  return answer;
}

}  // namespace

Result<ReturnFileReport> apply_ach_returns(store::Database& database, std::string_view file,
                                           const std::string& actor) {
  auto entries = nacha::read_ach_returns(file);
  RP_TRY(entries);
  std::vector<AchReturnReason> reasons;
  for (const nacha::ReturnEntry& entry : *entries) {
    auto reason = ach_return_reason(entry.return_code);
    RP_TRY(reason);
    reasons.push_back(*reason);
  }
  return database.write<ReturnFileReport>([&](Session& session) -> Result<ReturnFileReport> {
    ReturnFileReport report;
    for (std::size_t i = 0; i < entries->size(); ++i) {
      const nacha::ReturnEntry& entry = (*entries)[i];
      PaymentReturnRequest request;
      request.trace_number = entry.original_trace_number;
      request.return_code = entry.return_code;
      request.actor = actor;
      auto returned = return_in(session, request, reasons[i], entry.amount);
      RP_TRY(returned);
      if (returned->already_returned) {
        ++report.already_returned;
      } else {
        ++report.returned;
        report.fees += returned->fee;
      }
      report.payments.push_back(std::move(*returned));
    }
    return report;
  });
}

Result<ReturnedPayment> return_payment(store::Database& database,
                                       const PaymentReturnRequest& request) {
  auto reason = ach_return_reason(request.return_code);
  RP_TRY(reason);
  if (request.confirmation.empty() == request.trace_number.empty()) {
    return invalid_input("confirmation", "name the payment by its confirmation or trace number");
  }
  return database.write<ReturnedPayment>(
      [&](Session& session) { return return_in(session, request, *reason); });
}

}  // namespace rp::payments
