// The server's outage watch turns last gasps into an outage without anyone asking.

#include "app/outage_watch.h"

#include <gtest/gtest.h>

#include <thread>

#include "accounts/testing/account_fixtures.h"
#include "outages/network.h"
#include "outages/outages.h"
#include "store/testing/test_database.h"

namespace rp::app {
namespace {

using store::testing::count;

TEST(OutageWatch, LastGaspsBecomeAnOutageWithinItsPasses) {
  store::testing::TestDatabase test;
  accounts::testing::open_sample_account(test.database());
  accounts::testing::open_sample_account(test.database(),
                                         {"Ben Ortiz", "17 Oak Ave", "97477", "E2000017", false});
  ASSERT_TRUE(outages::draw_missing_network(test.database(), 1).ok());
  OutageWatch watch(test.database(), std::chrono::milliseconds(20));
  ASSERT_TRUE(
      outages::record_meter_events(test.database(),
                                   {{"E1000017", outages::MeterEventKind::last_gasp, now()},
                                    {"E2000017", outages::MeterEventKind::last_gasp, now()}},
                                   "api_key:1")
          .ok());
  // Waits for the watch (not a measure of its speed: bench/ has that).
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (count(test.database(), "SELECT COUNT(*) FROM outages") == 0 &&
         std::chrono::steady_clock::now() < give_up) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_EQ(count(test.database(),
                  "SELECT COUNT(*) FROM outages WHERE device_kind = 'transformer' AND "
                  "created_by = 'system:outages'"),
            1);
}

}  // namespace
}  // namespace rp::app
