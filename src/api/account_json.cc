#include "api/account_json.h"

#include "core/json_writer.h"
#include "core/time.h"

namespace rp::api {

void write_money(JsonWriter& out, Money amount) {
  out.begin_object().key("amount").string(amount.to_string()).key("currency").string("USD");
  out.end_object();
}

void write_address(JsonWriter& out, const accounts::Address& address) {
  out.begin_object()
      .key("line1")
      .string(address.line1)
      .key("line2")
      .string(address.line2)
      .key("city")
      .string(address.city)
      .key("state")
      .string(address.state)
      .key("zip")
      .string(address.zip)
      .end_object();
}

namespace {

void write_meter(JsonWriter& out, const accounts::Meter& meter) {
  out.begin_object().key("serial").string(meter.serial).key("kind").string(meter.kind);
  out.key("channels").begin_array();
  for (const std::string& channel : meter.channels) out.string(channel);
  out.end_array();
  out.key("installed_on");
  if (meter.installed_on.empty()) {
    out.null();
  } else {
    out.string(meter.installed_on);
  }
  out.end_object();
}

void write_agreement(JsonWriter& out, const accounts::ServiceAgreement& agreement) {
  out.begin_object().key("id").number(agreement.id).key("commodity").string(agreement.commodity);
  out.key("service_address");
  write_address(out, agreement.service_address);
  out.key("rate_plan").begin_object().key("code").string(agreement.rate_plan.code);
  out.key("name").string(agreement.rate_plan.name).end_object();
  out.key("start_date").string(agreement.start_date);
  out.key("end_date").optional_string(agreement.end_date);
  out.key("meters").begin_array();
  for (const accounts::Meter& meter : agreement.meters) write_meter(out, meter);
  out.end_array().end_object();
}

// The summary's fields, inside an object the caller opened (the detail adds its own after them).
void write_summary_fields(JsonWriter& out, const accounts::AccountSummary& summary) {
  out.key("account_number").string(summary.account_number);
  out.key("status").string(summary.status);
  out.key("customer_name").string(summary.customer_name);
  out.key("balance");
  write_money(out, summary.balance);
  out.key("service_address");
  if (summary.service_address) {
    write_address(out, *summary.service_address);
  } else {
    out.null();
  }
  out.key("agreements").begin_array();
  for (const auto& agreement : summary.agreements) write_agreement(out, agreement);
  out.end_array();
}

std::string one_line(const accounts::Address& a) {
  return a.line1 + (a.line2.empty() ? "" : " " + a.line2) + ", " + a.city + ", " + a.state + " " +
         a.zip;
}

}  // namespace

void write_owed(JsonWriter& out, const billing::AmountOwed& owed) {
  out.begin_object().key("balance");
  write_money(out, owed.balance);
  out.key("now");
  write_money(out, owed.now);
  out.key("past_due");
  write_money(out, owed.past_due);
  out.key("due_on");
  if (owed.due_on) {
    out.string(format_local_date(*owed.due_on));
  } else {
    out.null();
  }
  out.key("deferred");
  write_money(out, owed.deferred);
  out.key("credit");
  write_money(out, owed.credit);
  out.key("reasons").begin_array();
  for (const billing::OwedReason& reason : owed.reasons) {
    out.begin_object().key("kind").string(reason.kind).key("amount");
    write_money(out, reason.amount);
    out.key("on");
    if (reason.on) {
      out.string(format_local_date(*reason.on));
    } else {
      out.null();
    }
    out.key("bill_number");
    if (reason.bill_number) {
      out.number(*reason.bill_number);
    } else {
      out.null();
    }
    out.key("reverses");
    if (reason.reverses.empty()) {
      out.null();
    } else {
      out.string(reason.reverses);
    }
    out.end_object();
  }
  out.end_array().end_object();
}

std::string summary_json(const accounts::AccountSummary& summary, const billing::AmountOwed& owed) {
  JsonWriter out;
  out.begin_object();
  write_summary_fields(out, summary);
  out.key("owed");
  write_owed(out, owed);
  out.end_object();
  return out.take();
}

std::string detail_json(const accounts::AccountDetail& detail, const billing::AmountOwed& owed,
                        const StaffAccountFacts* staff) {
  JsonWriter out;
  out.begin_object();
  write_summary_fields(out, detail.summary);
  out.key("owed");
  write_owed(out, owed);
  out.key("customer").begin_object().key("name").string(detail.customer.name);
  out.key("email").string(detail.customer.email).key("phone").string(detail.customer.phone);
  out.end_object();
  out.key("mailing_address");
  write_address(out, detail.mailing_address);
  out.key("language").string(detail.language).key("bill_cycle").number(detail.bill_cycle);
  out.key("opened_on").string(detail.opened_on).key("closed_on").optional_string(detail.closed_on);
  out.key("events").begin_array();
  for (const auto& event : detail.events) {
    out.begin_object().key("kind").string(event.kind).key("occurred_at").string(event.occurred_at);
    out.key("actor").string(event.actor).key("summary").string(event.summary).end_object();
  }
  out.end_array();
  if (staff != nullptr) {
    out.key("staff_facts").begin_object().key("portal_logins").number(staff->portal_logins);
    out.key("late_fee_exemption").optional_string(staff->late_fee_exemption);
    out.key("held_bills").number(staff->held_bills).end_object();
  }
  out.end_object();
  return out.take();
}

std::string search_page_json(const accounts::AccountSearchPage& page) {
  JsonWriter out;
  out.begin_object().key("items").begin_array();
  for (const auto& hit : page.hits) {
    out.begin_object().key("account_number").string(hit.account_number);
    out.key("customer_name").string(hit.customer_name).key("status").string(hit.status);
    out.key("service_address").string(hit.service_address ? one_line(*hit.service_address) : "");
    out.key("zip");
    if (hit.service_address) {
      out.string(hit.service_address->zip);
    } else {
      out.null();
    }
    out.key("balance");
    write_money(out, hit.balance);
    out.key("matched_on").string(hit.matched_on);
    out.end_object();
  }
  out.end_array().key("next_cursor");
  if (page.next_after_id) {
    out.string(std::to_string(*page.next_after_id));
  } else {
    out.null();
  }
  out.end_object();
  return out.take();
}

}  // namespace rp::api
