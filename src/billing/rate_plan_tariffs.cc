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

}  // namespace

Result<void> store_tariff(store::Database& database, const std::string& plan_code,
                          const rating::Tariff& tariff, const std::string& actor) {
  const std::string text = rating::format_tariff(tariff);
  return database.write_work([&](store::Session& session) -> Result<void> {
    auto plan = session.query_named("billing/rate_plan_by_code", {plan_code});
    RP_TRY(plan);
    if (plan->empty()) return not_found("rate plan " + plan_code + " does not exist");
    const std::string commodity = plan->at(0).text("commodity");
    if (!unit_bills(commodity, tariff.unit)) {
      return invalid_input("tariff", std::string("a tariff in ") +
                                         rating::usage_unit_name(tariff.unit) + " cannot bill " +
                                         commodity + " plan " + plan_code);
    }
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

}  // namespace rp::billing
