#include "outages/network_plan.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <string_view>
#include <tuple>

namespace rp::outages {
namespace {

struct ZipCentre {
  std::string_view zip;
  std::int64_t latitude_micro;
  std::int64_t longitude_micro;
};

// Rough centres of the synthetic territory's ZIP codes (app/names.cc).
constexpr std::array kZipCentres{
    ZipCentre{"97401", 44'060'000, -123'080'000}, ZipCentre{"97402", 44'050'000, -123'160'000},
    ZipCentre{"97403", 44'030'000, -123'050'000}, ZipCentre{"97404", 44'100'000, -123'130'000},
    ZipCentre{"97405", 44'000'000, -123'100'000}, ZipCentre{"97477", 44'060'000, -123'010'000},
    ZipCentre{"97478", 44'045'000, -122'930'000}, ZipCentre{"97701", 44'090'000, -121'300'000},
    ZipCentre{"97702", 44'030'000, -121'300'000}, ZipCentre{"97703", 44'080'000, -121'360'000},
    ZipCentre{"97501", 42'330'000, -122'900'000}, ZipCentre{"97504", 42'330'000, -122'800'000},
    ZipCentre{"97330", 44'600'000, -123'270'000}, ZipCentre{"97333", 44'530'000, -123'270'000},
    ZipCentre{"97321", 44'630'000, -123'100'000}, ZipCentre{"97470", 43'220'000, -123'350'000},
    ZipCentre{"97526", 42'460'000, -123'330'000}, ZipCentre{"97527", 42'400'000, -123'380'000},
    ZipCentre{"97601", 42'230'000, -121'790'000}, ZipCentre{"97603", 42'190'000, -121'720'000},
    ZipCentre{"97756", 44'270'000, -121'170'000}, ZipCentre{"97520", 42'190'000, -122'700'000},
    ZipCentre{"97424", 43'790'000, -123'060'000}, ZipCentre{"97439", 43'970'000, -124'100'000},
};

constexpr std::int64_t kStreetSpacingMicro = 900;  // about 100 m of latitude between streets
constexpr std::int64_t kNumberSpacingMicro = 12;   // about 1 m of longitude per house number

// FNV-1a: a stable hash of a name (the standard library's may differ between builds).
std::uint64_t stable_hash(std::string_view text) {
  std::uint64_t hash = 1469598103934665603ULL;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 1099511628211ULL;
  }
  return hash;
}

std::uint64_t mix(std::uint64_t state) {
  std::uint64_t z = state + 0x9E3779B97F4A7C15ULL;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

// A run length in [low, high], the n-th drawn for `key` under `seed`.
std::size_t draw(std::uint64_t seed, std::string_view key, std::size_t n, std::size_t low,
                 std::size_t high) {
  const std::uint64_t value = mix(seed ^ stable_hash(key) ^ (n * 0x632BE59BD9B4E019ULL));
  return low + static_cast<std::size_t>(value % (high - low + 1));
}

// "1204 Elm St" -> (1204, "Elm St"); no leading number -> (0, the whole line).
std::pair<std::int64_t, std::string> number_and_street(const std::string& line1) {
  std::size_t digits = 0;
  while (digits < line1.size() && digits < 9 && line1[digits] >= '0' && line1[digits] <= '9') {
    ++digits;
  }
  if (digits == 0) return {0, line1};
  std::size_t street = digits;
  while (street < line1.size() && line1[street] == ' ') ++street;
  return {std::stoll(line1.substr(0, digits)), line1.substr(street)};
}

Position zip_centre(const std::string& zip) {
  const std::string five = zip.substr(0, 5);
  for (const ZipCentre& centre : kZipCentres) {
    if (centre.zip == five) return {centre.latitude_micro, centre.longitude_micro};
  }
  // Elsewhere in Oregon's box, fixed by the ZIP code.
  const std::uint64_t hash = stable_hash(five);
  return {42'500'000 + static_cast<std::int64_t>(hash % 3'000'000),
          -123'500'000 + static_cast<std::int64_t>((hash >> 24) % 6'000'000)};
}

}  // namespace

Position premise_position(const std::string& line1, const std::string& zip) {
  const auto [number, street] = number_and_street(line1);
  const Position centre = zip_centre(zip);
  const auto row = static_cast<std::int64_t>(stable_hash(street) % 31) - 15;
  return {centre.latitude_micro + row * kStreetSpacingMicro,
          centre.longitude_micro + (number % 2000 - 1000) * kNumberSpacingMicro};
}

NetworkPlan plan_network(const std::vector<PointToPlace>& points, std::uint64_t seed,
                         const std::map<std::string, int>& substations_per_city) {
  NetworkPlan plan;
  plan.positions.reserve(points.size());
  for (const PointToPlace& point : points) {
    plan.positions.push_back(premise_position(point.line1, point.zip));
  }
  // Street order within each ZIP code, ZIP codes within each city.
  std::vector<std::size_t> order(points.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  auto key = [&](std::size_t i) {
    const auto [number, street] = number_and_street(points[i].line1);
    return std::make_tuple(points[i].city, points[i].zip.substr(0, 5), street, number,
                           points[i].service_point_id);
  };
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return key(a) < key(b); });

  // Transformers: runs of 10-15 within a ZIP code.
  std::vector<std::string> transformer_city;
  for (std::size_t at = 0; at < order.size();) {
    const std::string zip = points[order[at]].zip.substr(0, 5);
    std::size_t end = at;
    while (end < order.size() && points[order[end]].zip.substr(0, 5) == zip) ++end;
    std::size_t run = 0;
    while (at < end) {
      const std::size_t size = std::min(end - at, draw(seed, zip, run++, 10, 15));
      PlannedTransformer transformer;
      char number[24];
      std::snprintf(number, sizeof number, "%04lld",
                    static_cast<long long>(points[order[at]].service_point_id));
      transformer.name = "T-" + zip + "-" + number;
      std::int64_t latitude = 0;
      std::int64_t longitude = 0;
      for (std::size_t i = at; i < at + size; ++i) {
        transformer.points.push_back(order[i]);
        latitude += plan.positions[order[i]].latitude_micro;
        longitude += plan.positions[order[i]].longitude_micro;
      }
      const auto count = static_cast<std::int64_t>(size);
      transformer.position = {latitude / count, longitude / count};
      plan.transformers.push_back(std::move(transformer));
      transformer_city.push_back(points[order[at]].city);
      at += size;
    }
  }

  // Feeders of 20-40 transformers and substations of 2-4 feeders, within each city.
  std::map<std::string, int> substation_numbers = substations_per_city;
  for (std::size_t at = 0; at < plan.transformers.size();) {
    const std::string& city = transformer_city[at];
    std::size_t end = at;
    while (end < plan.transformers.size() && transformer_city[end] == city) ++end;
    std::size_t feeder_run = 0;
    std::size_t feeders_left = 0;
    int feeder_number = 0;
    while (at < end) {
      if (feeders_left == 0) {
        const int number = ++substation_numbers[city];
        plan.substations.push_back({city + " " + std::to_string(number)});
        feeders_left = draw(seed, city + "/substation", plan.substations.size(), 2, 4);
        feeder_number = 0;
      }
      const std::size_t size = std::min(end - at, draw(seed, city, feeder_run++, 20, 40));
      plan.feeders.push_back({plan.substations.back().name + "-F" + std::to_string(++feeder_number),
                              plan.substations.size() - 1});
      for (std::size_t i = at; i < at + size; ++i) {
        plan.transformers[i].feeder = plan.feeders.size() - 1;
      }
      --feeders_left;
      at += size;
    }
  }
  return plan;
}

}  // namespace rp::outages
