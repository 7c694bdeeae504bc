#include "outages/staff_outages.h"

#include <set>

#include "core/json_writer.h"
#include "core/text_fold.h"
#include "outages/announcements.h"
#include "outages/outage_moves.h"
#include "outages/outage_store.h"

namespace rp::outages {

using store::Null;
using store::Row;
using store::Session;
using store::Value;

namespace {

constexpr std::size_t kMostNote = 500;

Result<void> check_area(const OutageArea& area) {
  static const std::set<std::string> kCommodities{"electric", "water", "gas", "sewer"};
  if (!kCommodities.count(area.commodity)) {
    return invalid_input("area", "area.commodity is electric, water, gas or sewer");
  }
  if (area.streets.empty() == area.polygon.empty()) {
    return invalid_input("area", "an area is a ZIP code's streets or a polygon, one of the two");
  }
  if (!area.zip.empty() &&
      (area.zip.size() != 5 || area.zip.find_first_not_of("0123456789") != std::string::npos)) {
    return invalid_input("area", "area.zip is five digits");
  }
  if (!area.streets.empty()) {
    if (area.zip.empty()) return invalid_input("area", "streets are named with their ZIP code");
    if (area.streets.size() > kMostAreaStreets) {
      return invalid_input("area", "at most 50 streets");
    }
    for (const std::string& street : area.streets) {
      if (street_of(street).empty() || street.size() > 100) {
        return invalid_input("area", "each street is a name such as 'Oak St'");
      }
    }
  }
  if (!area.polygon.empty()) {
    if (area.polygon.size() < 3 || area.polygon.size() > kMostPolygonCorners) {
      return invalid_input("area", "a polygon has 3 to 200 corners");
    }
    for (const auto& [latitude, longitude] : area.polygon) {
      if (latitude < -90'000'000 || latitude > 90'000'000 || longitude < -180'000'000 ||
          longitude > 180'000'000) {
        return invalid_input("area", "each corner is [latitude, longitude] in degrees");
      }
    }
  }
  return success();
}

Result<void> check_times(const NewStaffOutage& outage, Instant asked) {
  if (outage.planned) {
    if (!outage.starts_at || !outage.ends_at) {
      return invalid_input(outage.starts_at ? "ends_at" : "starts_at",
                           "planned work says when it starts and ends");
    }
    if (*outage.starts_at <= asked ||
        *outage.starts_at > asked + std::chrono::days(kLongestPlannedNoticeDays)) {
      return invalid_input("starts_at", "planned work starts from now to 60 days ahead");
    }
    if (*outage.ends_at <= *outage.starts_at ||
        *outage.ends_at > *outage.starts_at + std::chrono::hours(kLongestPlannedHours)) {
      return invalid_input("ends_at", "planned work ends after it starts, within 72 hours");
    }
    return success();
  }
  if (outage.starts_at && *outage.starts_at > asked + std::chrono::minutes(1)) {
    return invalid_input("starts_at", "an outage that has not begun is planned work");
  }
  if (outage.ends_at &&
      (*outage.ends_at <= asked || *outage.ends_at > asked + std::chrono::days(kLongestEtrDays))) {
    return invalid_input("ends_at", "the estimated restoration is from now to 14 days ahead");
  }
  return success();
}

// "bond ln" -> "Bond Ln": a street as staff and customers read it, whatever case it was typed in.
std::string street_words(const std::string& street) {
  std::string words;
  bool start = true;
  for (char c : street) {
    if (c == ' ' || c == '\t') {
      if (!words.empty() && words.back() != ' ') words += ' ';
      start = true;
      continue;
    }
    words += start && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    start = false;
  }
  while (!words.empty() && words.back() == ' ') words.pop_back();
  return words;
}

std::string area_name(const OutageArea& area) {
  std::string name = area.commodity;
  if (!name.empty()) name[0] = static_cast<char>(name[0] - 'a' + 'A');
  name += ": ";
  if (area.streets.empty()) {
    name += "an area of " + std::to_string(area.polygon.size()) + " corners";
  } else {
    for (std::size_t i = 0; i < area.streets.size() && i < 3; ++i) {
      name += (i ? ", " : "") + street_words(area.streets[i]);
    }
    if (area.streets.size() > 3)
      name += " and " + std::to_string(area.streets.size() - 3) + " more";
  }
  if (!area.zip.empty()) name += " (" + area.zip + ")";
  return name;
}

std::string polygon_json(const OutageArea& area) {
  if (area.polygon.empty()) return "";
  JsonWriter out;
  out.begin_array();
  for (const auto& [latitude, longitude] : area.polygon) {
    out.begin_array().number(latitude).number(longitude).end_array();
  }
  out.end_array();
  return out.take();
}

std::string streets_text(const OutageArea& area) {
  std::string text;
  for (const std::string& street : area.streets) text += street + "\n";
  return text;
}

// The points of `area`'s commodity in it.
Result<std::vector<std::int64_t>> points_in_area(Session& session, const OutageArea& area) {
  auto rows =
      session.query_named("outages/points_of_commodity", {area.commodity, area.zip, area.zip});
  RP_TRY(rows);
  std::set<std::string> streets;
  for (const std::string& street : area.streets) streets.insert(street_of(street));
  std::vector<std::int64_t> points;
  for (const Row& row : *rows) {
    bool in = false;
    if (!streets.empty()) {
      in = streets.count(street_of(row.text("line1"))) > 0;
    } else if (!row.is_null("latitude_micro") && !row.is_null("longitude_micro")) {
      in = inside_polygon(row.integer("latitude_micro"), row.integer("longitude_micro"),
                          area.polygon);
    }
    if (in) points.push_back(row.integer("id"));
  }
  return points;
}

}  // namespace

std::string street_of(std::string_view line1) {
  std::string folded = fold_text(line1);
  // Drop a leading house number ("1204", "12b", "1204-a") and the spaces after it.
  std::size_t start = 0;
  if (!folded.empty() && folded[0] >= '0' && folded[0] <= '9') {
    start = folded.find(' ');
    if (start == std::string::npos) return "";
  }
  start = folded.find_first_not_of(' ', start);
  if (start == std::string::npos) return "";
  std::string street;
  bool space = false;
  for (std::size_t i = start; i < folded.size(); ++i) {
    const char c = folded[i];
    if (c == ' ') {
      space = true;
      continue;
    }
    if (space && !street.empty()) street += ' ';
    space = false;
    street += c;
  }
  return street;
}

bool inside_polygon(std::int64_t latitude, std::int64_t longitude,
                    const std::vector<std::pair<std::int64_t, std::int64_t>>& polygon) {
  bool inside = false;
  const std::size_t n = polygon.size();
  for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
    const auto [yi, xi] = polygon[i];
    const auto [yj, xj] = polygon[j];
    if ((yi > latitude) != (yj > latitude)) {
      // The edge's longitude at this latitude, compared without dividing (exact in integers).
      const __int128 lhs = static_cast<__int128>(longitude - xi) * (yj - yi);
      const __int128 rhs = static_cast<__int128>(xj - xi) * (latitude - yi);
      if ((yj > yi) ? lhs < rhs : lhs > rhs) inside = !inside;
    }
  }
  return inside;
}

Result<Outage> open_staff_outage(store::Database& database, const NewStaffOutage& outage,
                                 const std::string& actor) {
  const Instant asked = now();
  if (outage.device_kind.has_value() == outage.area.has_value()) {
    return invalid_input("device",
                         "name a device of the electric network or an area, one of the two");
  }
  if (outage.device_kind == DeviceKind::area) {
    return invalid_input("device", "an area is given as area, not as a device");
  }
  if (outage.area) RP_TRY(check_area(*outage.area));
  RP_TRY(check_times(outage, asked));
  if (utf8_characters(outage.public_note) > kMostNote) {
    return invalid_input("public_note", "at most 500 characters");
  }
  return database.write<Outage>([&](Session& session) -> Result<Outage> {
    const std::string at = format_instant(asked);
    NewOutage opened;
    if (outage.area) {
      auto points = points_in_area(session, *outage.area);
      RP_TRY(points);
      if (points->empty()) {
        return invalid_input("area",
                             "no " + outage.area->commodity + " service point is in that area");
      }
      auto area =
          session.query_named("outages/insert_outage_area",
                              {outage.area->commodity, outage.area->zip, streets_text(*outage.area),
                               polygon_json(*outage.area), area_name(*outage.area), at});
      RP_TRY(area);
      opened.kind = DeviceKind::area;
      opened.device_id = area->at(0).integer(0);
      opened.points = std::move(*points);
    } else {
      auto points = points_under(session, *outage.device_kind, outage.device_id);
      RP_TRY(points);
      if (*outage.device_kind == DeviceKind::service_point) {
        auto exists = session.query_named("outages/electric_point_by_id", {outage.device_id});
        RP_TRY(exists);
        if (exists->empty()) points->clear();
      }
      if (points->empty()) {
        return invalid_input("device", "no electric service point is under that device");
      }
      opened.kind = *outage.device_kind;
      opened.device_id = outage.device_id;
      opened.points = std::move(*points);
    }
    opened.began_at = format_instant(outage.starts_at.value_or(asked));
    opened.note = outage.planned ? "planned work, opened by staff" : "opened by staff";
    opened.take_in = !outage.planned;
    opened.announce = false;  // announced below, once it is confirmed and has its words
    opened.estimate_etr = !outage.ends_at;  // staff's own end or ETR, not the history's
    auto made = open_outage(session, opened, actor, at);
    RP_TRY(made);
    const OutageCause cause =
        outage.cause.value_or(outage.planned ? OutageCause::planned : OutageCause::unknown);
    RP_TRY(session.execute_named(
        "outages/open_staff_outage",
        {std::int64_t{outage.planned ? 1 : 0},
         outage.planned ? Value{format_instant(*outage.ends_at)} : Value{Null{}},
         std::string(cause_name(cause)), outage.public_note, at, made->id}));
    RP_TRY(record_move(session, made->id, "confirm", "reported", "confirmed", "", actor, at));
    if (outage.ends_at) {
      const std::string etr = format_instant(*outage.ends_at);
      RP_TRY(session.execute_named("outages/set_outage_etr", {etr, actor, at, made->id}));
      RP_TRY(session.execute_named(
          "outages/insert_outage_etr_move",
          {made->id, std::string("confirmed"), std::string("confirmed"),
           std::string(outage.planned ? "the planned end" : "set when opened"), etr, actor, at}));
    }
    if (outage.planned) {
      RP_TRY(announce(session, made->id, Announcement::planned, actor, at));
    } else if (opened.kind != DeviceKind::service_point) {
      RP_TRY(announce(session, made->id, Announcement::detected, actor, at));
    }
    return read_outage(session, made->id);
  });
}

}  // namespace rp::outages
