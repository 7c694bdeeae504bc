#include "orders/premise_services.h"

#include <algorithm>

namespace rp::orders {

using store::Row;
using store::Session;

Result<Premise> read_premise(Session& session, std::int64_t premise_id) {
  auto rows = session.query_named("orders/premise_points", {premise_id});
  RP_TRY(rows);
  if (rows->empty()) return invalid_input("premise", "we do not serve that address");
  Premise premise;
  const Row& first = rows->at(0);
  premise.address = {first.text("line1"), first.text("line2"), first.text("city"),
                     first.text("state"), first.text("zip")};
  for (const Row& row : *rows) {
    premise.points.push_back({row.integer("service_point_id"), row.text("commodity"),
                              row.is_null("meter_kind") ? "" : row.text("meter_kind")});
  }
  return premise;
}

// The chosen services as (point, plan id), checked against the premise and the plans.
Result<std::vector<std::pair<std::int64_t, std::int64_t>>> chosen_services(
    Session& session, const Premise& premise, const std::vector<ChosenService>& services) {
  if (services.empty() || services.size() > 4) {
    return invalid_input("services", "choose the services to start (one to four)");
  }
  auto plans = session.query_named("orders/residential_plans");
  RP_TRY(plans);
  std::vector<std::pair<std::int64_t, std::int64_t>> chosen;
  for (std::size_t i = 0; i < services.size(); ++i) {
    const std::string field = "services[" + std::to_string(i) + "]";
    auto point =
        std::find_if(premise.points.begin(), premise.points.end(),
                     [&](const PremisePoint& p) { return p.id == services[i].service_point_id; });
    if (point == premise.points.end()) {
      return invalid_input(field + ".service_point", "that service is not at this address");
    }
    for (const auto& [taken, plan] : chosen) {
      if (taken == point->id) return invalid_input(field, "that service is chosen twice");
    }
    std::int64_t plan_id = 0;
    for (const Row& row : *plans) {
      if (row.text("code") == services[i].rate_plan_code &&
          row.text("commodity") == point->commodity) {
        plan_id = row.integer("id");
      }
    }
    if (plan_id == 0) {
      return invalid_input(field + ".rate_plan",
                           "choose one of the " + point->commodity + " plans offered");
    }
    chosen.emplace_back(point->id, plan_id);
  }
  return chosen;
}

Result<void> require_free_from(Session& session, const Premise& premise,
                               const std::vector<std::pair<std::int64_t, std::int64_t>>& chosen,
                               const std::string& start_date) {
  for (const auto& [point, plan] : chosen) {
    auto in_service =
        session.query_named("accounts/agreements_in_service_from", {point, start_date});
    RP_TRY(in_service);
    if (!in_service->empty()) {
      return conflict("service at " + premise.address.line1 + " is in another customer's name on " +
                      start_date +
                      ": their move-out must come first; choose a later day, or call us")
          .coded("premise-served");
    }
  }
  return success();
}

}  // namespace rp::orders
