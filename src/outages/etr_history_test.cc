// The first ETR from the utility's history: the median of the last year's restorations of the
// same kind of device (and cause, once named), a default when there are too few, never in the
// past, rounded up to the quarter hour.

#include "outages/etr_history.h"

#include <gtest/gtest.h>

#include "store/testing/test_database.h"

namespace rp::outages {
namespace {

using std::chrono::minutes;

Instant at(const char* text) {
  return *parse_instant(text, "at");
}

TEST(EtrHistory, TheMedianNeedsFiveRestorationsAndTheDefaultSuitsTheDevice) {
  EXPECT_FALSE(median_restoration({minutes(60), minutes(90), minutes(30), minutes(20)}));
  EXPECT_EQ(median_restoration({minutes(60), minutes(90), minutes(30), minutes(20), minutes(600)}),
            minutes(60));
  EXPECT_EQ(median_restoration(
                {minutes(10), minutes(20), minutes(30), minutes(40), minutes(50), minutes(60)}),
            minutes(35));
  EXPECT_GT(default_restoration(DeviceKind::service_point),
            default_restoration(DeviceKind::feeder));
}

TEST(EtrHistory, AnEtrIsNeverPastAndIsRoundedUpToTheQuarterHour) {
  const Instant now = at("2026-12-07T18:00:00Z");
  EXPECT_EQ(etr_from(at("2026-12-07T17:02:00Z"), minutes(130), now), at("2026-12-07T19:15:00Z"));
  EXPECT_EQ(etr_from(at("2026-12-07T17:00:00Z"), minutes(60), now), at("2026-12-07T19:00:00Z"))
      << "already due: an hour from now";
  EXPECT_EQ(etr_from(at("2026-12-07T10:00:00Z"), minutes(30), now), at("2026-12-07T19:00:00Z"));
}

TEST(EtrHistory, TheEstimateComesFromRestorationsOfTheSameKindAndCause) {
  store::testing::TestDatabase test;
  const Instant now = at("2026-12-07T18:00:00Z");
  auto add = [&](const char* kind, const char* cause, const char* began, const char* restored) {
    auto written = test->write<std::int64_t>([&](store::Session& session) {
      return session.execute(
          "INSERT INTO outages (status, cause, device_kind, device_id, began_at, created_by, "
          "created_at, updated_at, restored_at) VALUES ('restored', :cause, :kind, 1, :began, "
          "'test', :began_again, :restored, :restored_again)",
          {std::string(cause), std::string(kind), std::string(began), std::string(began),
           std::string(restored), std::string(restored)});
    });
    ASSERT_TRUE(written.ok()) << written.error().message;
  };
  auto estimate = [&](DeviceKind kind, const char* cause) {
    auto made = test->read<EtrEstimate>([&](store::Session& session) {
      return estimate_etr(session, kind, cause, at("2026-12-07T17:00:00Z"), now);
    });
    EXPECT_TRUE(made.ok()) << made.error().message;
    return made.ok() ? *made : EtrEstimate{};
  };
  // No history: the default for a transformer, three hours.
  EXPECT_EQ(estimate(DeviceKind::transformer, "unknown").etr, at("2026-12-07T20:00:00Z"));
  EXPECT_NE(estimate(DeviceKind::transformer, "unknown").basis.find("default"), std::string::npos);
  // Five transformers restored in 1-2 hours (one after a tree: 5 h), a feeder in 30 min.
  add("transformer", "equipment", "2026-11-01T10:00:00Z", "2026-11-01T11:00:00Z");
  add("transformer", "equipment", "2026-11-02T10:00:00Z", "2026-11-02T11:30:00Z");
  add("transformer", "equipment", "2026-11-03T10:00:00Z", "2026-11-03T12:00:00Z");
  add("transformer", "equipment", "2026-11-04T10:00:00Z", "2026-11-04T11:15:00Z");
  add("transformer", "vegetation", "2026-11-05T10:00:00Z", "2026-11-05T15:00:00Z");
  add("feeder", "weather", "2026-11-06T10:00:00Z", "2026-11-06T10:30:00Z");
  // A year and more ago does not count.
  add("transformer", "equipment", "2025-10-01T10:00:00Z", "2025-10-01T20:00:00Z");
  // Durations 60, 75, 90, 120 and 300 minutes: the median is 90; from 17:00, 18:30.
  const EtrEstimate any = estimate(DeviceKind::transformer, "unknown");
  EXPECT_EQ(any.etr, at("2026-12-07T18:30:00Z"));
  EXPECT_NE(any.basis.find("median of 5 transformer outages: 1 h 30 min"), std::string::npos)
      << any.basis;
  // Only one restoration after a tree: too few, so all of them say it.
  EXPECT_EQ(estimate(DeviceKind::transformer, "vegetation").etr, at("2026-12-07T18:30:00Z"));
  // The feeder's one restoration is too few: its default, two hours.
  EXPECT_EQ(estimate(DeviceKind::feeder, "unknown").etr, at("2026-12-07T19:00:00Z"));
}

}  // namespace
}  // namespace rp::outages
