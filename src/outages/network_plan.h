#pragma once
// Drawing an electric network over premises that have none (pure): what `ratepayer generate`
// gives a synthetic utility so that outages have devices to happen on, and a real utility's data
// can be compared against. Realistic in shape, not in engineering:
//
//  * a distribution transformer serves 10 to 15 neighbouring homes: the electric service points
//    of one ZIP code in street order (street name, then house number), in runs of 10-15 (the last
//    run of a ZIP code may be shorter);
//  * a feeder carries 20 to 40 transformers of one city, a substation 2 to 4 feeders of it;
//  * each premise has a position: its ZIP code's centre (real Oregon towns; any other ZIP code a
//    fixed point derived from it) with its street a row about 100 m apart and its house number
//    along it; a transformer sits at the middle of its premises.
//
// The same points and seed always draw the same network.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace rp::outages {

// A position in micro-degrees (44.052069 N = 44'052'069; west is negative).
struct Position {
  std::int64_t latitude_micro = 0;
  std::int64_t longitude_micro = 0;
  bool operator==(const Position&) const = default;
};

// An electric service point without a transformer, at its premise.
struct PointToPlace {
  std::int64_t service_point_id = 0;
  std::int64_t premise_id = 0;
  std::string line1;  // "1204 Elm St"
  std::string city;
  std::string zip;
};

struct PlannedSubstation {
  std::string name;  // "Eugene 1"
};

struct PlannedFeeder {
  std::string name;            // "Eugene 1-F2"
  std::size_t substation = 0;  // index into NetworkPlan::substations
};

struct PlannedTransformer {
  std::string name;                 // "T-97401-0007"
  std::size_t feeder = 0;           // index into NetworkPlan::feeders
  std::vector<std::size_t> points;  // indices into the points planned
  Position position;                // the middle of its premises
};

struct NetworkPlan {
  std::vector<PlannedSubstation> substations;
  std::vector<PlannedFeeder> feeders;
  std::vector<PlannedTransformer> transformers;
  std::vector<Position> positions;  // per point, as given
};

// Plans the network of `points`. New substations of a city are numbered after those it has
// (`substations_per_city`: "Eugene" -> 3 makes the next "Eugene 4"), so names stay unique when
// premises are added later; transformer names carry the ZIP code and their first point's id.
NetworkPlan plan_network(const std::vector<PointToPlace>& points, std::uint64_t seed,
                         const std::map<std::string, int>& substations_per_city = {});

// The position of a premise at `line1` in `zip` (as plan_network places it).
Position premise_position(const std::string& line1, const std::string& zip);

}  // namespace rp::outages
