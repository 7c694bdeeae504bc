// The network drawn over premises: transformers of 10-15 neighbours in street order within a ZIP
// code, feeders and substations within a city, positions near the ZIP code's centre, and the same
// network for the same seed.

#include "outages/network_plan.h"

#include <gtest/gtest.h>

#include <set>

namespace rp::outages {
namespace {

// `count` premises in `zip` of `city`, on a few streets, numbered as streets are.
std::vector<PointToPlace> homes(std::int64_t first_id, std::size_t count, const std::string& city,
                                const std::string& zip) {
  const char* streets[] = {"Oak St", "Pearl St", "Alder Ave"};
  std::vector<PointToPlace> points;
  for (std::size_t i = 0; i < count; ++i) {
    const auto id = first_id + static_cast<std::int64_t>(i);
    points.push_back(
        {id, id, std::to_string(100 + 10 * (i / 3)) + " " + streets[i % 3], city, zip});
  }
  return points;
}

TEST(NetworkPlan, TransformersServeTenToFifteenNeighboursOfOneZipCode) {
  auto points = homes(1, 400, "Eugene", "97401");
  auto more = homes(1000, 137, "Eugene", "97402");
  points.insert(points.end(), more.begin(), more.end());
  const NetworkPlan plan = plan_network(points, 7);
  std::set<std::size_t> placed;
  std::size_t short_runs = 0;
  for (const PlannedTransformer& transformer : plan.transformers) {
    ASSERT_FALSE(transformer.points.empty());
    EXPECT_LE(transformer.points.size(), 15u);
    if (transformer.points.size() < 10) ++short_runs;
    const std::string zip = points[transformer.points.front()].zip;
    for (std::size_t index : transformer.points) {
      EXPECT_EQ(points[index].zip, zip) << transformer.name;
      EXPECT_TRUE(placed.insert(index).second) << "a point on two transformers";
    }
    EXPECT_EQ(transformer.name.rfind("T-" + zip + "-", 0), 0u) << transformer.name;
  }
  EXPECT_EQ(placed.size(), points.size());
  EXPECT_LE(short_runs, 2u) << "only a ZIP code's last run may be short";
  // Neighbours: a transformer's homes are on one street, or where one street meets the next.
  for (const PlannedTransformer& transformer : plan.transformers) {
    std::set<std::string> streets;
    for (std::size_t index : transformer.points) {
      streets.insert(points[index].line1.substr(points[index].line1.find(' ') + 1));
    }
    EXPECT_LE(streets.size(), 2u) << transformer.name;
  }
}

TEST(NetworkPlan, FeedersAndSubstationsStayWithinACityAndNumberOnFromThoseItHas) {
  auto points = homes(1, 3000, "Eugene", "97401");
  auto bend = homes(5000, 500, "Bend", "97701");
  points.insert(points.end(), bend.begin(), bend.end());
  const NetworkPlan plan = plan_network(points, 7, {{"Eugene", 3}});
  std::vector<std::size_t> per_feeder(plan.feeders.size(), 0);
  std::vector<std::size_t> per_substation(plan.substations.size(), 0);
  for (const PlannedTransformer& transformer : plan.transformers) {
    ASSERT_LT(transformer.feeder, plan.feeders.size());
    ++per_feeder[transformer.feeder];
    const PlannedFeeder& feeder = plan.feeders[transformer.feeder];
    const std::string& substation = plan.substations[feeder.substation].name;
    const std::string& city = points[transformer.points.front()].city;
    EXPECT_EQ(substation.rfind(city + " ", 0), 0u) << substation << " serving " << city;
  }
  for (std::size_t f = 0; f < plan.feeders.size(); ++f) {
    EXPECT_LE(per_feeder[f], 40u);
    ++per_substation[plan.feeders[f].substation];
  }
  for (std::size_t count : per_substation) {
    EXPECT_GE(count, 1u);
    EXPECT_LE(count, 4u);
  }
  // Eugene had three substations: the new ones are 4 and on; Bend's start at 1.
  EXPECT_EQ(plan.substations.front().name, "Bend 1");
  std::set<std::string> names;
  for (const PlannedSubstation& substation : plan.substations) {
    EXPECT_NE(substation.name, "Eugene 1");
    EXPECT_NE(substation.name, "Eugene 3");
    EXPECT_TRUE(names.insert(substation.name).second);
  }
  EXPECT_TRUE(names.count("Eugene 4"));
}

TEST(NetworkPlan, PremisesAreNearTheirZipCodesCentreAndTheSameSeedDrawsTheSame) {
  const auto points = homes(1, 200, "Eugene", "97401");
  const NetworkPlan plan = plan_network(points, 11);
  for (const Position& position : plan.positions) {
    // Within about 3 km of Eugene 97401's centre (44.06 N, 123.08 W).
    EXPECT_NEAR(static_cast<double>(position.latitude_micro), 44'060'000.0, 30'000.0);
    EXPECT_NEAR(static_cast<double>(position.longitude_micro), -123'080'000.0, 30'000.0);
  }
  EXPECT_EQ(premise_position("1204 Elm St", "97401"),
            premise_position("1204 Elm St", "97401-2211"));
  EXPECT_NE(premise_position("1204 Elm St", "97401"), premise_position("1206 Elm St", "97401"));
  const NetworkPlan again = plan_network(points, 11);
  ASSERT_EQ(again.transformers.size(), plan.transformers.size());
  for (std::size_t i = 0; i < plan.transformers.size(); ++i) {
    EXPECT_EQ(again.transformers[i].points, plan.transformers[i].points);
    EXPECT_EQ(again.transformers[i].position, plan.transformers[i].position);
  }
  EXPECT_TRUE(plan_network({}, 11).transformers.empty());
}

}  // namespace
}  // namespace rp::outages
