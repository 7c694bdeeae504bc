#pragma once
// The map of affected areas customers see: counts per area, never single houses. Drawn from the
// utility's own data (premise positions and ZIP codes), so no third-party map is needed:
//
//  * an **area** is a ZIP code with its town: how many of its homes are out (about: exact below
//    20, else to the nearest ten), of how many served, in how many outages, the cause of the
//    outage leaving most of them dark, and when the last of them should be back (none when any
//    of its outages has no ETR yet);
//  * a **cell** is a square of kCellMicroDegrees (about 1 km) with at least
//    kPublicMinimumCustomers homes out, for the shading;
//  * only outages a public lookup may see count (at least kPublicMinimumCustomers customers).
//
// Pure: the status board (status_board.h) draws it from each snapshot.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "outages/outages.h"

namespace rp::outages {

inline constexpr std::int64_t kPublicMinimumCustomers = 5;
inline constexpr std::int64_t kCellMicroDegrees = 10'000;  // 0.01 degree: about 1.1 km north-south

// "About" how many customers: exact below 20, else to the nearest ten (what customers are told).
std::int64_t about_how_many(std::int64_t customers);

// A box in micro-degrees.
struct MapBox {
  std::int64_t south = 0, west = 0, north = 0, east = 0;
};

// A ZIP code the utility serves electricity in, with where its homes are.
struct ServedArea {
  std::string zip, city, state;
  std::int64_t homes = 0;
  MapBox box;
};

// A premise left dark, and the outage it is dark in (index into the outages given).
struct DarkPremise {
  std::int64_t premise_id = 0;
  std::size_t outage = 0;
  std::optional<std::int64_t> latitude_micro, longitude_micro;
  std::string zip;
};

struct MapArea {
  ServedArea area;
  std::int64_t customers_out = 0;  // about
  std::int64_t outages = 0;
  std::string etr;  // "" none yet
  OutageCause cause = OutageCause::unknown;
};

struct MapCell {
  MapBox box;
  std::int64_t customers_out = 0;  // about
};

struct OutageMap {
  std::optional<MapBox> bounds;    // every served area; none when no premise has a position
  std::int64_t customers_out = 0;  // about, over every area
  std::vector<MapArea> areas;      // areas with homes out, the most out first
  std::vector<MapCell> cells;      // south to north, west to east
};

// `dark` lists each premise once (in the outage that says most about it).
OutageMap draw_outage_map(const std::vector<Outage>& outages, const std::vector<DarkPremise>& dark,
                          const std::vector<ServedArea>& served);

}  // namespace rp::outages
