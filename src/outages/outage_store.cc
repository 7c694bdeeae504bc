#include "outages/outage_store.h"

#include "outages/announcements.h"

#include <algorithm>

#include "outages/etr_history.h"
#include "store/bulk_insert.h"

namespace rp::outages {

using store::Null;
using store::Row;
using store::Session;
using store::Value;

namespace {

std::string optional_text(const Row& row, const char* column) {
  return row.is_null(column) ? "" : row.text(column);
}

}  // namespace

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
  outage.device_name = optional_text(row, "device_name");
  outage.planned = row.integer("planned") != 0;
  outage.began_at = row.text("began_at");
  outage.etr = optional_text(row, "etr");
  outage.etr_by = optional_text(row, "etr_by");
  outage.crew = optional_text(row, "crew");
  outage.public_note = row.text("public_note");
  outage.customers_out = row.integer("customers_out");
  outage.customers_total = row.integer("customers_total");
  outage.updated_at = row.text("updated_at");
  outage.restored_at = optional_text(row, "restored_at");
  return outage;
}

Result<Outage> read_outage(Session& session, std::int64_t id) {
  auto rows = session.query_named("outages/outage_by_id", {id});
  RP_TRY(rows);
  if (rows->empty()) return not_found("there is no outage " + outage_number(id));
  return outage_from(rows->at(0));
}

Result<std::optional<Outage>> open_outage_of_point(Session& session, std::int64_t point) {
  auto rows = session.query_named("outages/open_outage_of_point", {point, format_instant(now())});
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

Result<std::vector<std::int64_t>> points_under(Session& session, DeviceKind kind,
                                               std::int64_t device) {
  if (kind == DeviceKind::service_point) return std::vector<std::int64_t>{device};
  // An area's points are found when its outage is opened (staff_outages.h); nothing is under it.
  if (kind == DeviceKind::area) return std::vector<std::int64_t>{};
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

Result<void> record_move(Session& session, std::int64_t outage, std::string_view action,
                         std::string_view from, std::string_view to, const std::string& note,
                         const std::string& actor, const std::string& at) {
  RP_TRY(session.execute_named("outages/insert_outage_move",
                               {outage, std::string(action), std::string(from), std::string(to),
                                note, Value{Null{}}, actor, at}));
  return success();
}

Result<void> estimate_and_set_etr(Session& session, std::int64_t id, DeviceKind kind,
                                  std::string_view cause, const std::string& began_at,
                                  const std::string& at) {
  auto began = parse_instant(began_at, "began_at");
  RP_TRY(began);
  auto moment = parse_instant(at, "at");
  RP_TRY(moment);
  auto estimate = estimate_etr(session, kind, cause, *began, *moment);
  RP_TRY(estimate);
  const std::string etr = format_instant(estimate->etr);
  RP_TRY(
      session.execute_named("outages/set_outage_etr", {etr, std::string(kHistoryActor), at, id}));
  auto outage = read_outage(session, id);
  RP_TRY(outage);
  const std::string status(status_name(outage->status));
  RP_TRY(session.execute_named(
      "outages/insert_outage_etr_move",
      {id, status, status, estimate->basis, etr, std::string(kHistoryActor), at}));
  return success();
}

Result<Opened> open_outage(Session& session, const NewOutage& outage, const std::string& actor,
                           const std::string& at) {
  const auto customers = static_cast<std::int64_t>(outage.points.size());
  auto inserted = session.query_named("outages/insert_outage",
                                      {std::string(device_kind_name(outage.kind)), outage.device_id,
                                       outage.began_at, customers, customers, actor, at, at});
  RP_TRY(inserted);
  const std::int64_t id = inserted->at(0).integer(0);
  std::vector<store::Params> rows;
  rows.reserve(outage.points.size());
  for (std::int64_t point : outage.points) rows.push_back({id, point, outage.began_at});
  static const store::BulkTable kPoints{"outage_points",
                                        {"outage_id", "service_point_id", "out_since"}};
  RP_TRY(store::bulk_insert(session, kPoints, rows));
  RP_TRY(record_move(session, id, "open", "reported", "reported", outage.note, actor, at));
  if (outage.estimate_etr) {
    RP_TRY(estimate_and_set_etr(session, id, outage.kind, "", outage.began_at, at));
  }
  // A single home's own outage is not announced: its customer knows, and a report was answered.
  if (outage.announce && outage.kind != DeviceKind::service_point) {
    RP_TRY(announce(session, id, Announcement::detected, actor, at));
  }
  store::Rows under;
  if (outage.take_in) {
    auto sharing = session.query_named("outages/outages_dark_at_points_of", {id, id});
    RP_TRY(sharing);
    under = std::move(*sharing);
  }
  for (const Row& row : under) {
    const std::int64_t smaller = row.integer("outage_id");
    auto taken = read_outage(session, smaller);
    RP_TRY(taken);
    RP_TRY(session.execute_named("outages/merge_outage", {id, at, smaller}));
    RP_TRY(session.execute_named("outages/move_signals", {id, smaller}));
    RP_TRY(record_move(session, smaller, "merge", status_name(taken->status), "merged",
                       "taken into " + outage_number(id), actor, at));
    RP_TRY(session.execute_named("outages/insert_outage_count", {smaller, at, std::int64_t{0}}));
  }
  RP_TRY(session.execute_named("outages/insert_outage_count", {id, at, customers}));
  return Opened{id, static_cast<std::int64_t>(under.size())};
}

Result<Outage> recount(Session& session, std::int64_t id, const std::string& at) {
  auto outage = read_outage(session, id);
  RP_TRY(outage);
  auto counted = session.query_named("outages/count_dark_points", {id});
  RP_TRY(counted);
  const std::int64_t dark = counted->at(0).integer("dark");
  const bool restored = dark == 0 && is_open(outage->status);
  if (dark == outage->customers_out && !restored) return outage;
  const std::string status(restored ? "restored" : status_name(outage->status));
  RP_TRY(session.execute_named(
      "outages/set_customers_out",
      {dark, status,
       restored ? Value{at}
                : (outage->restored_at.empty() ? Value{Null{}} : Value{outage->restored_at}),
       at, id}));
  RP_TRY(session.execute_named("outages/insert_outage_count", {id, at, dark}));
  return read_outage(session, id);
}

}  // namespace rp::outages
