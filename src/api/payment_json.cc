#include "api/payment_json.h"

#include "api/account_json.h"
#include "payments/payment_channel.h"
#include "payments/payment_state.h"

namespace rp::api {

void write_payment(JsonWriter& out, const payments::PaymentView& payment, const ActorNames* names) {
  out.begin_object().key("id").number(payment.id);
  out.key("confirmation").string(payment.confirmation);
  out.key("account_number").string(payment.account_number).key("amount");
  write_money(out, payment.amount);
  out.key("status").string(payments::payment_status_name(payment.status));
  out.key("channel").string(payments::payment_channel_name(payment.channel));
  out.key("method").string(payment.method).key("method_label").string(payment.method_label);
  if (!payment.failure_reason.empty()) out.key("failure_reason").string(payment.failure_reason);
  out.key("effective_on").string(payment.effective_on);
  out.key("created_at").string(payment.created_at).key("balance_after");
  if (payment.balance_after) {
    write_money(out, *payment.balance_after);
  } else {
    out.null();
  }
  if (!payment.moved_to.empty()) out.key("moved_to").string(payment.moved_to);
  if (!payment.moved_from.empty()) out.key("moved_from").string(payment.moved_from);
  if (payment.account_balance) {
    out.key("account_balance");
    write_money(out, *payment.account_balance);
  }
  if (names != nullptr) {
    out.key("taken_by");
    if (payment.taken_by.empty()) {
      out.null();
    } else {
      out.begin_object().key("actor").string(payment.taken_by);
      out.key("actor_kind").string(ActorNames::kind_of(payment.taken_by));
      out.key("actor_name").string(names->of(payment.taken_by)).end_object();
    }
  }
  out.end_object();
}

}  // namespace rp::api
