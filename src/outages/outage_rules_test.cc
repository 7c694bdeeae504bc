// The outage state machine: confirm, a crew's steps in order, restore from any open status, merge,
// cancel only before a crew, nothing after the end; names both ways.

#include "outages/outage_rules.h"

#include <gtest/gtest.h>

namespace rp::outages {
namespace {

using A = OutageAction;
using S = OutageStatus;

TEST(OutageRules, AnOutageGoesFromReportedToRestoredThroughTheCrewsSteps) {
  EXPECT_EQ(moved(S::reported, A::confirm), S::confirmed);
  EXPECT_EQ(moved(S::confirmed, A::assign_crew), S::crew_assigned);
  EXPECT_EQ(moved(S::crew_assigned, A::depart), S::en_route);
  EXPECT_EQ(moved(S::en_route, A::arrive), S::on_site);
  EXPECT_EQ(moved(S::on_site, A::restore), S::restored);
  // Power back before anyone went: restored from any open status.
  EXPECT_EQ(moved(S::reported, A::restore), S::restored);
  EXPECT_EQ(moved(S::confirmed, A::restore), S::restored);
  // Another crew sent instead.
  EXPECT_EQ(moved(S::on_site, A::assign_crew), S::crew_assigned);
}

TEST(OutageRules, StepsOutOfOrderAndMovesAfterTheEndAreRefused) {
  EXPECT_FALSE(moved(S::reported, A::assign_crew)) << "confirmed before a crew is sent";
  EXPECT_FALSE(moved(S::confirmed, A::depart));
  EXPECT_FALSE(moved(S::crew_assigned, A::arrive));
  EXPECT_FALSE(moved(S::confirmed, A::confirm));
  EXPECT_FALSE(moved(S::on_site, A::cancel)) << "a crew found something: not cancelled";
  EXPECT_EQ(moved(S::reported, A::cancel), S::cancelled);
  EXPECT_EQ(moved(S::confirmed, A::merge), S::merged);
  for (S end : {S::restored, S::merged, S::cancelled}) {
    EXPECT_FALSE(is_open(end));
    for (A action :
         {A::confirm, A::assign_crew, A::depart, A::arrive, A::restore, A::merge, A::cancel}) {
      EXPECT_FALSE(moved(end, action)) << status_name(end) << " " << action_name(action);
    }
  }
}

TEST(OutageRules, NamesReadBackAndUnknownNamesAreNone) {
  for (S status : {S::reported, S::confirmed, S::crew_assigned, S::en_route, S::on_site,
                   S::restored, S::merged, S::cancelled}) {
    EXPECT_EQ(parse_status(status_name(status)), status);
  }
  EXPECT_EQ(parse_cause("vegetation"), OutageCause::vegetation);
  EXPECT_EQ(cause_name(OutageCause::dig_in), "dig_in");
  EXPECT_EQ(parse_action("assign_crew"), A::assign_crew);
  EXPECT_FALSE(parse_status("Reported"));
  EXPECT_FALSE(parse_cause("aliens"));
  EXPECT_FALSE(parse_action(""));
}

}  // namespace
}  // namespace rp::outages
