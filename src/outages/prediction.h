#pragma once
// Outage prediction (pure): which device is out, from the premises that said so. A customer's
// report and an AMI meter's "last gasp" both say a service point lost power; where many of them
// sit under one device, the device is the likelier cause than many separate faults:
//
//  * a transformer is predicted out when at least `transformer_points` of its service points
//    signalled and they are at least `transformer_percent` of its points (one home of a shared
//    transformer is that home's own problem: a breaker, a service drop);
//  * a feeder, when at least `feeder_transformers` of its transformers have a signalling point and
//    they are at least `feeder_percent` of its transformers (last gasps reach the head-end from a
//    fraction of the meters, so a feeder's outage shows as a scatter of single signals across many
//    transformers, not as each transformer's quorum);
//  * a substation, when at least `substation_feeders` of its feeders are predicted out;
//  * anything signalled and not under a predicted device is that premise's own outage.
//
// The highest device predicted covers what is under it (a feeder's outage includes its
// transformers'); each signalling point is in exactly one predicted outage.

#include <cstdint>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace rp::outages {

// `area`: water, gas or sewer points by streets or a polygon (never predicted; staff open it).
enum class DeviceKind { service_point, transformer, feeder, substation, area };
const char* device_kind_name(DeviceKind kind);  // "service_point", "transformer", ...
std::optional<DeviceKind> parse_device_kind(std::string_view text);

// The electric network as prediction sees it: each service point's transformer, each
// transformer's feeder, each feeder's substation (0: none known).
struct Topology {
  std::unordered_map<std::int64_t, std::int64_t> transformer_of_point;
  std::unordered_map<std::int64_t, std::int64_t> feeder_of_transformer;
  std::unordered_map<std::int64_t, std::int64_t> substation_of_feeder;

  // The counts under each device (filled by index()).
  std::unordered_map<std::int64_t, std::int64_t> points_on_transformer;
  std::unordered_map<std::int64_t, std::int64_t> transformers_on_feeder;
  std::unordered_map<std::int64_t, std::int64_t> feeders_on_substation;
  std::unordered_map<std::int64_t, std::int64_t> points_on_feeder;
  std::unordered_map<std::int64_t, std::int64_t> points_on_substation;

  // Counts what is under each device; call once the three maps are filled.
  void index();
};

struct PredictionRules {
  int transformer_points = 2;
  int transformer_percent = 10;
  int feeder_transformers = 3;
  int feeder_percent = 25;
  int substation_feeders = 2;
};

struct PredictedOutage {
  DeviceKind kind = DeviceKind::service_point;
  std::int64_t device_id = 0;           // the service point's, transformer's, ... id
  std::int64_t customers = 0;           // service points under it
  std::vector<std::int64_t> signalled;  // the signalling points it explains, ascending
};

// The outages that explain `signalled_points` (service point ids, any order, repeats ignored), the
// largest first (then by kind and id). A point unknown to the topology is its own outage.
std::vector<PredictedOutage> predict_outages(const Topology& topology,
                                             const std::vector<std::int64_t>& signalled_points,
                                             const PredictionRules& rules = {});

}  // namespace rp::outages
