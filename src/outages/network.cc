#include "outages/network.h"

#include <map>
#include <string>
#include <vector>

#include "core/time.h"
#include "outages/network_plan.h"
#include "store/bulk_insert.h"

namespace rp::outages {
namespace {

using store::Params;
using store::Row;
using store::Session;

const store::BulkTable kSubstations{"substations", {"id", "name", "created_at"}};
const store::BulkTable kFeeders{"feeders", {"id", "substation_id", "name", "created_at"}};
const store::BulkTable kTransformers{
    "transformers", {"id", "feeder_id", "name", "latitude_micro", "longitude_micro", "created_at"}};

// "Eugene 3" -> Eugene: 3, the highest number of each city's substations.
Result<std::map<std::string, int>> substations_per_city(Session& session) {
  auto rows = session.query_named("outages/substation_names");
  RP_TRY(rows);
  std::map<std::string, int> counts;
  for (const Row& row : *rows) {
    const std::string name = row.text("name");
    const auto space = name.rfind(' ');
    if (space == std::string::npos) continue;
    const std::string number = name.substr(space + 1);
    if (number.empty() || number.find_first_not_of("0123456789") != std::string::npos ||
        number.size() > 6) {
      continue;
    }
    int& highest = counts[name.substr(0, space)];
    highest = std::max(highest, std::stoi(number));
  }
  return counts;
}

Result<std::vector<std::int64_t>> insert_with_ids(Session& session, const store::BulkTable& table,
                                                  std::vector<Params> rows) {
  auto ids = store::reserve_ids(session, table.name, rows.size());
  RP_TRY(ids);
  for (std::size_t i = 0; i < rows.size(); ++i) rows[i].insert(rows[i].begin(), (*ids)[i]);
  RP_TRY(store::bulk_insert(session, table, rows));
  RP_TRY(store::advance_id_sequence(session, table.name));
  return ids;
}

}  // namespace

Result<NetworkDrawn> draw_missing_network(store::Database& database, std::uint64_t seed,
                                          const std::string& created_at) {
  return database.write<NetworkDrawn>([&](Session& session) -> Result<NetworkDrawn> {
    auto rows = session.query_named("outages/points_without_transformer");
    RP_TRY(rows);
    NetworkDrawn drawn;
    if (rows->empty()) return drawn;
    std::vector<PointToPlace> points;
    points.reserve(rows->size());
    for (const Row& row : *rows) {
      points.push_back({row.integer("service_point_id"), row.integer("premise_id"),
                        row.text("line1"), row.text("city"), row.text("zip")});
    }
    auto existing = substations_per_city(session);
    RP_TRY(existing);
    const NetworkPlan plan = plan_network(points, seed, *existing);
    const std::string at = created_at.empty() ? format_instant(now()) : created_at;

    std::vector<Params> substations;
    for (const PlannedSubstation& substation : plan.substations) {
      substations.push_back({substation.name, at});
    }
    auto substation_ids = insert_with_ids(session, kSubstations, std::move(substations));
    RP_TRY(substation_ids);
    std::vector<Params> feeders;
    for (const PlannedFeeder& feeder : plan.feeders) {
      feeders.push_back({(*substation_ids)[feeder.substation], feeder.name, at});
    }
    auto feeder_ids = insert_with_ids(session, kFeeders, std::move(feeders));
    RP_TRY(feeder_ids);
    std::vector<Params> transformers;
    for (const PlannedTransformer& transformer : plan.transformers) {
      transformers.push_back({(*feeder_ids)[transformer.feeder], transformer.name,
                              transformer.position.latitude_micro,
                              transformer.position.longitude_micro, at});
    }
    auto transformer_ids = insert_with_ids(session, kTransformers, std::move(transformers));
    RP_TRY(transformer_ids);

    for (std::size_t t = 0; t < plan.transformers.size(); ++t) {
      for (std::size_t index : plan.transformers[t].points) {
        const PointToPlace& point = points[index];
        const Position& position = plan.positions[index];
        auto set = session.execute_named("outages/set_point_transformer",
                                         {(*transformer_ids)[t], point.service_point_id});
        RP_TRY(set);
        drawn.service_points += *set;
        RP_TRY(session.execute_named(
            "outages/set_premise_position",
            {position.latitude_micro, position.longitude_micro, point.premise_id}));
      }
    }
    drawn.substations = static_cast<std::int64_t>(plan.substations.size());
    drawn.feeders = static_cast<std::int64_t>(plan.feeders.size());
    drawn.transformers = static_cast<std::int64_t>(plan.transformers.size());
    return drawn;
  });
}

}  // namespace rp::outages
