#include "billing/rate_plan_tariffs.h"

#include "core/json_writer.h"
#include "rating/tariff_format.h"

namespace rp::billing {
namespace {

bool unit_bills(const std::string& commodity, rating::UsageUnit unit) {
  using rating::UsageUnit;
  if (commodity == "electric") return unit == UsageUnit::kWh;
  if (commodity == "gas") return unit == UsageUnit::therm || unit == UsageUnit::CCF;
  return unit == UsageUnit::gal || unit == UsageUnit::CCF;  // water, sewer
}

// The part of `tariff` that rates the days before `until`: its unit and conversions, and the
// versions in effect on any of those days, as text (the name and utility are left out: renaming
// a tariff changes no bill).
std::string rates_before(rating::Tariff tariff, LocalDate until) {
  tariff.name.clear();
  tariff.utility.clear();
  std::erase_if(tariff.versions, [&](const rating::TariffVersion& version) {
    return date::sys_days(version.effective) >= date::sys_days(until);
  });
  return rating::format_tariff(tariff);
}

// Refuses a tariff that would rate a day already billed differently from the stored one.
Result<void> check_not_retroactive(store::Session& session, const std::string& plan_code,
                                   const rating::Tariff& tariff) {
  auto billed = session.query_named("billing/plan_billed_through", {plan_code});
  RP_TRY(billed);
  if (billed->empty() || billed->at(0).is_null("billed_until")) return success();
  auto until = parse_local_date(billed->at(0).text("billed_until"), "billed_until");
  RP_TRY(until);
  auto stored = session.query_named("billing/rate_plan_tariff_text", {plan_code});
  RP_TRY(stored);
  if (stored->empty() || stored->at(0).is_null("tariff")) return success();
  auto old = rating::parse_tariff(stored->at(0).text("tariff"));
  RP_TRY(old);
  if (rates_before(*old, *until) == rates_before(tariff, *until)) return success();
  const std::string last = format_local_date(LocalDate{date::sys_days(*until) - date::days{1}});
  Error refused = conflict(
      "rate plan " + plan_code + " is billed through " + last +
      ", and this tariff rates days up to then differently from the one those bills used: keep "
      "its versions up to " +
      last + " as they are and add a version effective " + format_local_date(*until) +
      " or later (a bill already sent is corrected by a rebill)");
  refused.field = "tariff";
  return refused;
}

}  // namespace

Result<void> check_tariff_change(store::Session& session, const std::string& plan_code,
                                 const rating::Tariff& tariff) {
  auto plan = session.query_named("billing/rate_plan_by_code", {plan_code});
  RP_TRY(plan);
  if (plan->empty()) return not_found("rate plan " + plan_code + " does not exist");
  const std::string commodity = plan->at(0).text("commodity");
  if (!unit_bills(commodity, tariff.unit)) {
    return invalid_input("tariff", std::string("a tariff in ") +
                                       rating::usage_unit_name(tariff.unit) + " cannot bill " +
                                       commodity + " plan " + plan_code);
  }
  return check_not_retroactive(session, plan_code, tariff);
}

Result<void> store_tariff(store::Database& database, const std::string& plan_code,
                          const rating::Tariff& tariff, const std::string& actor) {
  const std::string text = rating::format_tariff(tariff);
  return database.write_work([&](store::Session& session) -> Result<void> {
    RP_TRY(check_tariff_change(session, plan_code, tariff));
    RP_TRY(session.execute_named("billing/set_rate_plan_tariff", {text, plan_code}));
    JsonWriter details;
    details.begin_object().key("rate_plan").string(plan_code).key("tariff").string(tariff.name);
    details.key("versions").number(static_cast<std::int64_t>(tariff.versions.size())).end_object();
    RP_TRY(session.execute_named(
        "billing/insert_utility_event",
        {std::string("rate_plan.tariff_set"), format_instant(now()), actor,
         "Rate plan " + plan_code + " bills with tariff \"" + tariff.name + "\"", details.take()}));
    return success();
  });
}

Result<std::vector<RatePlanTariff>> rate_plan_tariffs(store::Database& database) {
  return database.read<std::vector<RatePlanTariff>>(
      [](store::Session& session) -> Result<std::vector<RatePlanTariff>> {
        auto rows = session.query_named("billing/rate_plans_with_tariffs");
        RP_TRY(rows);
        std::vector<RatePlanTariff> plans;
        for (const store::Row& row : *rows) {
          RatePlanTariff plan;
          plan.code = row.text("code");
          plan.name = row.text("name");
          plan.commodity = row.text("commodity");
          plan.customer_class = row.text("customer_class");
          if (!row.is_null("tariff")) {
            plan.tariff_text = row.text("tariff");
            auto tariff = rating::parse_tariff(plan.tariff_text);
            if (!tariff.ok()) {
              return internal_error("the tariff stored on rate plan " + plan.code +
                                    " does not read: " + tariff.error().message);
            }
            plan.tariff = std::move(*tariff);
          }
          if (!row.is_null("billed_until")) {
            auto until = parse_local_date(row.text("billed_until"), "billed_until");
            RP_TRY(until);
            plan.billed_through = LocalDate{date::sys_days(*until) - date::days{1}};
          }
          plans.push_back(std::move(plan));
        }
        return plans;
      });
}

}  // namespace rp::billing
