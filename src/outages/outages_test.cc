// Outages over the database: reports and last gasps in, the prediction pass opening outages on
// the right device, reports joining a known outage (a repeat counted once), unknown meters
// rejected and kept, flickers never an outage; both engines.

#include "outages/outages.h"

#include <gtest/gtest.h>

#include "accounts/testing/account_fixtures.h"
#include "outages/network.h"
#include "outages/outage_moves.h"
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

  // Reports from two homes on home 0's transformer, predicted: that transformer's outage.
  Outage transformer_outage() {
    const std::vector<int> neighbours = neighbours_of_first();
    EXPECT_TRUE(report(neighbours[0]).ok());
    EXPECT_TRUE(report(neighbours[1]).ok());
    EXPECT_TRUE(predict_pass(test_.database()).ok());
    auto known = outage_at_premise(test_.database(), premise(neighbours[0]));
    EXPECT_TRUE(known.ok() && *known);
    return known.ok() && *known ? **known : Outage{};
  }

  std::int64_t point_of(int home) {
    return count(test_.database(), "SELECT id FROM service_points WHERE premise_id = " +
                                       std::to_string(premise(home)));
  }

  store::testing::TestDatabase test_;
};

OutageMove by(OutageAction action) {
  OutageMove move;
  move.action = action;
  return move;
}

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

TEST_F(OutagesTest, StaffConfirmSendACrewSetTheEtrAndRestoreWithWhoDidEachStep) {
  const Outage outage = transformer_outage();
  ASSERT_NE(outage.id, 0);
  auto confirmed = move_outage(test_.database(), outage.id, by(OutageAction::confirm), "staff:3");
  ASSERT_TRUE(confirmed.ok()) << confirmed.error().message;
  EXPECT_EQ(confirmed->status, OutageStatus::confirmed);
  // A crew needs a name; the steps go in order.
  EXPECT_EQ(move_outage(test_.database(), outage.id, by(OutageAction::assign_crew), "staff:3")
                .error()
                .field,
            "crew");
  EXPECT_EQ(
      move_outage(test_.database(), outage.id, by(OutageAction::arrive), "staff:3").error().code,
      "outage-move-not-allowed");
  OutageMove crew = by(OutageAction::assign_crew);
  crew.crew = "Line crew 4";
  crew.cause = OutageCause::vegetation;
  crew.public_note = "A tree is on the line on Oak St.";
  auto sent = move_outage(test_.database(), outage.id, crew, "staff:3");
  ASSERT_TRUE(sent.ok()) << sent.error().message;
  EXPECT_EQ(sent->crew, "Line crew 4");
  EXPECT_EQ(sent->cause, OutageCause::vegetation);
  ASSERT_TRUE(move_outage(test_.database(), outage.id, by(OutageAction::depart), "staff:9").ok());
  ASSERT_TRUE(move_outage(test_.database(), outage.id, by(OutageAction::arrive), "staff:9").ok());
  EXPECT_EQ(
      move_outage(test_.database(), outage.id, by(OutageAction::cancel), "staff:3").error().code,
      "outage-move-not-allowed")
      << "a crew found something: not cancelled";

  // The ETR: announced the first time and when it moves by 30 minutes or more, kept always.
  const Instant now_at = now();
  EXPECT_EQ(
      set_etr(test_.database(), outage.id, now_at - std::chrono::hours(1), "staff:3").error().field,
      "etr");
  EXPECT_EQ(set_etr(test_.database(), outage.id, now_at + std::chrono::hours(24 * 15), "staff:3")
                .error()
                .field,
            "etr");
  auto first = set_etr(test_.database(), outage.id, now_at + std::chrono::hours(2), "staff:3");
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_TRUE(first->announced);
  auto nudged = set_etr(test_.database(), outage.id,
                        now_at + std::chrono::hours(2) + std::chrono::minutes(10), "staff:9");
  ASSERT_TRUE(nudged.ok());
  EXPECT_FALSE(nudged->announced);
  auto later = set_etr(test_.database(), outage.id, now_at + std::chrono::hours(3), "staff:9");
  ASSERT_TRUE(later.ok());
  EXPECT_TRUE(later->announced);
  EXPECT_EQ(later->outage.etr, format_instant(now_at + std::chrono::hours(3)));
  // Three by staff, after the history's at the opening and again when the cause was named.
  EXPECT_EQ(
      count(test_.database(),
            "SELECT COUNT(*) FROM outage_moves WHERE action = 'etr' AND actor LIKE 'staff:%'"),
      3);
  EXPECT_EQ(count(test_.database(),
                  "SELECT COUNT(*) FROM outage_moves WHERE action = 'etr' AND actor = "
                  "'system:history'"),
            2);

  auto restored = restore_outage(test_.database(), outage.id, {}, "staff:9");
  ASSERT_TRUE(restored.ok()) << restored.error().message;
  EXPECT_EQ(restored->outage.status, OutageStatus::restored);
  EXPECT_EQ(restored->outage.customers_out, 0);
  EXPECT_EQ(restored->restored_points, outage.customers_out);
  EXPECT_FALSE(restored->outage.restored_at.empty());
  EXPECT_EQ(restore_outage(test_.database(), outage.id, {}, "staff:9").error().code,
            "outage-move-not-allowed");
  EXPECT_EQ(
      set_etr(test_.database(), outage.id, now_at + std::chrono::hours(4), "staff:3").error().code,
      "outage-move-not-allowed");
  // Every step with who made it.
  auto moves =
      query(test_.database(), "SELECT action, actor FROM outage_moves WHERE outage_id = " +
                                  std::to_string(outage.id) + " AND action <> 'etr' ORDER BY id");
  std::vector<std::string> steps;
  for (const auto& row : moves) steps.push_back(row.text(0) + " " + row.text(1));
  EXPECT_EQ(steps, (std::vector<std::string>{"open system:outages", "confirm staff:3",
                                             "assign_crew staff:3", "depart staff:9",
                                             "arrive staff:9", "restore staff:9"}));
  EXPECT_EQ(count(test_.database(), "SELECT customers_out FROM outage_counts WHERE outage_id = " +
                                        std::to_string(outage.id) + " ORDER BY at DESC LIMIT 1"),
            0);
}

TEST_F(OutagesTest, APartRestoredAndAHomeStillDarkKeepsAnOutageOfItsOwn) {
  // A feeder outage from last gasps on four transformers.
  std::vector<MeterEvent> gasps;
  std::set<std::int64_t> transformers;
  for (int i = 0; i < 60 && transformers.size() < 4; ++i) {
    if (transformers.insert(transformer_of(i)).second) {
      gasps.push_back({"E50001" + std::string(i < 10 ? "0" : "") + std::to_string(i),
                       MeterEventKind::last_gasp, now()});
    }
  }
  ASSERT_TRUE(record_meter_events(test_.database(), gasps, "api_key:4").ok());
  ASSERT_TRUE(predict_pass(test_.database()).ok());
  auto feeder = outage_at_premise(test_.database(), premise(0));
  ASSERT_TRUE(feeder.ok() && *feeder);
  ASSERT_EQ((*feeder)->device_kind, DeviceKind::feeder);
  const std::int64_t id = (*feeder)->id;

  // Home 0's transformer is back, but home 0's meter does not answer.
  const std::int64_t part = transformer_of(0);
  const std::int64_t on_part = on_transformer(part);
  Restoration some;
  some.part_kind = DeviceKind::transformer;
  some.part_id = part;
  some.still_dark = {point_of(0)};
  // A point elsewhere cannot be "still dark" in this restoration; a part with nothing out is no
  // part at all. Nothing changes.
  Restoration wrong = some;
  wrong.still_dark = {point_of(59)};
  if (transformer_of(59) != part) {
    EXPECT_EQ(restore_outage(test_.database(), id, wrong, "staff:9").error().field, "still_dark");
  }
  wrong = some;
  wrong.part_id = 999'999;
  EXPECT_EQ(restore_outage(test_.database(), id, wrong, "staff:9").error().field, "part");
  auto partly = restore_outage(test_.database(), id, some, "staff:9");
  ASSERT_TRUE(partly.ok()) << partly.error().message;
  EXPECT_EQ(partly->restored_points, on_part - 1);
  EXPECT_NE(partly->outage.status, OutageStatus::restored);
  EXPECT_EQ(partly->outage.customers_out, 60 - on_part);
  ASSERT_EQ(partly->still_dark_outages.size(), 1u);
  // Home 0 is in an outage of its own now, not told the power is back.
  auto home = outage_at_premise(test_.database(), premise(0));
  ASSERT_TRUE(home.ok() && *home);
  EXPECT_EQ((*home)->id, partly->still_dark_outages[0]);
  EXPECT_EQ((*home)->device_kind, DeviceKind::service_point);
  EXPECT_EQ((*home)->customers_out, 1);
  // A neighbour on the restored transformer is out of every outage.
  for (int i = 1; i < 60; ++i) {
    if (transformer_of(i) != part) continue;
    auto neighbour = outage_at_premise(test_.database(), premise(i));
    ASSERT_TRUE(neighbour.ok());
    EXPECT_FALSE(*neighbour) << "home " << i;
    break;
  }
  // The rest restored: the feeder's outage ends; home 0's stays open.
  auto rest = restore_outage(test_.database(), id, {}, "staff:9");
  ASSERT_TRUE(rest.ok()) << rest.error().message;
  EXPECT_EQ(rest->outage.status, OutageStatus::restored);
  auto still = outage_at_premise(test_.database(), premise(0));
  ASSERT_TRUE(still.ok() && *still);
  EXPECT_EQ((*still)->status, OutageStatus::reported);
}

TEST_F(OutagesTest, MetersSayingThePowerIsBackRestoreTheirHomesAndThenTheOutage) {
  // Home 0's transformer out, from its meters' last gasps.
  std::vector<int> homes;
  for (int i = 0; i < 60; ++i) {
    if (transformer_of(i) == transformer_of(0)) homes.push_back(i);
  }
  auto serial = [](int i) { return "E50001" + std::string(i < 10 ? "0" : "") + std::to_string(i); };
  const Instant went_out = now() - std::chrono::minutes(30);
  std::vector<MeterEvent> gasps;
  for (int home : homes) gasps.push_back({serial(home), MeterEventKind::last_gasp, went_out});
  ASSERT_TRUE(record_meter_events(test_.database(), gasps, "api_key:4").ok());
  ASSERT_TRUE(predict_pass(test_.database()).ok());
  auto outage = outage_at_premise(test_.database(), premise(homes[0]));
  ASSERT_TRUE(outage.ok() && *outage);
  const std::int64_t id = (*outage)->id;
  // A power-restored event from before the outage began says nothing of it.
  ASSERT_TRUE(record_meter_events(test_.database(),
                                  {{serial(homes[0]), MeterEventKind::power_restored,
                                    went_out - std::chrono::minutes(5)}},
                                  "api_key:4")
                  .ok());
  auto nothing = predict_pass(test_.database());
  ASSERT_TRUE(nothing.ok());
  EXPECT_EQ(nothing->restored, 0);
  // All but one meter say the power is back: those homes are restored, the outage stays open.
  std::vector<MeterEvent> back;
  for (std::size_t i = 1; i < homes.size(); ++i) {
    back.push_back({serial(homes[i]), MeterEventKind::power_restored, now()});
  }
  ASSERT_TRUE(record_meter_events(test_.database(), back, "api_key:4").ok());
  auto partly = predict_pass(test_.database());
  ASSERT_TRUE(partly.ok()) << partly.error().message;
  EXPECT_EQ(partly->restored, static_cast<std::int64_t>(homes.size() - 1));
  auto still = outage_at_premise(test_.database(), premise(homes[0]));
  ASSERT_TRUE(still.ok() && *still);
  EXPECT_EQ((*still)->customers_out, 1);
  EXPECT_FALSE(*outage_at_premise(test_.database(), premise(homes[1])));
  // The last one too: the outage is restored, by the system, with the count in its move.
  ASSERT_TRUE(record_meter_events(test_.database(),
                                  {{serial(homes[0]), MeterEventKind::power_restored, now()}},
                                  "api_key:4")
                  .ok());
  ASSERT_TRUE(predict_pass(test_.database()).ok());
  EXPECT_EQ(
      count(test_.database(), "SELECT COUNT(*) FROM outages WHERE status = 'restored' AND id = " +
                                  std::to_string(id)),
      1);
  EXPECT_EQ(
      count(test_.database(),
            "SELECT COUNT(*) FROM outage_moves WHERE outage_id = " + std::to_string(id) +
                " AND action = 'restore' AND actor = 'system:outages' AND note = '1 meter said "
                "its power is back'"),
      1);
}

TEST_F(OutagesTest, AnOutageMergedIntoAnotherTakesItsHomesAndReports) {
  const Outage first = transformer_outage();
  // Two homes on another transformer.
  std::vector<int> other;
  for (int i = 0; i < 60 && other.size() < 2; ++i) {
    if (transformer_of(i) != transformer_of(0)) {
      if (other.empty() || transformer_of(i) == transformer_of(other[0])) other.push_back(i);
    }
  }
  ASSERT_EQ(other.size(), 2u);
  ASSERT_TRUE(report(other[0]).ok());
  ASSERT_TRUE(report(other[1]).ok());
  ASSERT_TRUE(predict_pass(test_.database()).ok());
  auto second = outage_at_premise(test_.database(), premise(other[0]));
  ASSERT_TRUE(second.ok() && *second);
  OutageMove merge = by(OutageAction::merge);
  merge.into = 999'999;
  EXPECT_EQ(move_outage(test_.database(), (*second)->id, merge, "staff:3").error().field, "into");
  merge.into = first.id;
  auto merged = move_outage(test_.database(), (*second)->id, merge, "staff:3");
  ASSERT_TRUE(merged.ok()) << merged.error().message;
  EXPECT_EQ(merged->status, OutageStatus::merged);
  EXPECT_EQ(merged->customers_out, 0);
  auto now_first = outage_at_premise(test_.database(), premise(other[0]));
  ASSERT_TRUE(now_first.ok() && *now_first);
  EXPECT_EQ((*now_first)->id, first.id);
  EXPECT_EQ((*now_first)->customers_out, first.customers_out + (*second)->customers_out);
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM outage_signals WHERE outage_id = " +
                                        std::to_string(first.id)),
            4);
}

}  // namespace
}  // namespace rp::outages
