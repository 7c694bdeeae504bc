// Outages over the database: reports and last gasps in, the prediction pass opening outages on
// the right device, reports joining a known outage (a repeat counted once), unknown meters
// rejected and kept, flickers never an outage; both engines.

#include "outages/outages.h"

#include <gtest/gtest.h>

#include "accounts/testing/account_fixtures.h"
#include "outages/network.h"
#include "store/testing/test_database.h"

namespace rp::outages {
namespace {

using store::testing::count;
using store::testing::query;

class OutagesTest : public ::testing::Test {
 protected:
  // 60 homes on Oak St, 97477 (electric only, AMI meters E5000100...), on the network drawn.
  OutagesTest() {
    for (int i = 0; i < 60; ++i) {
      const std::string serial = "E50001" + std::string(i < 10 ? "0" : "") + std::to_string(i);
      accounts::testing::open_sample_account(
          test_.database(), {"Home " + std::to_string(i), std::to_string(100 + 2 * i) + " Oak St",
                             "97477", serial, false});
    }
    auto drawn = draw_missing_network(test_.database(), 3);
    EXPECT_TRUE(drawn.ok()) << drawn.error().message;
  }

  // The premise of the home at `number` Oak St, and its transformer.
  std::int64_t premise(int home) {
    return count(test_.database(), "SELECT id FROM premises WHERE line1 = '" +
                                       std::to_string(100 + 2 * home) + " Oak St'");
  }
  std::int64_t transformer_of(int home) {
    return count(test_.database(),
                 "SELECT sp.transformer_id FROM service_points sp WHERE sp.premise_id = " +
                     std::to_string(premise(home)));
  }
  std::int64_t on_transformer(std::int64_t transformer) {
    return count(test_.database(), "SELECT COUNT(*) FROM service_points WHERE transformer_id = " +
                                       std::to_string(transformer));
  }
  // Homes on the same transformer as home 0, and one on another transformer.
  std::vector<int> neighbours_of_first() {
    std::vector<int> homes;
    for (int i = 0; i < 60; ++i) {
      if (transformer_of(i) == transformer_of(0)) homes.push_back(i);
    }
    return homes;
  }

  Result<ReportAnswer> report(int home, ReportKind kind = ReportKind::out,
                              const std::string& actor = "public:192.0.2.7") {
    OutageReport asked;
    asked.premise_id = premise(home);
    asked.kind = kind;
    return report_outage(test_.database(), asked, actor);
  }

  store::testing::TestDatabase test_;
};

TEST_F(OutagesTest, NeighboursReportsOpenTheirTransformersOutageAndLaterOnesJoinIt) {
  const std::vector<int> neighbours = neighbours_of_first();
  ASSERT_GE(neighbours.size(), 10u);
  ASSERT_TRUE(report(neighbours[0]).ok());
  auto second = report(neighbours[1]);
  ASSERT_TRUE(second.ok()) << second.error().message;
  EXPECT_FALSE(second->known) << "nothing is known until the prediction pass";
  auto pass = predict_pass(test_.database());
  ASSERT_TRUE(pass.ok()) << pass.error().message;
  EXPECT_EQ(pass->signals, 2);
  EXPECT_EQ(pass->opened, 1);
  auto outage = query(test_.database(),
                      "SELECT device_kind, device_id, customers_out, status, created_by FROM "
                      "outages");
  ASSERT_EQ(outage.size(), 1u);
  EXPECT_EQ(outage[0].text(0), "transformer");
  EXPECT_EQ(outage[0].integer(1), transformer_of(neighbours[0]));
  EXPECT_EQ(outage[0].integer(2), on_transformer(transformer_of(neighbours[0])));
  EXPECT_EQ(outage[0].text(3), "reported");
  EXPECT_EQ(outage[0].text(4), "system:outages");
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM outage_signals WHERE outage_id IS NULL"),
            0);
  // A neighbour who had not reported is told at once, and their report joins the outage.
  auto third = report(neighbours[2]);
  ASSERT_TRUE(third.ok());
  ASSERT_TRUE(third->known);
  EXPECT_EQ(third->known->device_kind, DeviceKind::transformer);
  EXPECT_FALSE(third->duplicate);
  // Reporting again is counted once and acknowledged.
  auto again = report(neighbours[2]);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->duplicate);
  EXPECT_EQ(count(test_.database(),
                  "SELECT COUNT(DISTINCT service_point_id) FROM outage_signals WHERE outage_id = " +
                      std::to_string(third->known->id) + " AND duplicate = 0"),
            3);
  auto at_home = outage_at_premise(test_.database(), premise(neighbours[5]));
  ASSERT_TRUE(at_home.ok());
  EXPECT_TRUE(*at_home) << "every home under the transformer is in it";
  auto elsewhere = outage_at_premise(test_.database(), premise(59));
  ASSERT_TRUE(elsewhere.ok());
  EXPECT_FALSE(*elsewhere);
}

TEST_F(OutagesTest, LastGaspsAcrossTheFeederOpenItsOutageAndTakeInTheTransformers) {
  const std::vector<int> neighbours = neighbours_of_first();
  ASSERT_TRUE(report(neighbours[0]).ok());
  ASSERT_TRUE(report(neighbours[1]).ok());
  ASSERT_TRUE(predict_pass(test_.database()).ok());
  // Then meters gasp on three other transformers of the same feeder, and an unknown meter.
  std::vector<MeterEvent> gasps;
  std::set<std::int64_t> transformers{transformer_of(neighbours[0])};
  for (int i = 0; i < 60 && transformers.size() < 4; ++i) {
    if (transformers.insert(transformer_of(i)).second) {
      gasps.push_back({"E50001" + std::string(i < 10 ? "0" : "") + std::to_string(i),
                       MeterEventKind::last_gasp, now()});
    }
  }
  ASSERT_EQ(gasps.size(), 3u);
  gasps.push_back({"X-NOT-OURS", MeterEventKind::last_gasp, now()});
  auto recorded = record_meter_events(test_.database(), gasps, "api_key:4");
  ASSERT_TRUE(recorded.ok()) << recorded.error().message;
  EXPECT_EQ(recorded->accepted, 3);
  EXPECT_EQ(recorded->rejected, 1);
  EXPECT_EQ(count(test_.database(),
                  "SELECT COUNT(*) FROM meter_event_rejects WHERE meter_serial = 'X-NOT-OURS' AND "
                  "actor = 'api_key:4'"),
            1);
  auto pass = predict_pass(test_.database());
  ASSERT_TRUE(pass.ok()) << pass.error().message;
  EXPECT_EQ(pass->opened, 1);
  EXPECT_EQ(pass->merged, 1);
  auto open = query(test_.database(),
                    "SELECT device_kind, customers_out FROM outages WHERE status = 'reported'");
  ASSERT_EQ(open.size(), 1u);
  EXPECT_EQ(open[0].text(0), "feeder");
  EXPECT_EQ(open[0].integer(1), 60);
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM outages WHERE status = 'merged'"), 1);
  EXPECT_EQ(count(test_.database(),
                  "SELECT COUNT(*) FROM outage_signals s JOIN outages o ON o.id = s.outage_id "
                  "WHERE o.device_kind = 'feeder'"),
            5)
      << "the transformer's reports went with it";
}

TEST_F(OutagesTest, FlickersBadInputAndOtherPeoplesPremisesChangeNothing) {
  ASSERT_TRUE(report(0, ReportKind::flicker).ok());
  ASSERT_TRUE(report(1, ReportKind::flicker).ok());
  auto pass = predict_pass(test_.database());
  ASSERT_TRUE(pass.ok());
  EXPECT_EQ(pass->opened, 0) << "a flicker is never an outage";
  const std::int64_t before = count(test_.database(), "SELECT COUNT(*) FROM outage_signals");
  OutageReport bad;
  bad.premise_id = premise(0);
  bad.callback_phone = "555-01";
  EXPECT_EQ(report_outage(test_.database(), bad, "public:1").error().field, "callback_phone");
  bad.callback_phone = "";
  bad.details = std::string(1001, 'x');
  EXPECT_EQ(report_outage(test_.database(), bad, "public:1").error().field, "details");
  bad.details = "";
  bad.premise_id = 999'999;
  EXPECT_EQ(report_outage(test_.database(), bad, "public:1").error().field, "premise");
  // A signed-in customer reports for their own premises only.
  bad.premise_id = premise(1);
  bad.account = *AccountNumber::parse(
      query(test_.database(), "SELECT number FROM accounts ORDER BY id LIMIT 1")[0].text(0));
  EXPECT_EQ(report_outage(test_.database(), bad, "customer:1").error().field, "premise");
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM outage_signals"), before);
  EXPECT_EQ(record_meter_events(test_.database(), {}, "api_key:4").error().field, "events");
}

}  // namespace
}  // namespace rp::outages
