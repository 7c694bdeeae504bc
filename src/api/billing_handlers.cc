#include "api/billing_handlers.h"

#include "api/account_json.h"
#include "api/answers.h"
#include "api/bill_run_jobs.h"
#include "api/billing_json.h"
#include "api/consent_json.h"
#include "api/guards.h"
#include "billing/bill_corrections.h"
#include "billing/bill_documents.h"
#include "billing/bill_notices.h"
#include "billing/bill_views.h"
#include "billing/budget_enrolment.h"
#include "core/json.h"
#include "core/json_writer.h"
#include "http/json_body.h"
#include "http/problem.h"

namespace rp::api {
namespace {

Result<billing::BillPage> page_of(const http::Request& request) {
  auto limit = integer_query(request, "limit", 20);
  RP_TRY(limit);
  auto cursor = integer_query(request, "cursor", 0);
  RP_TRY(cursor);
  return billing::BillPage{*cursor, static_cast<std::size_t>(*limit)};
}

// The hold queue's filters (query parameters rule, cycle, older_than_days, min_amount, max_amount).
Result<billing::HoldQueueFilter> hold_filter_of(ApiContext& context, const http::Request& request) {
  billing::HoldQueueFilter filter;
  filter.reason = request.query_param("rule").value_or("");
  auto cycle = integer_query(request, "cycle", 0);
  RP_TRY(cycle);
  if (*cycle < 0 || *cycle > 20) {
    return invalid_input(
        "cycle", "cycle must be a bill cycle's number from 1 to 20, got " + std::to_string(*cycle));
  }
  filter.cycle = static_cast<std::int32_t>(*cycle);
  if (request.query_param("older_than_days")) {
    auto days = integer_query(request, "older_than_days", 0);
    RP_TRY(days);
    if (*days < 0 || *days > 3650) {
      return invalid_input("older_than_days",
                           "older_than_days must be a number of days from 0 to 3650");
    }
    auto today = utility_today(context);
    RP_TRY(today);
    filter.billed_by = LocalDate{date::sys_days(*today) - date::days{*days}};
  }
  for (const char* name : {"min_amount", "max_amount"}) {
    auto text = request.query_param(name);
    if (!text) continue;
    auto amount = Money::parse(*text, name);
    RP_TRY(amount);
    (std::string_view(name) == "min_amount" ? filter.min_charges : filter.max_charges) = *amount;
  }
  return filter;
}

Result<billing::BillRunRequest> parse_run_request(const http::Request& request) {
  auto body = http::parse_json_object_body(request);
  RP_TRY(body);
  if (!body->contains("cycle") || !(*body)["cycle"].is_number_integer()) {
    return invalid_input("cycle", "cycle is required: the bill cycle's number, like 3");
  }
  auto read_date = required_string(*body, "read_date");
  RP_TRY(read_date);
  auto date = parse_local_date(*read_date, "read_date");
  RP_TRY(date);
  billing::BillRunRequest run;
  run.cycle = (*body)["cycle"].get<int>();
  run.read_date = *date;
  run.started_by = request.actor;
  return run;
}

Result<billing::BillAction> parse_action(const http::Request& request) {
  auto id = id_param(request, "id", "bill");
  RP_TRY(id);
  billing::BillAction action{*id, request.actor, ""};
  if (request.body.empty()) return action;
  auto body = http::parse_json_object_body(request);
  RP_TRY(body);
  auto note = optional_string(*body, "note");
  RP_TRY(note);
  action.note = note->value_or("");
  return action;
}

using BillActionFunction = Result<billing::BillActionOutcome> (*)(store::Database&,
                                                                  const billing::BillAction&);

http::Response act_on_bill(ApiContext& context, http::Request& request, BillActionFunction act) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto action = parse_action(request);
  if (!action.ok()) return http::problem_from_error(action.error());
  auto outcome = act(context.database, *action);
  if (!outcome.ok()) return http::problem_from_error(outcome.error());
  return json_text(200, bill_action_json(*outcome));
}

constexpr std::size_t kMostBillsAtOnce = 100;

// Answers each bill of {"bill_ids": [...], "note": "..."} on its own (one transaction each): a bill
// refused (changed meanwhile, no longer held) says why and does not stop the others.
http::Response act_on_bills(ApiContext& context, http::Request& request, BillActionFunction act) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto body = http::parse_json_object_body(request);
  if (!body.ok()) return http::problem_from_error(body.error());
  if (!body->contains("bill_ids") || !(*body)["bill_ids"].is_array() ||
      (*body)["bill_ids"].empty() || (*body)["bill_ids"].size() > kMostBillsAtOnce) {
    return http::problem_from_error(
        invalid_input("bill_ids", "bill_ids is a list of 1 to 100 bill ids"));
  }
  std::vector<std::int64_t> ids;
  for (const auto& id : (*body)["bill_ids"]) {
    if (!id.is_number_integer() || id.get<std::int64_t>() <= 0) {
      return http::problem_from_error(
          invalid_input("bill_ids", "bill_ids holds whole bill ids, such as 41463"));
    }
    ids.push_back(id.get<std::int64_t>());
  }
  auto note = optional_string(*body, "note");
  if (!note.ok()) return http::problem_from_error(note.error());
  JsonWriter out;
  out.begin_object().key("results").begin_array();
  std::int64_t done = 0;
  for (std::int64_t id : ids) {
    auto outcome = act(context.database, {id, request.actor, note->value_or("")});
    out.begin_object().key("bill_id").number(id).key("done").boolean(outcome.ok());
    if (outcome.ok()) {
      ++done;
      out.key("outcome").json(bill_action_json(*outcome));
    } else {
      if (outcome.error().kind == ErrorKind::invalid_input) {
        return http::problem_from_error(outcome.error());  // the note: the same for every bill
      }
      out.key("refused").string(outcome.error().message);
      out.key("code");
      if (outcome.error().code.empty()) {
        out.null();
      } else {
        out.string(outcome.error().code);
      }
    }
    out.end_object();
  }
  out.end_array().key("done").number(done);
  out.key("refused").number(static_cast<std::int64_t>(ids.size()) - done).end_object();
  return json_text(200, out.take());
}

}  // namespace

http::Response approve_bills_handler(ApiContext& context, http::Request& request) {
  return act_on_bills(context, request, billing::approve_held_bill);
}

http::Response cancel_bills_handler(ApiContext& context, http::Request& request) {
  return act_on_bills(context, request, billing::cancel_bill);
}

http::Response start_bill_run_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  if (context.bill_runs == nullptr) {
    return http::problem(503, "bill-runs-unavailable", "Bill runs are not available",
                         "this server was started without a bill run worker");
  }
  auto run = parse_run_request(request);
  if (!run.ok()) return http::problem_from_error(run.error());
  auto progress = context.bill_runs->start(*run);
  if (!progress.ok()) return http::problem_from_error(progress.error());
  http::Response response =
      json_text(202, bill_run_json(*progress, context.bill_runs->is_billing(progress->run_id)));
  response.set_header("Location", "/api/v1/staff/bill-runs/" + std::to_string(progress->run_id));
  return response;
}

http::Response bill_run_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto id = id_param(request, "id", "bill run");
  if (!id.ok()) return http::problem_from_error(id.error());
  auto progress = billing::bill_run_progress(context.database, *id);
  if (!progress.ok()) return http::problem_from_error(progress.error());
  const bool billing_now = context.bill_runs != nullptr && context.bill_runs->is_billing(*id);
  return json_text(200, bill_run_json(*progress, billing_now));
}

http::Response resend_bill_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto number = account_number_param(request);
  if (!number.ok()) return http::problem_from_error(number.error());
  auto bill = id_param(request, "bill", "bill");
  if (!bill.ok()) return http::problem_from_error(bill.error());
  billing::BillNoticeSettings settings;
  if (context.logins != nullptr) settings.public_url = context.logins->public_url;
  auto resent = billing::resend_bill(context.database, settings, {*number, *bill, request.actor});
  if (!resent.ok()) return http::problem_from_error(resent.error());
  JsonWriter out;
  out.begin_object().key("account_number").string(number->digits());
  out.key("bill_number").number(*bill).key("emailed_to").string(resent->to).end_object();
  return json_text(200, out.take());
}

http::Response bill_runs_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto limit = integer_query(request, "limit", 20);
  if (!limit.ok()) return http::problem_from_error(limit.error());
  auto cursor = integer_query(request, "cursor", 0);
  if (!cursor.ok()) return http::problem_from_error(cursor.error());
  auto runs = billing::bill_runs(context.database, *cursor,
                                 static_cast<std::size_t>(std::max<std::int64_t>(*limit, 0)));
  if (!runs.ok()) return http::problem_from_error(runs.error());
  std::string body = "{\"bill_runs\":[";
  for (std::size_t i = 0; i < runs->size(); ++i) {
    const auto& run = (*runs)[i];
    if (i > 0) body += ',';
    body += bill_run_json(
        run, context.bill_runs != nullptr && context.bill_runs->is_billing(run.run_id));
  }
  body += "],\"next_cursor\":";
  body += runs->size() == static_cast<std::size_t>(*limit) && !runs->empty()
              ? "\"" + std::to_string(runs->back().run_id) + "\""
              : "null";
  body += "}";
  return json_text(200, std::move(body));
}

http::Response bill_run_problems_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto id = id_param(request, "id", "bill run");
  if (!id.ok()) return http::problem_from_error(id.error());
  auto limit = integer_query(request, "limit", 50);
  if (!limit.ok()) return http::problem_from_error(limit.error());
  const std::string after = request.query_param("cursor").value_or("");
  auto problems = billing::bill_run_problems(
      context.database, *id, after, static_cast<std::size_t>(std::max<std::int64_t>(*limit, 0)));
  if (!problems.ok()) return http::problem_from_error(problems.error());
  JsonWriter out;
  out.begin_object().key("problems").begin_array();
  for (const auto& problem : *problems) {
    out.begin_object().key("account_number").string(problem.account_number);
    out.key("agreement_id");
    if (problem.agreement_id) {
      out.number(*problem.agreement_id);
    } else {
      out.null();
    }
    out.key("problem").string(problem.problem).key("noted_at").string(problem.noted_at);
    out.end_object();
  }
  out.end_array().key("next_cursor");
  if (!problems->empty() && problems->size() == static_cast<std::size_t>(*limit)) {
    out.string(problems->back().account_number);
  } else {
    out.null();
  }
  out.end_object();
  return json_text(200, out.take());
}

http::Response bill_holds_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto page = page_of(request);
  if (!page.ok()) return http::problem_from_error(page.error());
  auto filter = hold_filter_of(context, request);
  if (!filter.ok()) return http::problem_from_error(filter.error());
  auto bills = billing::held_bills(context.database, *page, *filter);
  if (!bills.ok()) return http::problem_from_error(bills.error());
  return json_text(200, hold_queue_json(*bills, page->limit));
}

http::Response staff_bill_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto id = id_param(request, "id", "bill");
  if (!id.ok()) return http::problem_from_error(id.error());
  auto bill = billing::bill_by_id(context.database, *id);
  if (!bill.ok()) return http::problem_from_error(bill.error());
  return json_text(200, bill_json(*bill));
}

http::Response approve_bill_handler(ApiContext& context, http::Request& request) {
  return act_on_bill(context, request, billing::approve_held_bill);
}

http::Response recalculate_bill_handler(ApiContext& context, http::Request& request) {
  return act_on_bill(context, request, billing::recalculate_bill);
}

http::Response cancel_bill_handler(ApiContext& context, http::Request& request) {
  return act_on_bill(context, request, billing::cancel_bill);
}

namespace {

http::Response enroll_budget(ApiContext& context, http::Request& request, std::string actor) {
  auto number = account_number_param(request);
  if (!number.ok()) return http::problem_from_error(number.error());
  billing::BudgetEnrolment enrolment{*number, std::nullopt, std::move(actor), std::nullopt};
  if (!request.body.empty()) {
    auto body = http::parse_json_body(request);
    if (!body.ok()) return http::problem_from_error(body.error());
    auto consent = consent_field(*body);
    if (!consent.ok()) return http::problem_from_error(consent.error());
    enrolment.consent = std::move(*consent);
    if (body->is_object() && body->contains("true_up_month")) {
      if (!(*body)["true_up_month"].is_number_integer()) {
        return http::problem_from_error(
            invalid_input("true_up_month", "true_up_month must be a month number from 1 to 12"));
      }
      enrolment.true_up_month = (*body)["true_up_month"].get<int>();
    }
  }
  auto plan = billing::enroll_budget_billing(context.database, enrolment);
  if (!plan.ok()) return http::problem_from_error(plan.error());
  JsonWriter out;
  out.begin_object().key("account_number").string(number->digits()).key("installment");
  write_money(out, plan->installment);
  out.key("true_up_month").number(plan->true_up_month);
  out.key("enrolled_on").string(plan->enrolled_on).end_object();
  return json_text(201, out.take());
}

}  // namespace

http::Response enroll_budget_billing_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  return enroll_budget(context, request, request.actor);
}

http::Response customer_budget_billing_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_account_access(context, request)) return *refused;
  return enroll_budget(context, request, request.actor);
}

http::Response leave_budget_billing_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_account_access(context, request)) return *refused;
  auto number = account_number_param(request);
  if (!number.ok()) return http::problem_from_error(number.error());
  auto consent = consent_of(request);
  if (!consent.ok()) return http::problem_from_error(consent.error());
  auto left = billing::leave_budget_billing(context.database, *number, request.actor, *consent);
  if (!left.ok()) return http::problem_from_error(left.error());
  JsonWriter out;
  out.begin_object().key("account_number").string(number->digits());
  out.key("ended_on").string(left->ended_on).key("deferred_balance");
  write_money(out, left->deferred_balance);
  out.end_object();
  return json_text(200, out.take());
}

http::Response account_bills_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_account_access(context, request)) return *refused;
  auto number = account_number_param(request);
  if (!number.ok()) return http::problem_from_error(number.error());
  auto page = page_of(request);
  if (!page.ok()) return http::problem_from_error(page.error());
  auto bills = billing::account_bills(context.database, *number, *page);
  if (!bills.ok()) return http::problem_from_error(bills.error());
  return json_text(200, bill_page_json(*bills, page->limit));
}

http::Response account_bill_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_account_access(context, request)) return *refused;
  auto number = account_number_param(request);
  if (!number.ok()) return http::problem_from_error(number.error());
  std::string bill_text(request.path_param("bill"));
  const bool pdf = bill_text.ends_with(".pdf");
  if (pdf) request.path_params["bill"] = bill_text.substr(0, bill_text.size() - 4);
  auto bill_number = id_param(request, "bill", "bill");
  if (!bill_number.ok()) return http::problem_from_error(bill_number.error());
  if (pdf) {
    auto document = billing::bill_pdf(context.database, *number, *bill_number);
    if (!document.ok()) return http::problem_from_error(document.error());
    http::Response response = http::text_response(200, std::move(*document), "application/pdf");
    response.set_header("Content-Disposition",
                        "inline; filename=\"bill-" + std::to_string(*bill_number) + ".pdf\"");
    return response;
  }
  auto bill = billing::account_bill(context.database, *number, *bill_number);
  if (!bill.ok()) return http::problem_from_error(bill.error());
  return json_text(200, bill_json(*bill));
}

}  // namespace rp::api
