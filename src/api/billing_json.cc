#include "api/billing_json.h"

#include "api/account_json.h"
#include "core/json_writer.h"

namespace rp::api {
namespace {

void write_optional_number(JsonWriter& out, const std::optional<std::int64_t>& value) {
  if (value) {
    out.number(*value);
  } else {
    out.null();
  }
}

void write_summary_fields(JsonWriter& out, const billing::BillSummary& bill) {
  out.key("id").number(bill.id).key("number");
  write_optional_number(out, bill.number);
  out.key("status").string(bill.status).key("account_number").string(bill.account_number);
  out.key("period").begin_object().key("start").string(bill.period_start);
  out.key("end").string(bill.period_end).key("days").number(bill.period_days).end_object();
  out.key("bill_date").string(bill.bill_date).key("due_date").string(bill.due_date);
  if (bill.cycle) out.key("cycle").number(*bill.cycle);
  out.key("previous_balance");
  write_money(out, bill.previous_balance);
  out.key("charges");
  write_money(out, bill.charges);
  out.key("amount_due");
  write_money(out, bill.amount_due);
  out.key("estimated").boolean(bill.estimated).key("final").boolean(bill.final_bill);
  out.key("replaces_bill_id");
  write_optional_number(out, bill.replaces_bill_id);
  out.key("replaces_bill_number");
  write_optional_number(out, bill.replaces_bill_number);
  out.key("budget");
  if (bill.budget_asked) {
    out.begin_object().key("installment");
    write_money(out, *bill.budget_asked);
    out.key("actual_charges");
    write_money(out, bill.charges);
    out.key("deferred_balance");
    write_money(out, bill.budget_deferred);
    out.end_object();
  } else {
    out.null();
  }
  out.key("arrangement");
  if (bill.arrangement_installment) {
    out.begin_object().key("installment");
    write_money(out, *bill.arrangement_installment);
    out.key("deferred_balance");
    write_money(out, bill.arrangement_deferred);
    out.end_object();
  } else {
    out.null();
  }
  if (bill.status == "cancelled") out.key("cancel_reason").string(bill.cancel_reason);
}

void write_line(JsonWriter& out, const billing::BillLineView& line) {
  out.begin_object().key("kind").string(line.kind).key("description").string(line.description);
  out.key("quantity").string(line.quantity).key("unit").string(line.unit);
  out.key("rate").string(line.rate).key("amount");
  write_money(out, line.amount);
  out.key("explanation").string(line.explanation).end_object();
}

void write_section(JsonWriter& out, const billing::BillSectionView& section) {
  out.begin_object().key("commodity").string(section.commodity);
  out.key("rate_plan").string(section.rate_plan_code);
  out.key("rate_plan_name").string(section.rate_plan_name);
  out.key("period").begin_object().key("start").string(section.period_start);
  out.key("end").string(section.period_end).end_object();
  out.key("meter_serial").string(section.meter_serial).key("unit").string(section.unit);
  out.key("usage").string(section.usage).key("peak_demand_kw").string(section.peak_demand_kw);
  out.key("start_read").optional_string(section.start_read);
  out.key("end_read").optional_string(section.end_read);
  out.key("estimated").boolean(section.estimated).key("final").boolean(section.final_service);
  out.key("meters").begin_array();
  for (const billing::MeterLegView& leg : section.meters) {
    out.begin_object().key("serial").string(leg.serial).key("from").string(leg.from);
    out.key("to").string(leg.to).key("start_read").optional_string(leg.start_read);
    out.key("end_read").optional_string(leg.end_read).key("usage").string(leg.usage);
    out.key("estimated").boolean(leg.estimated).end_object();
  }
  out.end_array();
  out.key("charges");
  write_money(out, section.charges);
  out.key("lines").begin_array();
  for (const auto& line : section.lines) write_line(out, line);
  out.end_array().end_object();
}

void write_hold(JsonWriter& out, const billing::BillHoldView& hold) {
  out.begin_object().key("id").number(hold.id).key("reason").string(hold.reason);
  out.key("evidence").string(hold.evidence).key("status").string(hold.status);
  out.key("created_at").string(hold.created_at);
  if (hold.status != "open") {
    out.key("resolved_at").string(hold.resolved_at).key("resolved_by").string(hold.resolved_by);
    out.key("resolution_note").string(hold.resolution_note);
  }
  out.end_object();
}

void write_bill(JsonWriter& out, const billing::BillView& bill) {
  out.begin_object();
  write_summary_fields(out, bill.summary);
  out.key("sections").begin_array();
  for (const auto& section : bill.sections) write_section(out, section);
  out.end_array().key("holds").begin_array();
  for (const auto& hold : bill.holds) write_hold(out, hold);
  out.end_array().end_object();
}

// The cursor of the next page: the last item's id when the page is full.
void write_next_cursor(JsonWriter& out, std::size_t size, std::size_t limit, std::int64_t last) {
  out.key("next_cursor");
  if (size == limit && size > 0) {
    out.string(std::to_string(last));
  } else {
    out.null();
  }
}

}  // namespace

std::string bill_run_json(const billing::BillRunProgress& progress, bool billing_now) {
  JsonWriter out;
  out.begin_object().key("id").number(progress.run_id).key("cycle").number(progress.cycle);
  out.key("read_date").string(format_local_date(progress.read_date));
  out.key("bill_date").string(format_local_date(progress.bill_date));
  out.key("status").string(progress.status).key("billing_now").boolean(billing_now);
  out.key("accounts").number(progress.accounts).key("released").number(progress.released);
  out.key("held").number(progress.held).key("cancelled").number(progress.cancelled);
  out.key("problems").number(progress.problems).key("charges");
  write_money(out, Money::from_cents(progress.charges_cents));
  out.key("held_charges");
  write_money(out, Money::from_cents(progress.held_charges_cents));
  out.end_object();
  return out.take();
}

std::string bill_page_json(const std::vector<billing::BillSummary>& bills, std::size_t limit) {
  JsonWriter out;
  out.begin_object().key("bills").begin_array();
  for (const auto& bill : bills) {
    out.begin_object();
    write_summary_fields(out, bill);
    out.end_object();
  }
  out.end_array();
  write_next_cursor(out, bills.size(), limit, bills.empty() ? 0 : bills.back().id);
  out.end_object();
  return out.take();
}

std::string bill_json(const billing::BillView& bill) {
  JsonWriter out;
  write_bill(out, bill);
  return out.take();
}

std::string hold_queue_json(const std::vector<billing::BillView>& bills, std::size_t limit) {
  JsonWriter out;
  out.begin_object().key("bills").begin_array();
  for (const auto& bill : bills) write_bill(out, bill);
  out.end_array();
  write_next_cursor(out, bills.size(), limit, bills.empty() ? 0 : bills.back().summary.id);
  out.end_object();
  return out.take();
}

std::string bill_action_json(const billing::BillActionOutcome& outcome) {
  JsonWriter out;
  out.begin_object().key("bill_id").number(outcome.bill_id).key("status").string(outcome.status);
  out.key("number");
  write_optional_number(out, outcome.number);
  out.key("replacement");
  if (outcome.new_bill_id) {
    out.begin_object().key("bill_id").number(*outcome.new_bill_id);
    out.key("status").string(outcome.new_status).key("number");
    write_optional_number(out, outcome.new_number);
    out.end_object();
  } else {
    out.null();
  }
  out.end_object();
  return out.take();
}

}  // namespace rp::api
