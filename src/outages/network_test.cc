// Drawing the network over the database: every electric service point on a transformer, each
// premise given a position, drawn once (a second pass finds nothing to do), on both engines.

#include "outages/network.h"

#include <gtest/gtest.h>

#include "accounts/testing/account_fixtures.h"
#include "store/testing/test_database.h"

namespace rp::outages {
namespace {

using store::testing::count;

TEST(Network, EveryElectricServicePointIsPutOnATransformerOnce) {
  store::testing::TestDatabase test;
  accounts::testing::open_sample_account(test.database());
  accounts::testing::open_sample_account(test.database(),
                                         {"Ben Ortiz", "17 Oak Ave", "97477", "E2000017", false});
  auto drawn = draw_missing_network(test.database(), 5);
  ASSERT_TRUE(drawn.ok()) << drawn.error().message;
  EXPECT_EQ(drawn->service_points, 2);
  EXPECT_EQ(drawn->transformers, 1);
  EXPECT_EQ(drawn->feeders, 1);
  EXPECT_EQ(drawn->substations, 1);
  EXPECT_EQ(count(test.database(),
                  "SELECT COUNT(*) FROM service_points WHERE commodity = 'electric' AND "
                  "transformer_id IS NULL"),
            0);
  // Water and sewer are not on the electric network.
  EXPECT_EQ(count(test.database(),
                  "SELECT COUNT(*) FROM service_points WHERE commodity <> 'electric' AND "
                  "transformer_id IS NOT NULL"),
            0);
  EXPECT_EQ(count(test.database(), "SELECT COUNT(*) FROM premises WHERE latitude_micro IS NULL"),
            0);
  EXPECT_EQ(count(test.database(),
                  "SELECT COUNT(*) FROM transformers t JOIN feeders f ON f.id = t.feeder_id JOIN "
                  "substations s ON s.id = f.substation_id WHERE s.name = 'Springfield 1'"),
            1);
  // Nothing left to draw: a second pass writes nothing.
  auto again = draw_missing_network(test.database(), 5);
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(again->transformers, 0);
  EXPECT_EQ(count(test.database(), "SELECT COUNT(*) FROM substations"), 1);
  // A premise added later gets its own transformer, under a new substation numbered on.
  accounts::testing::open_sample_account(test.database(),
                                         {"Ana Ruiz", "9 Pine St", "97477", "E3000017", false});
  auto later = draw_missing_network(test.database(), 5);
  ASSERT_TRUE(later.ok()) << later.error().message;
  EXPECT_EQ(later->service_points, 1);
  EXPECT_EQ(count(test.database(), "SELECT COUNT(*) FROM substations WHERE name = 'Springfield 2'"),
            1);
}

}  // namespace
}  // namespace rp::outages
