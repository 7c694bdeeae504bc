#include "outages/outages.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "notify/phone_number.h"
#include "store/bulk_insert.h"
#include "store/utility_settings.h"

namespace rp::outages {
namespace {

using store::Null;
using store::Row;
using store::Session;
using store::Value;

constexpr std::size_t kMostEvents = 10'000;
constexpr const char* kSystem = "system:outages";

std::optional<DeviceKind> parse_device_kind(std::string_view text) {
  for (DeviceKind kind : {DeviceKind::service_point, DeviceKind::transformer, DeviceKind::feeder,
                          DeviceKind::substation}) {
    if (text == device_kind_name(kind)) return kind;
  }
  return std::nullopt;
}

std::string optional_text(const Row& row, const char* column) {
  return row.is_null(column) ? "" : row.text(column);
}

Result<Outage> outage_from(const Row& row) {
  Outage outage;
  outage.id = row.integer("id");
  outage.number = outage_number(outage.id);
  auto status = parse_status(row.text("status"));
  auto cause = parse_cause(row.text("cause"));
  auto device = parse_device_kind(row.text("device_kind"));
  if (!status || !cause || !device) {
    return internal_error("outage " + outage.number + " has an unknown status, cause or device");
  }
  outage.status = *status;
  outage.cause = *cause;
  outage.device_kind = *device;
  outage.device_id = row.integer("device_id");
  outage.planned = row.integer("planned") != 0;
  outage.began_at = row.text("began_at");
  outage.etr = optional_text(row, "etr");
  outage.crew = optional_text(row, "crew");
  outage.public_note = row.text("public_note");
  outage.customers_out = row.integer("customers_out");
  outage.customers_total = row.integer("customers_total");
  outage.updated_at = row.text("updated_at");
  outage.restored_at = optional_text(row, "restored_at");
  return outage;
}

Result<std::optional<Outage>> open_outage_of_point(Session& session, std::int64_t point) {
  auto rows = session.query_named("outages/open_outage_of_point", {point});
  RP_TRY(rows);
  if (rows->empty()) return std::optional<Outage>{};
  auto outage = outage_from(rows->at(0));
  RP_TRY(outage);
  return std::optional<Outage>{std::move(*outage)};
}

Result<std::int64_t> electric_point(Session& session, std::int64_t premise_id) {
  auto point = session.query_named("outages/electric_point_of_premise", {premise_id});
  RP_TRY(point);
  if (point->empty()) {
    return invalid_input("premise", "we do not serve electricity at that address");
  }
  return point->at(0).integer("id");
}

Result<void> check_report(const OutageReport& report) {
  if (report.details.size() > kMostDetails) {
    return invalid_input("details", "at most 1,000 characters");
  }
  if (report.premise_id <= 0) return invalid_input("premise", "say which address is out");
  return success();
}

Result<std::vector<std::int64_t>> points_under(Session& session, DeviceKind kind,
                                               std::int64_t device) {
  if (kind == DeviceKind::service_point) return std::vector<std::int64_t>{device};
  const char* query = kind == DeviceKind::transformer ? "outages/points_under_transformer"
                      : kind == DeviceKind::feeder    ? "outages/points_under_feeder"
                                                      : "outages/points_under_substation";
  auto rows = session.query_named(query, {device});
  RP_TRY(rows);
  std::vector<std::int64_t> points;
  points.reserve(rows->size());
  for (const Row& row : *rows) points.push_back(row.integer("id"));
  return points;
}

Result<void> record_move(Session& session, std::int64_t outage, std::string_view action,
                         std::string_view from, std::string_view to, const std::string& note,
                         const std::string& actor, const std::string& at) {
  RP_TRY(session.execute_named("outages/insert_outage_move",
                               {outage, std::string(action), std::string(from), std::string(to),
                                note, Value{Null{}}, actor, at}));
  return success();
}

struct Opened {
  std::int64_t id = 0;
  std::int64_t merged = 0;  // open outages taken in
};

// Opens an outage on `predicted`'s device, listing every point under it as out, and takes in the
// open outages under it.
Result<Opened> open_outage(Session& session, const PredictedOutage& predicted,
                           const std::map<std::int64_t, std::string>& began,
                           const std::string& at) {
  auto points = points_under(session, predicted.kind, predicted.device_id);
  RP_TRY(points);
  if (points->empty()) points->push_back(predicted.device_id);  // a device with nothing listed
  std::string first = at;
  for (std::int64_t point : predicted.signalled) {
    auto when = began.find(point);
    if (when != began.end()) first = std::min(first, when->second);
  }
  const auto customers = static_cast<std::int64_t>(points->size());
  auto inserted = session.query_named(
      "outages/insert_outage", {std::string(device_kind_name(predicted.kind)), predicted.device_id,
                                first, customers, customers, std::string(kSystem), at, at});
  RP_TRY(inserted);
  const std::int64_t outage = inserted->at(0).integer(0);
  std::vector<store::Params> rows;
  rows.reserve(points->size());
  for (std::int64_t point : *points) rows.push_back({outage, point, first});
  static const store::BulkTable kPoints{"outage_points",
                                        {"outage_id", "service_point_id", "out_since"}};
  RP_TRY(store::bulk_insert(session, kPoints, rows));
  RP_TRY(record_move(session, outage, "predict", "reported", "reported",
                     std::to_string(predicted.signalled.size()) + " signals under " +
                         device_kind_name(predicted.kind) + " " +
                         std::to_string(predicted.device_id),
                     kSystem, at));
  auto under = session.query_named("outages/outages_dark_at_points_of", {outage, outage});
  RP_TRY(under);
  for (const Row& row : *under) {
    const std::int64_t smaller = row.integer("outage_id");
    RP_TRY(session.execute_named("outages/merge_outage", {outage, at, smaller}));
    RP_TRY(session.execute_named("outages/move_signals", {outage, smaller}));
    RP_TRY(record_move(session, smaller, "merge", "reported", "merged",
                       "taken into " + outage_number(outage), kSystem, at));
    RP_TRY(session.execute_named("outages/insert_outage_count", {smaller, at, std::int64_t{0}}));
  }
  RP_TRY(session.execute_named("outages/insert_outage_count", {outage, at, customers}));
  return Opened{outage, static_cast<std::int64_t>(under->size())};
}

Result<Topology> read_topology(Session& session) {
  auto rows = session.query_named("outages/topology");
  RP_TRY(rows);
  Topology topology;
  for (const Row& row : *rows) {
    if (row.is_null("transformer_id")) continue;
    const std::int64_t transformer = row.integer("transformer_id");
    topology.transformer_of_point[row.integer("point")] = transformer;
    if (!row.is_null("feeder_id")) {
      const std::int64_t feeder = row.integer("feeder_id");
      topology.feeder_of_transformer[transformer] = feeder;
      if (!row.is_null("substation_id")) {
        topology.substation_of_feeder[feeder] = row.integer("substation_id");
      }
    }
  }
  topology.index();
  return topology;
}

}  // namespace

std::string outage_number(std::int64_t id) {
  char text[24];
  std::snprintf(text, sizeof text, "OUT%06lld", static_cast<long long>(id));
  return text;
}

std::optional<ReportKind> parse_report_kind(std::string_view text) {
  for (ReportKind kind :
       {ReportKind::out, ReportKind::partial, ReportKind::flicker, ReportKind::wires_down}) {
    if (text == report_kind_name(kind)) return kind;
  }
  return std::nullopt;
}

std::string_view report_kind_name(ReportKind kind) {
  switch (kind) {
    case ReportKind::out:
      return "out";
    case ReportKind::partial:
      return "partial";
    case ReportKind::flicker:
      return "flicker";
    case ReportKind::wires_down:
      return "wires_down";
  }
  return "out";
}

Result<ReportAnswer> report_outage(store::Database& database, const OutageReport& report,
                                   const std::string& actor) {
  RP_TRY(check_report(report));
  std::string phone;
  if (!report.callback_phone.empty()) {
    auto number = notify::e164_number(report.callback_phone, "US", "callback_phone");
    RP_TRY(number);
    phone = *number;
  }
  return database.write<ReportAnswer>([&](Session& session) -> Result<ReportAnswer> {
    const Instant received = now();
    const std::string at = format_instant(received);
    Value account_id = Null{};
    if (report.account) {
      auto zone = store::utility_zone(session);
      RP_TRY(zone);
      const std::string since = format_local_date(plus_days(zone->local_date(received), -30));
      auto served = session.query_named("outages/account_serves_premise",
                                        {report.account->digits(), report.premise_id, since});
      RP_TRY(served);
      if (served->empty()) {
        return invalid_input("premise", "that address is not one of this account's");
      }
      account_id = served->at(0).integer("id");
    }
    auto point = electric_point(session, report.premise_id);
    RP_TRY(point);
    auto known = open_outage_of_point(session, *point);
    RP_TRY(known);
    ReportAnswer answer;
    Value outage = Null{};
    if (*known && report.kind != ReportKind::flicker) {
      outage = (*known)->id;
      auto earlier =
          session.query_named("outages/point_reported_to_outage", {(*known)->id, *point});
      RP_TRY(earlier);
      answer.duplicate = !earlier->empty();
    }
    auto signal = session.query_named(
        "outages/insert_signal",
        {*point, std::string("report"), std::string(report_kind_name(report.kind)), account_id,
         store::text_or_null(phone), report.details, at, at, actor, outage,
         std::int64_t{answer.duplicate ? 1 : 0}});
    RP_TRY(signal);
    answer.signal_id = signal->at(0).integer(0);
    answer.known = std::move(*known);
    return answer;
  });
}

Result<std::optional<Outage>> outage_at_premise(store::Database& database,
                                                std::int64_t premise_id) {
  return database.read<std::optional<Outage>>(
      [&](Session& session) -> Result<std::optional<Outage>> {
        auto point = electric_point(session, premise_id);
        RP_TRY(point);
        return open_outage_of_point(session, *point);
      });
}

Result<MeterEventsRecorded> record_meter_events(store::Database& database,
                                                const std::vector<MeterEvent>& events,
                                                const std::string& actor) {
  if (events.empty() || events.size() > kMostEvents) {
    return invalid_input("events", "send 1 to 10,000 events at once");
  }
  return database.write<MeterEventsRecorded>([&](Session& session) -> Result<MeterEventsRecorded> {
    const std::string at = format_instant(now());
    MeterEventsRecorded recorded;
    for (const MeterEvent& event : events) {
      const std::string kind =
          event.kind == MeterEventKind::last_gasp ? "last_gasp" : "power_restored";
      const std::string occurred = format_instant(event.occurred_at);
      auto point = session.query_named("outages/point_of_meter", {event.meter_serial});
      RP_TRY(point);
      if (point->empty()) {
        RP_TRY(
            session.execute_named("outages/insert_meter_event_reject",
                                  {event.meter_serial.substr(0, 64), kind, occurred,
                                   std::string("no meter in place has this serial"), at, actor}));
        ++recorded.rejected;
        continue;
      }
      RP_TRY(session.query_named(
          "outages/insert_signal",
          {point->at(0).integer("service_point_id"), kind, Value{Null{}}, Value{Null{}},
           Value{Null{}}, std::string(), occurred, at, actor, Value{Null{}}, std::int64_t{0}}));
      ++recorded.accepted;
    }
    return recorded;
  });
}

Result<PredictionPass> predict_pass(store::Database& database, const PredictionRules& rules) {
  return database.write<PredictionPass>([&](Session& session) -> Result<PredictionPass> {
    const Instant started = now();
    const std::string at = format_instant(started);
    const std::string since = format_instant(started - std::chrono::hours(kPredictionWindowHours));
    auto signals = session.query_named("outages/unplaced_signals", {since});
    RP_TRY(signals);
    PredictionPass pass;
    pass.signals = static_cast<std::int64_t>(signals->size());
    if (signals->empty()) return pass;
    // Signals whose point is dark in an open outage join it; the rest are predicted.
    std::map<std::int64_t, std::vector<std::int64_t>> signals_of_point;
    std::map<std::int64_t, std::string> began;
    for (const Row& row : *signals) {
      const std::int64_t point = row.integer("service_point_id");
      auto known = open_outage_of_point(session, point);
      RP_TRY(known);
      if (*known) {
        RP_TRY(session.execute_named("outages/place_signal", {(*known)->id, row.integer("id")}));
        ++pass.joined;
        continue;
      }
      signals_of_point[point].push_back(row.integer("id"));
      auto [when, added] = began.try_emplace(point, row.text("occurred_at"));
      if (!added) when->second = std::min(when->second, row.text("occurred_at"));
    }
    if (signals_of_point.empty()) return pass;
    auto topology = read_topology(session);
    RP_TRY(topology);
    std::vector<std::int64_t> points;
    for (const auto& [point, ids] : signals_of_point) points.push_back(point);
    for (const PredictedOutage& predicted : predict_outages(*topology, points, rules)) {
      auto existing =
          session.query_named("outages/open_outage_on_device",
                              {std::string(device_kind_name(predicted.kind)), predicted.device_id});
      RP_TRY(existing);
      std::int64_t outage = 0;
      if (!existing->empty()) {
        outage = existing->at(0).integer("id");
      } else {
        auto opened = open_outage(session, predicted, began, at);
        RP_TRY(opened);
        pass.merged += opened->merged;
        ++pass.opened;
        outage = opened->id;
      }
      for (std::int64_t point : predicted.signalled) {
        for (std::int64_t signal : signals_of_point[point]) {
          RP_TRY(session.execute_named("outages/place_signal", {outage, signal}));
        }
      }
    }
    return pass;
  });
}

}  // namespace rp::outages
