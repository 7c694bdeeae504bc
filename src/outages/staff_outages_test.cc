// Outages staff open by hand: planned work told ahead and dark only from its start; a water main
// break by streets or a polygon; bad input named and nothing written; both engines.

#include "outages/staff_outages.h"

#include <gtest/gtest.h>

#include "accounts/testing/account_fixtures.h"
#include "outages/announcements.h"
#include "outages/network.h"
#include "outages/outage_moves.h"
#include "outages/outage_views.h"
#include "outages/status_board.h"
#include "store/testing/test_database.h"

namespace rp::outages {
namespace {

using store::testing::count;

TEST(StaffOutageShapes, StreetsAreMatchedWithoutTheHouseNumberAndPolygonsByEvenOdd) {
  EXPECT_EQ(street_of("1204 Elm St"), "elm st");
  EXPECT_EQ(street_of("  Elm   ST "), "elm st");
  EXPECT_EQ(street_of("12b Oak Ave"), "oak ave");
  EXPECT_EQ(street_of("1204"), "");
  const std::vector<std::pair<std::int64_t, std::int64_t>> square = {{44'000'000, -123'100'000},
                                                                     {44'100'000, -123'100'000},
                                                                     {44'100'000, -123'000'000},
                                                                     {44'000'000, -123'000'000}};
  EXPECT_TRUE(inside_polygon(44'050'000, -123'050'000, square));
  EXPECT_FALSE(inside_polygon(44'150'000, -123'050'000, square));
  EXPECT_FALSE(inside_polygon(44'050'000, -122'950'000, square));
}

class StaffOutagesTest : public ::testing::Test {
 protected:
  // 12 homes on Birch St (electric and water) and 12 on Cedar Ave (electric only), in 97477.
  StaffOutagesTest() {
    for (int i = 0; i < 24; ++i) {
      const bool birch = i < 12;
      const std::string serial = "E70001" + std::string(i < 10 ? "0" : "") + std::to_string(i);
      accounts_.push_back(accounts::testing::open_sample_account(
          test_.database(), {"Home " + std::to_string(i),
                             std::to_string(10 + 2 * i) + (birch ? " Birch St" : " Cedar Ave"),
                             "97477", serial, birch}));
    }
    EXPECT_TRUE(draw_missing_network(test_.database(), 9).ok());
  }

  std::int64_t premise(int home) {
    return count(test_.database(), "SELECT id FROM premises WHERE line1 = '" +
                                       std::to_string(10 + 2 * home) +
                                       (home < 12 ? " Birch St'" : " Cedar Ave'"));
  }
  std::int64_t events(const std::string& kind) {
    return count(test_.database(),
                 "SELECT COUNT(*) FROM account_events WHERE kind = '" + kind + "'");
  }

  store::testing::TestDatabase test_;
  std::vector<AccountNumber> accounts_;
};

TEST_F(StaffOutagesTest, PlannedWorkIsToldAheadAndDarkOnlyFromItsStart) {
  const std::int64_t transformer =
      count(test_.database(), "SELECT transformer_id FROM service_points WHERE premise_id = " +
                                  std::to_string(premise(0)) + " AND commodity = 'electric'");
  NewStaffOutage work;
  work.planned = true;
  work.device_kind = DeviceKind::transformer;
  work.device_id = transformer;
  work.starts_at = now() + std::chrono::hours(26);
  work.ends_at = *work.starts_at + std::chrono::hours(4);
  work.public_note = "Replacing the transformer on Birch St.";
  auto opened = open_staff_outage(test_.database(), work, "staff:4");
  ASSERT_TRUE(opened.ok()) << opened.error().message;
  EXPECT_EQ(opened->status, OutageStatus::confirmed);
  EXPECT_TRUE(opened->planned);
  EXPECT_EQ(opened->cause, OutageCause::planned);
  EXPECT_EQ(opened->etr, format_instant(*work.ends_at));
  EXPECT_EQ(opened->began_at, format_instant(*work.starts_at));
  EXPECT_EQ(
      count(test_.database(), "SELECT COUNT(*) FROM outage_moves WHERE actor = 'system:history'"),
      0)
      << "its end is its ETR, not the history's guess";

  auto told = fan_out_announcements(test_.database());
  ASSERT_TRUE(told.ok());
  const std::int64_t homes =
      count(test_.database(), "SELECT COUNT(*) FROM service_points WHERE transformer_id = " +
                                  std::to_string(transformer));
  EXPECT_EQ(events("outage.planned"), homes);
  EXPECT_EQ(events("outage.detected"), 0);

  // Not dark yet: the status board does not show it, each home's page shows it ahead.
  StatusBoard board;
  ASSERT_TRUE(board.refresh(test_.database()).ok());
  EXPECT_FALSE(board.at_premise(premise(0), false).outage.has_value());
  auto ahead = planned_ahead(test_.database(), premise(0));
  ASSERT_TRUE(ahead.ok());
  ASSERT_TRUE(ahead->has_value());
  EXPECT_EQ((*ahead)->number, opened->number);

  // Bad times are named and change nothing.
  NewStaffOutage late = work;
  late.ends_at = *work.starts_at + std::chrono::hours(80);
  auto refused = open_staff_outage(test_.database(), late, "staff:4");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().field, "ends_at");
  NewStaffOutage past = work;
  past.starts_at = now() - std::chrono::hours(1);
  EXPECT_EQ(open_staff_outage(test_.database(), past, "staff:4").error().field, "starts_at");
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM outages"), 1);
  // A note of 500 characters is taken however many bytes its accents take.
  NewStaffOutage long_note = work;
  long_note.public_note = "ñ" + std::string(499, 'x');  // 500 characters, 501 bytes
  long_note.starts_at = *work.starts_at + std::chrono::hours(100);
  long_note.ends_at = *long_note.starts_at + std::chrono::hours(1);
  EXPECT_TRUE(open_staff_outage(test_.database(), long_note, "staff:4").ok());
  long_note.public_note += "x";
  EXPECT_EQ(open_staff_outage(test_.database(), long_note, "staff:4").error().field, "public_note");
}

TEST_F(StaffOutagesTest, AWaterMainBreakTakesTheWaterPointsOfItsStreets) {
  NewStaffOutage main_break;
  OutageArea area;
  area.commodity = "water";
  area.zip = "97477";
  area.streets = {"birch st", "Cedar Ave"};  // Cedar Ave has no water service here
  main_break.area = area;
  main_break.cause = OutageCause::equipment;
  main_break.public_note = "A water main broke on Birch St.";
  auto opened = open_staff_outage(test_.database(), main_break, "staff:4");
  ASSERT_TRUE(opened.ok()) << opened.error().message;
  EXPECT_EQ(opened->device_kind, DeviceKind::area);
  EXPECT_EQ(opened->customers_out, 12);
  EXPECT_EQ(opened->device_name, "Water: Birch St, Cedar Ave (97477)") << "as streets are written";
  EXPECT_EQ(count(test_.database(),
                  "SELECT COUNT(*) FROM outage_points op JOIN service_points sp ON sp.id = "
                  "op.service_point_id WHERE sp.commodity <> 'water'"),
            0);
  ASSERT_TRUE(fan_out_announcements(test_.database()).ok());
  EXPECT_EQ(events("outage.detected"), 12);

  // The same homes by a polygon around their positions.
  const auto box = store::testing::query(
      test_.database(),
      "SELECT MIN(latitude_micro), MAX(latitude_micro), MIN(longitude_micro), "
      "MAX(longitude_micro) FROM premises WHERE line1 LIKE '% Birch St'")[0];
  OutageArea drawn;
  drawn.commodity = "water";
  drawn.polygon = {{box.integer(0) - 100, box.integer(2) - 100},
                   {box.integer(1) + 100, box.integer(2) - 100},
                   {box.integer(1) + 100, box.integer(3) + 100},
                   {box.integer(0) - 100, box.integer(3) + 100}};
  NewStaffOutage by_polygon;
  by_polygon.area = drawn;
  auto polygon = open_staff_outage(test_.database(), by_polygon, "staff:4");
  ASSERT_TRUE(polygon.ok()) << polygon.error().message;
  EXPECT_EQ(polygon->customers_out, 12);

  // An area with no such service, streets without a ZIP code, a device and an area at once.
  OutageArea gas = area;
  gas.commodity = "gas";
  NewStaffOutage no_gas;
  no_gas.area = gas;
  EXPECT_EQ(open_staff_outage(test_.database(), no_gas, "staff:4").error().field, "area");
  OutageArea nowhere = area;
  nowhere.zip = "";
  NewStaffOutage no_zip;
  no_zip.area = nowhere;
  EXPECT_EQ(open_staff_outage(test_.database(), no_zip, "staff:4").error().field, "area");
  NewStaffOutage both = main_break;
  both.device_kind = DeviceKind::transformer;
  both.device_id = 1;
  EXPECT_EQ(open_staff_outage(test_.database(), both, "staff:4").error().field, "device");
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM outages"), 2);
}

TEST_F(StaffOutagesTest, AFeedersOutageSplitsIntoItsTransformerAndTheRest) {
  const std::int64_t feeder = count(test_.database(), "SELECT MIN(feeder_id) FROM transformers");
  ASSERT_GE(count(test_.database(),
                  "SELECT COUNT(*) FROM transformers WHERE feeder_id = " + std::to_string(feeder)),
            2);
  NewStaffOutage storm;
  storm.device_kind = DeviceKind::feeder;
  storm.device_id = feeder;
  storm.cause = OutageCause::weather;
  auto opened = open_staff_outage(test_.database(), storm, "staff:4");
  ASSERT_TRUE(opened.ok()) << opened.error().message;
  const std::int64_t transformer =
      count(test_.database(),
            "SELECT MIN(id) FROM transformers WHERE feeder_id = " + std::to_string(feeder));
  const std::int64_t under =
      count(test_.database(), "SELECT COUNT(*) FROM service_points WHERE transformer_id = " +
                                  std::to_string(transformer));
  auto split =
      split_outage(test_.database(), opened->id, DeviceKind::transformer, transformer, "staff:4");
  ASSERT_TRUE(split.ok()) << split.error().message;
  EXPECT_EQ(split->split_off.customers_out, under);
  EXPECT_EQ(split->split_off.device_kind, DeviceKind::transformer);
  EXPECT_EQ(split->split_off.status, OutageStatus::confirmed);
  EXPECT_EQ(split->split_off.cause, OutageCause::weather);
  EXPECT_EQ(split->outage.customers_out, opened->customers_out - under);
  EXPECT_EQ(split->outage.status, OutageStatus::confirmed);
  // Each dark home is in exactly one open outage.
  EXPECT_EQ(count(test_.database(),
                  "SELECT COUNT(*) FROM (SELECT service_point_id FROM outage_points WHERE "
                  "restored_at IS NULL AND moved_to IS NULL GROUP BY service_point_id HAVING "
                  "COUNT(*) > 1) twice"),
            0);
  // All of what is left is not a split; a part it does not cover is named.
  auto whole = split_outage(test_.database(), opened->id, DeviceKind::feeder, feeder, "staff:4");
  ASSERT_FALSE(whole.ok());
  EXPECT_EQ(whole.error().field, "part");
  EXPECT_EQ(split_outage(test_.database(), opened->id, DeviceKind::transformer, 999999, "staff:4")
                .error()
                .field,
            "part");
}

}  // namespace
}  // namespace rp::outages
