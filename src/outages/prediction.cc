#include "outages/prediction.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace rp::outages {
namespace {

std::int64_t found_or_zero(const std::unordered_map<std::int64_t, std::int64_t>& map,
                           std::int64_t key) {
  auto found = map.find(key);
  return found == map.end() ? 0 : found->second;
}

// At least `least` and at least `percent` of `of`.
bool enough(std::int64_t count, std::int64_t of, int least, int percent) {
  return count >= least && count * 100 >= of * percent;
}

int rank(DeviceKind kind) {
  switch (kind) {
    case DeviceKind::substation:
      return 0;
    case DeviceKind::feeder:
      return 1;
    case DeviceKind::transformer:
      return 2;
    case DeviceKind::service_point:
    case DeviceKind::area:  // never predicted
      return 3;
  }
  return 3;
}

}  // namespace

const char* device_kind_name(DeviceKind kind) {
  switch (kind) {
    case DeviceKind::service_point:
      return "service_point";
    case DeviceKind::transformer:
      return "transformer";
    case DeviceKind::feeder:
      return "feeder";
    case DeviceKind::substation:
      return "substation";
    case DeviceKind::area:
      return "area";
  }
  return "service_point";
}

std::optional<DeviceKind> parse_device_kind(std::string_view text) {
  for (DeviceKind kind : {DeviceKind::service_point, DeviceKind::transformer, DeviceKind::feeder,
                          DeviceKind::substation, DeviceKind::area}) {
    if (text == device_kind_name(kind)) return kind;
  }
  return std::nullopt;
}

void Topology::index() {
  points_on_transformer.clear();
  transformers_on_feeder.clear();
  feeders_on_substation.clear();
  points_on_feeder.clear();
  points_on_substation.clear();
  for (const auto& [point, transformer] : transformer_of_point)
    ++points_on_transformer[transformer];
  for (const auto& [transformer, feeder] : feeder_of_transformer) ++transformers_on_feeder[feeder];
  for (const auto& [feeder, substation] : substation_of_feeder) ++feeders_on_substation[substation];
  for (const auto& [transformer, points] : points_on_transformer) {
    const std::int64_t feeder = found_or_zero(feeder_of_transformer, transformer);
    if (feeder == 0) continue;
    points_on_feeder[feeder] += points;
    const std::int64_t substation = found_or_zero(substation_of_feeder, feeder);
    if (substation != 0) points_on_substation[substation] += points;
  }
}

std::vector<PredictedOutage> predict_outages(const Topology& topology,
                                             const std::vector<std::int64_t>& signalled_points,
                                             const PredictionRules& rules) {
  const std::set<std::int64_t> points(signalled_points.begin(), signalled_points.end());
  // Signalling points by transformer, transformers with a signal by feeder.
  std::map<std::int64_t, std::vector<std::int64_t>> by_transformer;
  std::vector<std::int64_t> on_their_own;
  for (std::int64_t point : points) {
    const std::int64_t transformer = found_or_zero(topology.transformer_of_point, point);
    if (transformer == 0) {
      on_their_own.push_back(point);
    } else {
      by_transformer[transformer].push_back(point);
    }
  }
  std::map<std::int64_t, std::vector<std::int64_t>> transformers_by_feeder;
  for (const auto& [transformer, signalled] : by_transformer) {
    transformers_by_feeder[found_or_zero(topology.feeder_of_transformer, transformer)].push_back(
        transformer);
  }
  std::set<std::int64_t> feeders_out;
  for (const auto& [feeder, transformers] : transformers_by_feeder) {
    if (feeder == 0) continue;
    const std::int64_t on_feeder = found_or_zero(topology.transformers_on_feeder, feeder);
    if (enough(static_cast<std::int64_t>(transformers.size()), on_feeder, rules.feeder_transformers,
               rules.feeder_percent)) {
      feeders_out.insert(feeder);
    }
  }
  std::map<std::int64_t, std::vector<std::int64_t>> feeders_by_substation;
  for (std::int64_t feeder : feeders_out) {
    const std::int64_t substation = found_or_zero(topology.substation_of_feeder, feeder);
    if (substation != 0) feeders_by_substation[substation].push_back(feeder);
  }
  std::map<std::int64_t, std::int64_t> substation_of_out_feeder;
  for (const auto& [substation, feeders] : feeders_by_substation) {
    if (static_cast<int>(feeders.size()) < rules.substation_feeders) continue;
    for (std::int64_t feeder : feeders) substation_of_out_feeder[feeder] = substation;
  }

  std::map<std::tuple<int, std::int64_t>, PredictedOutage> outages;
  auto explain = [&](DeviceKind kind, std::int64_t id, std::int64_t customers,
                     const std::vector<std::int64_t>& signalled) {
    auto [at, added] = outages.try_emplace({rank(kind), id});
    PredictedOutage& outage = at->second;
    if (added) {
      outage.kind = kind;
      outage.device_id = id;
      outage.customers = customers;
    }
    outage.signalled.insert(outage.signalled.end(), signalled.begin(), signalled.end());
  };
  for (const auto& [transformer, signalled] : by_transformer) {
    const std::int64_t feeder = found_or_zero(topology.feeder_of_transformer, transformer);
    if (auto substation = substation_of_out_feeder.find(feeder);
        substation != substation_of_out_feeder.end()) {
      explain(DeviceKind::substation, substation->second,
              found_or_zero(topology.points_on_substation, substation->second), signalled);
    } else if (feeders_out.count(feeder)) {
      explain(DeviceKind::feeder, feeder, found_or_zero(topology.points_on_feeder, feeder),
              signalled);
    } else {
      const std::int64_t on_transformer =
          found_or_zero(topology.points_on_transformer, transformer);
      if (enough(static_cast<std::int64_t>(signalled.size()), on_transformer,
                 rules.transformer_points, rules.transformer_percent)) {
        explain(DeviceKind::transformer, transformer, on_transformer, signalled);
      } else {
        for (std::int64_t point : signalled) explain(DeviceKind::service_point, point, 1, {point});
      }
    }
  }
  for (std::int64_t point : on_their_own) explain(DeviceKind::service_point, point, 1, {point});

  std::vector<PredictedOutage> predicted;
  predicted.reserve(outages.size());
  for (auto& [key, outage] : outages) {
    std::sort(outage.signalled.begin(), outage.signalled.end());
    predicted.push_back(std::move(outage));
  }
  std::stable_sort(
      predicted.begin(), predicted.end(),
      [](const PredictedOutage& a, const PredictedOutage& b) { return a.customers > b.customers; });
  return predicted;
}

}  // namespace rp::outages
