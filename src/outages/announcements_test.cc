// Outage alerts: what is announced, to whom, exactly once; never "restored" to a home still dark;
// ETR moves under the step not announced; a followed address told as followed; both engines.

#include "outages/announcements.h"

#include <gtest/gtest.h>

#include "accounts/testing/account_fixtures.h"
#include "notify/text_consent.h"
#include "outages/network.h"
#include "outages/outage_moves.h"
#include "outages/still_out.h"
#include "store/testing/test_database.h"
#include "store/utility_settings.h"

namespace rp::outages {
namespace {

using store::testing::count;

class AnnouncementsTest : public ::testing::Test {
 protected:
  // 30 homes on Elm St, 97477 (electric only, meters E6000100...), on the network drawn.
  AnnouncementsTest() {
    for (int i = 0; i < 30; ++i) {
      const std::string serial = "E60001" + std::string(i < 10 ? "0" : "") + std::to_string(i);
      accounts_.push_back(accounts::testing::open_sample_account(
          test_.database(), {"Home " + std::to_string(i), std::to_string(100 + 2 * i) + " Elm St",
                             "97477", serial, false}));
    }
    EXPECT_TRUE(draw_missing_network(test_.database(), 5).ok());
  }

  std::int64_t premise(int home) {
    return count(test_.database(), "SELECT id FROM premises WHERE line1 = '" +
                                       std::to_string(100 + 2 * home) + " Elm St'");
  }
  std::int64_t point_of(int home) {
    return count(test_.database(), "SELECT id FROM service_points WHERE premise_id = " +
                                       std::to_string(premise(home)));
  }
  std::vector<int> on_transformer_of(int home) {
    const std::string transformer =
        "(SELECT transformer_id FROM service_points WHERE id = " + std::to_string(point_of(home)) +
        ")";
    std::vector<int> homes;
    for (int i = 0; i < 30; ++i) {
      if (count(test_.database(),
                "SELECT COUNT(*) FROM service_points WHERE id = " + std::to_string(point_of(i)) +
                    " AND transformer_id = " + transformer) == 1) {
        homes.push_back(i);
      }
    }
    return homes;
  }
  // Two homes of home 0's transformer report: its outage, predicted.
  std::int64_t transformer_outage() {
    const std::vector<int> homes = on_transformer_of(0);
    for (int i : {homes[0], homes[1]}) {
      OutageReport asked;
      asked.premise_id = premise(i);
      EXPECT_TRUE(report_outage(test_.database(), asked, "public:192.0.2.7").ok());
    }
    EXPECT_TRUE(predict_pass(test_.database()).ok());
    return count(test_.database(), "SELECT MAX(id) FROM outages");
  }
  std::int64_t events(const std::string& kind, const std::string& where = "1 = 1") {
    return count(test_.database(),
                 "SELECT COUNT(*) FROM account_events WHERE kind = '" + kind + "' AND " + where);
  }
  std::string account_of(int home) const { return accounts_[home].digits(); }
  std::string for_home(int home) {
    return "account_id = (SELECT id FROM accounts WHERE number = '" + account_of(home) + "')";
  }

  store::testing::TestDatabase test_;
  std::vector<AccountNumber> accounts_;
};

TEST_F(AnnouncementsTest, EveryHomeUnderADetectedOutageIsToldOnceAndAFollowerAsAFollower) {
  // Home 29's account follows home 0 (a parent's house).
  ASSERT_TRUE(follow_address(test_.database(), accounts_[29], premise(0), "customer:29").ok());
  ASSERT_TRUE(follow_address(test_.database(), accounts_[29], premise(0), "customer:29").ok())
      << "following twice is following";
  const std::int64_t outage = transformer_outage();
  const auto homes = on_transformer_of(0);
  auto told = fan_out_announcements(test_.database(), 3);  // three recipients a write
  ASSERT_TRUE(told.ok()) << told.error().message;
  EXPECT_EQ(told->announcements, 1);
  const auto followers = std::find(homes.begin(), homes.end(), 29) == homes.end() ? 1 : 0;
  EXPECT_EQ(told->events, static_cast<std::int64_t>(homes.size()) + followers);
  EXPECT_EQ(events("outage.detected"), static_cast<std::int64_t>(homes.size()) + followers);
  for (int home : homes) EXPECT_EQ(events("outage.detected", for_home(home)), 1) << home;
  if (followers == 1) {
    EXPECT_EQ(events("outage.detected", for_home(29) + " AND details LIKE '%\"followed\":true%'"),
              1);
  }
  // Told once: a second fan-out finds nothing to do.
  auto again = fan_out_announcements(test_.database());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->events, 0);
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM outage_announcements WHERE outage_id = " +
                                        std::to_string(outage) + " AND done_at IS NULL"),
            0);
}

TEST_F(AnnouncementsTest, ASmallEtrNudgeIsNotAnnouncedAndAReplacementIs) {
  const std::int64_t outage = transformer_outage();
  ASSERT_TRUE(fan_out_announcements(test_.database()).ok());
  const Instant first = now() + std::chrono::hours(3);
  ASSERT_TRUE(set_etr(test_.database(), outage, first, "staff:1").ok());  // replaces the history's
  ASSERT_TRUE(set_etr(test_.database(), outage, first + std::chrono::minutes(10), "staff:1").ok());
  ASSERT_TRUE(fan_out_announcements(test_.database()).ok());
  const auto homes = static_cast<std::int64_t>(on_transformer_of(0).size());
  EXPECT_EQ(events("outage.etr"), homes) << "the nudge of 10 minutes is not announced";
  ASSERT_TRUE(set_etr(test_.database(), outage, first + std::chrono::hours(2), "staff:1").ok());
  ASSERT_TRUE(fan_out_announcements(test_.database()).ok());
  EXPECT_EQ(events("outage.etr"), 2 * homes);
  EXPECT_EQ(events("outage.etr", "details LIKE '%etr_clock_12%'"), 2 * homes);
}

TEST_F(AnnouncementsTest, RestoredIsNeverSentToAHomeStillDark) {
  const std::int64_t outage = transformer_outage();
  const auto homes = on_transformer_of(0);
  Restoration restoration;
  restoration.still_dark = {point_of(homes[0])};
  auto restored = restore_outage(test_.database(), outage, restoration, "staff:1");
  ASSERT_TRUE(restored.ok()) << restored.error().message;
  ASSERT_TRUE(fan_out_announcements(test_.database()).ok());
  EXPECT_EQ(events("outage.restored"), static_cast<std::int64_t>(homes.size()) - 1);
  EXPECT_EQ(events("outage.restored", for_home(homes[0])), 0) << "its meter did not answer";
  // The still-dark home's own outage is not announced as a new one: it knew already.
  EXPECT_EQ(events("outage.detected", for_home(homes[0])), 0);
  // The detected news of the ended outage is dropped: its restoration says what matters.
  EXPECT_EQ(events("outage.detected"), 0);
}

TEST_F(AnnouncementsTest, ACrewOnSiteIsAnnouncedAndACustomersReportAcknowledged) {
  const std::int64_t outage = transformer_outage();
  ASSERT_TRUE(fan_out_announcements(test_.database()).ok());
  for (OutageAction action : {OutageAction::confirm, OutageAction::assign_crew,
                              OutageAction::depart, OutageAction::arrive}) {
    OutageMove move;
    move.action = action;
    move.crew = "Line 4";
    ASSERT_TRUE(move_outage(test_.database(), outage, move, "staff:1").ok());
  }
  ASSERT_TRUE(fan_out_announcements(test_.database()).ok());
  EXPECT_EQ(events("outage.crew_on_site"), static_cast<std::int64_t>(on_transformer_of(0).size()));

  // A signed-in customer's report is acknowledged, with the known outage; a repeat is not.
  const int home = on_transformer_of(0)[2];
  OutageReport mine;
  mine.account = accounts_[home];
  mine.premise_id = premise(home);
  ASSERT_TRUE(report_outage(test_.database(), mine, "customer:7").ok());
  ASSERT_TRUE(report_outage(test_.database(), mine, "customer:7").ok());
  EXPECT_EQ(events("outage.report_received", for_home(home)), 1);
  EXPECT_EQ(
      events("outage.report_received", for_home(home) + " AND details LIKE '%\"known\":true%'"), 1);
  // Anyone reporting by address has no account to tell.
  EXPECT_EQ(events("outage.report_received"), 1);
}

TEST_F(AnnouncementsTest, FollowingIsLimitedAndOnlyServedAddresses) {
  for (int i = 0; i < static_cast<int>(kMostFollowed); ++i) {
    ASSERT_TRUE(follow_address(test_.database(), accounts_[0], premise(i + 1), "customer:1").ok());
  }
  auto eleventh = follow_address(test_.database(), accounts_[0], premise(20), "customer:1");
  ASSERT_FALSE(eleventh.ok());
  EXPECT_EQ(eleventh.error().field, "premise");
  EXPECT_EQ(eleventh.error().code, "outage-follow-limit");
  auto followed = followed_addresses(test_.database(), accounts_[0]);
  ASSERT_TRUE(followed.ok());
  EXPECT_EQ(followed->size(), kMostFollowed);
  ASSERT_TRUE(unfollow_address(test_.database(), accounts_[0], premise(1), "customer:1").ok());
  EXPECT_EQ(followed_addresses(test_.database(), accounts_[0])->size(), kMostFollowed - 1);
  EXPECT_EQ(follow_address(test_.database(), accounts_[1], 999999, "customer:1").error().code,
            "outage-follow-not-served");
}

TEST_F(AnnouncementsTest, AHomeWhoseMeterSaysDarkOrDoesNotAnswerIsNotToldItsPowerIsBack) {
  const std::int64_t outage = transformer_outage();
  const auto homes = on_transformer_of(0);
  const std::string dark_meter =
      "E60001" + std::string(homes[0] < 10 ? "0" : "") + std::to_string(homes[0]);
  const std::string silent_meter =
      "E60001" + std::string(homes[1] < 10 ? "0" : "") + std::to_string(homes[1]);
  std::vector<std::string> asked;
  auto checked = ping_before_restoring(test_.database(), outage, Restoration{},
                                       [&](const std::vector<std::string>& meters)
                                           -> Result<std::map<std::string, std::optional<bool>>> {
                                         asked = meters;
                                         std::map<std::string, std::optional<bool>> answers;
                                         for (const std::string& meter : meters) {
                                           if (meter == dark_meter) {
                                             answers[meter] = false;
                                           } else if (meter != silent_meter) {
                                             answers[meter] =
                                                 true;  // the silent one is missing from the answer
                                           }
                                         }
                                         return answers;
                                       });
  ASSERT_TRUE(checked.ok()) << checked.error().message;
  EXPECT_EQ(asked.size(), homes.size()) << "every AMI meter of the homes being restored";
  EXPECT_EQ(checked->still_dark.size(), 2u);
  auto restored = restore_outage(test_.database(), outage, *checked, "staff:1");
  ASSERT_TRUE(restored.ok()) << restored.error().message;
  EXPECT_EQ(restored->restored_points, static_cast<std::int64_t>(homes.size()) - 2);
  ASSERT_TRUE(fan_out_announcements(test_.database()).ok());
  EXPECT_EQ(events("outage.restored", for_home(homes[0])), 0);
  EXPECT_EQ(events("outage.restored", for_home(homes[1])), 0);
  EXPECT_EQ(events("outage.restored"), static_cast<std::int64_t>(homes.size()) - 2);
  EXPECT_EQ(count(test_.database(),
                  "SELECT COUNT(*) FROM outage_moves WHERE note LIKE '%meters pinged: " +
                      std::to_string(homes.size() - 2) + " on, 2 dark or silent%'"),
            1);

  // A head-end that cannot be asked leaves staff's word standing, and says so.
  const std::int64_t second =
      count(test_.database(), "SELECT MIN(id) FROM outages WHERE status = 'reported' AND id > " +
                                  std::to_string(outage));
  auto unasked = ping_before_restoring(
      test_.database(), second, Restoration{},
      [](const std::vector<std::string>&) -> Result<std::map<std::string, std::optional<bool>>> {
        return unavailable("the head-end did not answer");
      });
  ASSERT_TRUE(unasked.ok());
  EXPECT_TRUE(unasked->still_dark.empty());
  EXPECT_NE(unasked->meters_checked.find("not pinged"), std::string::npos);
}

TEST(StillOutKeywords, OutInEnglishOrSpanishAnyCaseAccentsIgnored) {
  bool spanish = true;
  EXPECT_TRUE(is_still_out_keyword(" out ", &spanish));
  EXPECT_FALSE(spanish);
  EXPECT_TRUE(is_still_out_keyword("Still out!", &spanish));
  EXPECT_TRUE(is_still_out_keyword("SIN LUZ", &spanish));
  EXPECT_TRUE(spanish);
  EXPECT_TRUE(is_still_out_keyword("Apagón", &spanish));
  EXPECT_FALSE(is_still_out_keyword("outage at 12 Elm St"));
  EXPECT_FALSE(is_still_out_keyword("STOP"));
}

TEST_F(AnnouncementsTest, ACustomerTextingOutAfterARestorationReportsTheirHomeAgain) {
  const std::int64_t outage = transformer_outage();
  const int home = on_transformer_of(0)[0];
  ASSERT_TRUE(test_
                  ->write_work([](store::Session& session) {
                    return store::change_utility_setting(session, "name", "Elm City Utilities",
                                                         "staff:test");
                  })
                  .ok());
  auto agreed = notify::grant_text_consent(
      test_.database(), accounts_[home],
      {"(541) 555-0134", "en",
       notify::text_consent_wording("Elm City Utilities", "+15415550134", "en"), "portal",
       "203.0.113.9", "customer:7"});
  ASSERT_TRUE(agreed.ok()) << agreed.error().message;
  // Before a restoration there is nothing to report again.
  auto early = still_out_by_text(test_.database(), "+15415550134", "OUT");
  ASSERT_TRUE(early.ok()) << early.error().message;
  EXPECT_TRUE(early->matched);
  EXPECT_EQ(early->reported, 0);
  ASSERT_TRUE(restore_outage(test_.database(), outage, Restoration{}, "staff:1").ok());
  const std::int64_t reports_before =
      count(test_.database(), "SELECT COUNT(*) FROM outage_signals WHERE kind = 'report'");
  auto again = still_out_by_text(test_.database(), "+15415550134", "sin luz");
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(again->reported, 1);
  EXPECT_EQ(count(test_.database(),
                  "SELECT COUNT(*) FROM outage_signals WHERE kind = 'report' "
                  "AND actor = 'sms:+15415550134' AND service_point_id = " +
                      std::to_string(point_of(home))),
            1);
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM outage_signals WHERE kind = 'report'"),
            reports_before + 1);
  EXPECT_EQ(count(test_.database(),
                  "SELECT COUNT(*) FROM text_outbox WHERE to_number = '+15415550134' AND body "
                  "LIKE 'Elm City Utilities: anotamos que sigue sin luz en%'"),
            1);
  // The report becomes that home's own outage; another number is answered, nothing reported.
  ASSERT_TRUE(predict_pass(test_.database()).ok());
  EXPECT_EQ(count(test_.database(),
                  "SELECT COUNT(*) FROM outages WHERE status = 'reported' AND device_kind = "
                  "'service_point' AND device_id = " +
                      std::to_string(point_of(home))),
            1);
  auto stranger = still_out_by_text(test_.database(), "+15415550199", "out");
  ASSERT_TRUE(stranger.ok());
  EXPECT_EQ(stranger->reported, 0);
  auto chat = still_out_by_text(test_.database(), "+15415550134", "thanks!");
  ASSERT_TRUE(chat.ok());
  EXPECT_FALSE(chat->matched);
}

}  // namespace
}  // namespace rp::outages
