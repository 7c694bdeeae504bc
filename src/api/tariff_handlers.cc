#include "api/tariff_handlers.h"

#include "api/account_json.h"
#include "api/answers.h"
#include "api/guards.h"
#include "billing/rate_plan_tariffs.h"
#include "billing/tariff_preview.h"
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

// Milli-units as exact decimal text: 1234567 -> "1234.567".
std::string milli_text(std::int64_t milli) {
  return Decimal::from_raw(milli * (Decimal::kScale / 1000)).to_string();
}

void write_optional_money(JsonWriter& out, const std::optional<Money>& amount) {
  if (amount) {
    write_money(out, *amount);
  } else {
    out.null();
  }
}

void write_preview_bill(JsonWriter& out, const billing::TariffPreviewBill& bill) {
  out.begin_object().key("account_number").string(bill.account_number);
  out.key("bill_number").number(bill.bill_number);
  out.key("period_start").string(format_local_date(bill.period.start));
  out.key("period_end")
      .string(format_local_date(LocalDate{date::sys_days(bill.period.end) - date::days{1}}));
  out.key("usage").string(milli_text(bill.usage_milli)).key("unit").string(bill.unit);
  out.key("rated_from").string(bill.interval ? "intervals" : "total");
  out.key("billed");
  write_money(out, bill.billed);
  out.key("current");
  write_optional_money(out, bill.current);
  out.key("proposed");
  write_optional_money(out, bill.proposed);
  out.key("change");
  write_optional_money(out, bill.current && bill.proposed
                                ? std::optional<Money>(*bill.proposed - *bill.current)
                                : std::nullopt);
  out.key("problem");
  if (bill.problem.empty()) {
    out.null();
  } else {
    out.string(bill.problem);
  }
  out.end_object();
}

std::string preview_json(const billing::TariffPreview& preview) {
  JsonWriter out;
  out.begin_object().key("rate_plan").string(preview.plan_code);
  out.key("version").begin_object().key("label").string(preview.version_label);
  out.key("effective").string(format_local_date(preview.version_effective)).end_object();
  out.key("refused");
  if (preview.refused) {
    out.begin_object().key("field").string(preview.refused->field);
    out.key("detail").string(preview.refused->message).end_object();
  } else {
    out.null();
  }
  out.key("sampled").number(static_cast<std::int64_t>(preview.bills.size()));
  out.key("rated").number(preview.rated).key("current_total");
  write_money(out, preview.current_total);
  out.key("proposed_total");
  write_money(out, preview.proposed_total);
  out.key("change");
  write_money(out, preview.proposed_total - preview.current_total);
  // The change in basis points of the current total (100 = 1%), rounded half away from zero.
  out.key("change_basis_points");
  if (preview.current_total.cents() == 0) {
    out.null();
  } else {
    const std::int64_t change = (preview.proposed_total - preview.current_total).cents();
    const std::int64_t base = preview.current_total.cents();
    const std::int64_t scaled = change * 10'000;
    out.number((scaled >= 0 ? scaled + base / 2 : scaled - base / 2) / base);
  }
  out.key("bills").begin_array();
  for (const auto& bill : preview.bills) write_preview_bill(out, bill);
  out.end_array().end_object();
  return out.take();
}

}  // namespace

http::Response preview_rate_plan_tariff_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  const std::string code(request.path_param("code"));
  auto sample = integer_query(request, "sample",
                              static_cast<std::int64_t>(billing::kDefaultTariffPreviewSample));
  if (!sample.ok()) return http::problem_from_error(sample.error());
  auto tariff = rating::parse_tariff(request.body);
  if (!tariff.ok()) return http::problem_from_error(tariff.error());
  auto preview =
      billing::preview_tariff(context.database, code, *tariff, static_cast<std::size_t>(*sample));
  if (!preview.ok()) return http::problem_from_error(preview.error());
  return json_text(200, preview_json(*preview));
}

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
  const auto effective = request.query_param("effective");
  if (!effective) {
    http::Response response = http::text_response(200, plan->tariff_text, "application/json");
    response.set_header("Content-Disposition",
                        "attachment; filename=\"" + plan->code + "-tariff.json\"");
    return response;
  }
  auto day = parse_local_date(*effective, "effective");
  if (!day.ok()) return http::problem_from_error(day.error());
  rating::Tariff one = *plan->tariff;
  std::erase_if(one.versions,
                [&](const rating::TariffVersion& version) { return version.effective != *day; });
  if (one.versions.empty()) {
    return http::problem_from_error(
        not_found("rate plan " + plan->code + " has no tariff version effective " + *effective));
  }
  http::Response response =
      http::text_response(200, rating::format_tariff(one), "application/json");
  response.set_header("Content-Disposition", "attachment; filename=\"" + plan->code + "-tariff-" +
                                                 std::string(*effective) + ".json\"");
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
