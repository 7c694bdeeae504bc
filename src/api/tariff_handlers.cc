#include "api/tariff_handlers.h"

#include "api/answers.h"
#include "api/guards.h"
#include "billing/rate_plan_tariffs.h"
#include "core/json_writer.h"
#include "http/problem.h"
#include "rating/tariff_format.h"

namespace rp::api {
namespace {

void write_plan(JsonWriter& out, const billing::RatePlanTariff& plan) {
  out.begin_object().key("code").string(plan.code).key("name").string(plan.name);
  out.key("commodity").string(plan.commodity).key("customer_class").string(plan.customer_class);
  out.key("billed_through");
  if (plan.billed_through) {
    out.string(format_local_date(*plan.billed_through));
  } else {
    out.null();
  }
  out.key("tariff");
  if (!plan.tariff) {
    out.null();
  } else {
    out.begin_object().key("name").string(plan.tariff->name);
    out.key("unit").string(rating::usage_unit_name(plan.tariff->unit)).key("versions");
    out.begin_array();
    for (const rating::TariffVersion& version : plan.tariff->versions) {
      out.begin_object().key("effective").string(format_local_date(version.effective));
      out.key("label").string(version.label).end_object();
    }
    out.end_array().end_object();
  }
  out.end_object();
}

Result<billing::RatePlanTariff> plan_of(ApiContext& context, const std::string& code) {
  auto plans = billing::rate_plan_tariffs(context.database);
  RP_TRY(plans);
  for (auto& plan : *plans) {
    if (plan.code == code) return std::move(plan);
  }
  return not_found("no rate plan has code " + code);
}

}  // namespace

http::Response rate_plans_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto plans = billing::rate_plan_tariffs(context.database);
  if (!plans.ok()) return http::problem_from_error(plans.error());
  JsonWriter out;
  out.begin_object().key("rate_plans").begin_array();
  for (const auto& plan : *plans) write_plan(out, plan);
  out.end_array().end_object();
  return json_text(200, out.take());
}

http::Response rate_plan_tariff_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto plan = plan_of(context, std::string(request.path_param("code")));
  if (!plan.ok()) return http::problem_from_error(plan.error());
  if (!plan->tariff) {
    return http::problem_from_error(not_found("rate plan " + plan->code + " has no tariff yet"));
  }
  http::Response response = http::text_response(200, plan->tariff_text, "application/json");
  response.set_header("Content-Disposition",
                      "attachment; filename=\"" + plan->code + "-tariff.json\"");
  return response;
}

http::Response store_rate_plan_tariff_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  const std::string code(request.path_param("code"));
  auto tariff = rating::parse_tariff(request.body);
  if (!tariff.ok()) return http::problem_from_error(tariff.error());
  auto stored = billing::store_tariff(context.database, code, *tariff, request.actor);
  if (!stored.ok()) return http::problem_from_error(stored.error());
  auto plan = plan_of(context, code);
  if (!plan.ok()) return http::problem_from_error(plan.error());
  JsonWriter out;
  write_plan(out, *plan);
  return json_text(200, out.take());
}

}  // namespace rp::api
