// The map of affected areas: counts per ZIP code and per square, only outages of at least five
// customers, never a single house.

#include "outages/outage_map.h"

#include <gtest/gtest.h>

namespace rp::outages {
namespace {

Outage outage_of(std::int64_t customers_out, OutageCause cause, std::string etr) {
  Outage outage;
  outage.customers_out = customers_out;
  outage.cause = cause;
  outage.etr = std::move(etr);
  return outage;
}

ServedArea area(std::string zip, std::string city, MapBox box) {
  ServedArea served;
  served.zip = std::move(zip);
  served.city = std::move(city);
  served.state = "OR";
  served.homes = 1000;
  served.box = box;
  return served;
}

DarkPremise dark_at(std::int64_t id, std::size_t outage, std::string zip, std::int64_t latitude,
                    std::int64_t longitude) {
  DarkPremise premise;
  premise.premise_id = id;
  premise.outage = outage;
  premise.zip = std::move(zip);
  premise.latitude_micro = latitude;
  premise.longitude_micro = longitude;
  return premise;
}

TEST(OutageMap, CountsEachAreaAndSquareOfAPublicOutage) {
  const std::vector<Outage> outages = {
      outage_of(6, OutageCause::vegetation, "2026-12-07T20:00:00Z"),
      outage_of(1, OutageCause::equipment, "2026-12-07T19:00:00Z"),  // one home: not shown
  };
  std::vector<DarkPremise> dark;
  for (int i = 0; i < 6; ++i) {
    dark.push_back(dark_at(i + 1, 0, "97477", 44'046'000 + i * 100, -123'005'000 - i * 100));
  }
  dark.push_back(dark_at(99, 1, "97401", 44'050'000, -123'090'000));
  const auto map = draw_outage_map(
      outages, dark,
      {area("97401", "Eugene", {44'040'000, -123'100'000, 44'060'000, -123'080'000}),
       area("97477", "Springfield", {44'040'000, -123'010'000, 44'060'000, -122'990'000})});

  ASSERT_TRUE(map.bounds.has_value());
  EXPECT_EQ(map.bounds->west, -123'100'000);
  EXPECT_EQ(map.bounds->east, -122'990'000);
  EXPECT_EQ(map.customers_out, 6);
  ASSERT_EQ(map.areas.size(), 1u) << "the one-home outage's ZIP code is not shown";
  EXPECT_EQ(map.areas[0].area.city, "Springfield");
  EXPECT_EQ(map.areas[0].customers_out, 6);
  EXPECT_EQ(map.areas[0].outages, 1);
  EXPECT_EQ(map.areas[0].cause, OutageCause::vegetation);
  EXPECT_EQ(map.areas[0].etr, "2026-12-07T20:00:00Z");
  ASSERT_EQ(map.cells.size(), 1u);
  // West of Greenwich a square starts at the smaller (more negative) hundredth of a degree.
  EXPECT_EQ(map.cells[0].box.west, -123'010'000);
  EXPECT_EQ(map.cells[0].box.east, -123'000'000);
  EXPECT_EQ(map.cells[0].box.south, 44'040'000);
}

TEST(OutageMap, ASquareWithFewerThanFiveHomesOutIsNotShaded) {
  const std::vector<Outage> outages = {outage_of(8, OutageCause::weather, "")};
  std::vector<DarkPremise> dark;
  for (int i = 0; i < 4; ++i) dark.push_back(dark_at(i + 1, 0, "97477", 44'041'000, -123'001'000));
  for (int i = 0; i < 4; ++i) dark.push_back(dark_at(i + 9, 0, "97477", 44'071'000, -123'001'000));
  const auto map = draw_outage_map(
      outages, dark, {area("97477", "Springfield", {44'040'000, -123'010'000, 44'080'000, 0})});
  EXPECT_TRUE(map.cells.empty()) << "two squares of four: each could point at a street";
  ASSERT_EQ(map.areas.size(), 1u);
  EXPECT_EQ(map.areas[0].customers_out, 8);
  EXPECT_EQ(map.areas[0].etr, "") << "no ETR yet";
}

TEST(OutageMap, AnAreaIsBackWhenItsLastOutageIsAndSaysAboutHowMany) {
  const std::vector<Outage> outages = {
      outage_of(30, OutageCause::weather, "2026-12-07T20:00:00Z"),
      outage_of(7, OutageCause::equipment, "2026-12-07T23:30:00Z"),
  };
  std::vector<DarkPremise> dark;
  for (int i = 0; i < 30; ++i) dark.push_back(dark_at(i + 1, 0, "97477", 44'041'000, -123'001'000));
  for (int i = 0; i < 7; ++i)
    dark.push_back(dark_at(i + 100, 1, "97477", 44'041'000, -123'001'000));
  const auto map = draw_outage_map(
      outages, dark, {area("97477", "Springfield", {44'040'000, -123'010'000, 44'080'000, 0})});
  ASSERT_EQ(map.areas.size(), 1u);
  EXPECT_EQ(map.areas[0].customers_out, 40) << "37 is about 40";
  EXPECT_EQ(map.areas[0].outages, 2);
  EXPECT_EQ(map.areas[0].cause, OutageCause::weather) << "the outage leaving most homes dark";
  EXPECT_EQ(map.areas[0].etr, "2026-12-07T23:30:00Z");
  EXPECT_EQ(about_how_many(19), 19);
  EXPECT_EQ(about_how_many(144), 140);
  EXPECT_EQ(about_how_many(145), 150);
}

TEST(OutageMap, NoServedPositionsMeansNoFrame) {
  const auto map = draw_outage_map({}, {}, {});
  EXPECT_FALSE(map.bounds.has_value());
  EXPECT_EQ(map.customers_out, 0);
}

}  // namespace
}  // namespace rp::outages
