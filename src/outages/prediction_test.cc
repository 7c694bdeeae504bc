// Prediction over a small network: one substation (1) with three feeders (10, 11, 12) of 30
// transformers each, 12 service points on every transformer.

#include "outages/prediction.h"

#include <gtest/gtest.h>

namespace rp::outages {
namespace {

constexpr std::int64_t kPointsPerTransformer = 12;

// Transformer t (0-29) of feeder f (10-12) is id f * 100 + t; its points are id * 100 + 0..11.
std::int64_t transformer_id(std::int64_t feeder, std::int64_t t) {
  return feeder * 100 + t;
}
std::int64_t point_id(std::int64_t feeder, std::int64_t t, std::int64_t p) {
  return transformer_id(feeder, t) * 100 + p;
}

Topology three_feeders() {
  Topology topology;
  for (std::int64_t feeder : {10, 11, 12}) {
    topology.substation_of_feeder[feeder] = 1;
    for (std::int64_t t = 0; t < 30; ++t) {
      topology.feeder_of_transformer[transformer_id(feeder, t)] = feeder;
      for (std::int64_t p = 0; p < kPointsPerTransformer; ++p) {
        topology.transformer_of_point[point_id(feeder, t, p)] = transformer_id(feeder, t);
      }
    }
  }
  topology.index();
  return topology;
}

TEST(Prediction, OneHomeAloneIsItsOwnOutage) {
  const Topology topology = three_feeders();
  auto predicted = predict_outages(topology, {point_id(10, 4, 7), point_id(10, 4, 7)});
  ASSERT_EQ(predicted.size(), 1u);
  EXPECT_EQ(predicted[0].kind, DeviceKind::service_point);
  EXPECT_EQ(predicted[0].device_id, point_id(10, 4, 7));
  EXPECT_EQ(predicted[0].customers, 1);
  EXPECT_EQ(predicted[0].signalled, std::vector<std::int64_t>{point_id(10, 4, 7)});
}

TEST(Prediction, NeighboursOnOneTransformerPredictTheTransformer) {
  const Topology topology = three_feeders();
  auto predicted = predict_outages(topology, {point_id(10, 4, 1), point_id(10, 4, 9)});
  ASSERT_EQ(predicted.size(), 1u);
  EXPECT_EQ(predicted[0].kind, DeviceKind::transformer);
  EXPECT_EQ(predicted[0].device_id, transformer_id(10, 4));
  EXPECT_EQ(predicted[0].customers, kPointsPerTransformer);
  EXPECT_EQ(predicted[0].signalled.size(), 2u);
  // Two homes on different transformers are two homes' outages.
  auto apart = predict_outages(topology, {point_id(10, 4, 1), point_id(10, 5, 1)});
  ASSERT_EQ(apart.size(), 2u);
  EXPECT_EQ(apart[0].kind, DeviceKind::service_point);
  EXPECT_EQ(apart[1].kind, DeviceKind::service_point);
}

TEST(Prediction, AScatterOfLastGaspsAcrossAFeederPredictsTheFeeder) {
  const Topology topology = three_feeders();
  // One meter in ten of feeder 11 gasped: one or two per transformer, on 24 of its 30.
  std::vector<std::int64_t> gasps;
  for (std::int64_t t = 0; t < 24; ++t) {
    gasps.push_back(point_id(11, t, t % kPointsPerTransformer));
    if (t % 2 == 0) gasps.push_back(point_id(11, t, (t + 5) % kPointsPerTransformer));
  }
  // And, elsewhere, a transformer of feeder 12 and a single home of feeder 10.
  gasps.push_back(point_id(12, 3, 0));
  gasps.push_back(point_id(12, 3, 6));
  gasps.push_back(point_id(10, 20, 2));
  auto predicted = predict_outages(topology, gasps);
  ASSERT_EQ(predicted.size(), 3u);
  EXPECT_EQ(predicted[0].kind, DeviceKind::feeder);
  EXPECT_EQ(predicted[0].device_id, 11);
  EXPECT_EQ(predicted[0].customers, 30 * kPointsPerTransformer);
  EXPECT_EQ(predicted[0].signalled.size(), 36u) << "every gasp of the feeder, none twice";
  EXPECT_EQ(predicted[1].kind, DeviceKind::transformer);
  EXPECT_EQ(predicted[1].device_id, transformer_id(12, 3));
  EXPECT_EQ(predicted[2].kind, DeviceKind::service_point);
  EXPECT_EQ(predicted[2].device_id, point_id(10, 20, 2));
}

TEST(Prediction, TwoTransformersOfAFeederAreNotTheFeeder) {
  const Topology topology = three_feeders();
  auto predicted = predict_outages(
      topology, {point_id(10, 1, 0), point_id(10, 1, 1), point_id(10, 2, 0), point_id(10, 2, 1)});
  ASSERT_EQ(predicted.size(), 2u);
  EXPECT_EQ(predicted[0].kind, DeviceKind::transformer);
  EXPECT_EQ(predicted[1].kind, DeviceKind::transformer);
}

TEST(Prediction, FeedersOutTogetherPredictTheirSubstation) {
  const Topology topology = three_feeders();
  std::vector<std::int64_t> gasps;
  for (std::int64_t feeder : {10, 12}) {
    for (std::int64_t t = 0; t < 30; t += 3) gasps.push_back(point_id(feeder, t, 4));
  }
  auto predicted = predict_outages(topology, gasps);
  ASSERT_EQ(predicted.size(), 1u);
  EXPECT_EQ(predicted[0].kind, DeviceKind::substation);
  EXPECT_EQ(predicted[0].device_id, 1);
  EXPECT_EQ(predicted[0].customers, 3 * 30 * kPointsPerTransformer);
  EXPECT_EQ(predicted[0].signalled.size(), gasps.size());
}

TEST(Prediction, APointTheNetworkDoesNotKnowIsItsOwnOutageAndRulesAreTheUtilitys) {
  Topology topology = three_feeders();
  auto unknown = predict_outages(topology, {999'999});
  ASSERT_EQ(unknown.size(), 1u);
  EXPECT_EQ(unknown[0].kind, DeviceKind::service_point);
  EXPECT_TRUE(predict_outages(topology, {}).empty());
  // A stricter utility wants three homes before it blames a transformer.
  PredictionRules strict;
  strict.transformer_points = 3;
  auto two = predict_outages(topology, {point_id(10, 4, 1), point_id(10, 4, 9)}, strict);
  ASSERT_EQ(two.size(), 2u);
  EXPECT_EQ(two[0].kind, DeviceKind::service_point);
  EXPECT_STREQ(device_kind_name(DeviceKind::feeder), "feeder");
}

}  // namespace
}  // namespace rp::outages
