#include "outages/outage_map.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

namespace rp::outages {
namespace {

std::int64_t floor_to_cell(std::int64_t micro) {
  const std::int64_t cell = micro / kCellMicroDegrees;
  return (micro % kCellMicroDegrees != 0 && micro < 0 ? cell - 1 : cell) * kCellMicroDegrees;
}

struct AreaTally {
  std::int64_t out = 0;
  std::map<std::size_t, std::int64_t> by_outage;  // dark homes per outage
};

}  // namespace

std::int64_t about_how_many(std::int64_t customers) {
  return customers < 20 ? customers : (customers + 5) / 10 * 10;
}

OutageMap draw_outage_map(const std::vector<Outage>& outages, const std::vector<DarkPremise>& dark,
                          const std::vector<ServedArea>& served) {
  OutageMap map;
  for (const ServedArea& area : served) {
    if (!map.bounds) {
      map.bounds = area.box;
      continue;
    }
    map.bounds->south = std::min(map.bounds->south, area.box.south);
    map.bounds->west = std::min(map.bounds->west, area.box.west);
    map.bounds->north = std::max(map.bounds->north, area.box.north);
    map.bounds->east = std::max(map.bounds->east, area.box.east);
  }

  std::map<std::string, AreaTally> by_zip;
  std::map<std::pair<std::int64_t, std::int64_t>, std::int64_t> by_cell;
  std::int64_t total = 0;
  for (const DarkPremise& premise : dark) {
    if (premise.outage >= outages.size()) continue;
    if (outages[premise.outage].customers_out < kPublicMinimumCustomers) continue;
    ++total;
    AreaTally& tally = by_zip[premise.zip];
    ++tally.out;
    ++tally.by_outage[premise.outage];
    if (premise.latitude_micro && premise.longitude_micro) {
      ++by_cell[{floor_to_cell(*premise.latitude_micro), floor_to_cell(*premise.longitude_micro)}];
    }
  }
  map.customers_out = about_how_many(total);

  for (const ServedArea& area : served) {
    auto tally = by_zip.find(area.zip);
    if (tally == by_zip.end()) continue;
    MapArea shown;
    shown.area = area;
    shown.customers_out = about_how_many(tally->second.out);
    shown.outages = static_cast<std::int64_t>(tally->second.by_outage.size());
    std::int64_t most = 0;
    bool every_etr = true;
    for (const auto& [index, homes] : tally->second.by_outage) {
      const Outage& outage = outages[index];
      if (homes > most) {
        most = homes;
        shown.cause = outage.cause;
      }
      if (outage.etr.empty()) every_etr = false;
      shown.etr = std::max(shown.etr, outage.etr);  // ISO instants order as text
    }
    if (!every_etr) shown.etr.clear();
    map.areas.push_back(std::move(shown));
  }
  std::stable_sort(map.areas.begin(), map.areas.end(), [](const MapArea& a, const MapArea& b) {
    return a.customers_out > b.customers_out;
  });

  for (const auto& [corner, homes] : by_cell) {
    if (homes < kPublicMinimumCustomers) continue;
    MapCell cell;
    cell.box = {corner.first, corner.second, corner.first + kCellMicroDegrees,
                corner.second + kCellMicroDegrees};
    cell.customers_out = about_how_many(homes);
    map.cells.push_back(cell);
  }
  return map;
}

}  // namespace rp::outages
