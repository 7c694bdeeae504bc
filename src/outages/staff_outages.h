#pragma once
// Outages staff open themselves, rather than the prediction pass: planned work announced ahead
// (electric or not), and outages reported by a crew or a caller, such as a water main break.
//
//  * On an electric device (a transformer, feeder, substation or one home's service point): every
//    point under it.
//  * On an area, for water, gas and sewer (which have no network model) or electric: the service
//    points of that commodity at the premises of a ZIP code's streets ("Oak St", matched without
//    the house number, any case), or inside a polygon of positions (premises without a position
//    are not in any polygon).
//  * Planned: starts from 1 minute to 60 days ahead and ends within 72 hours of its start (the end
//    is its ETR); the homes are told ahead (announcements.h "planned") and are dark only from the
//    start (status lookups show it once it has begun; each home's status page shows it ahead).
//    Not planned: began now or earlier; an ETR may be given (else the history's).
//  * Opened confirmed (staff know it is real), by the staff member; an unplanned one on a device
//    takes in the open outages sharing its dark homes and is announced as detected.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/result.h"
#include "core/time.h"
#include "outages/outages.h"
#include "store/database.h"

namespace rp::outages {

struct OutageArea {
  std::string commodity;             // electric, water, gas, sewer
  std::string zip;                   // with streets (and may narrow a polygon)
  std::vector<std::string> streets;  // "Oak St"
  std::vector<std::pair<std::int64_t, std::int64_t>> polygon;  // micro-degrees: latitude, longitude
};

struct NewStaffOutage {
  bool planned = false;
  std::optional<DeviceKind> device_kind;  // with device_id: an electric device
  std::int64_t device_id = 0;
  std::optional<OutageArea> area;  // or an area
  std::optional<Instant> starts_at, ends_at;
  std::optional<OutageCause> cause;  // default: planned for planned work, else unknown
  std::string public_note;           // 0-500 characters
};

inline constexpr int kLongestPlannedNoticeDays = 60;
inline constexpr int kLongestPlannedHours = 72;
inline constexpr std::size_t kMostAreaStreets = 50;
inline constexpr std::size_t kMostPolygonCorners = 200;

// Errors (nothing written): invalid_input naming device (neither or both of device and area, an
// unknown device, nothing under it), area (an unknown commodity, streets without a ZIP code, a
// polygon of fewer than 3 or more than 200 corners or outside the globe, no service point of the
// commodity in it), starts_at, ends_at, public_note.
Result<Outage> open_staff_outage(store::Database& database, const NewStaffOutage& outage,
                                 const std::string& actor);

// Whether the point (micro-degrees) lies inside the polygon (even-odd rule). Pure.
bool inside_polygon(std::int64_t latitude, std::int64_t longitude,
                    const std::vector<std::pair<std::int64_t, std::int64_t>>& polygon);

// "1204 Elm St" -> "elm st": the street of an address line, without its house number, folded.
std::string street_of(std::string_view line1);

}  // namespace rp::outages
