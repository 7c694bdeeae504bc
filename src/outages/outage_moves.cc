#include "outages/outage_moves.h"

#include <algorithm>
#include <set>

#include "core/text_fold.h"
#include "outages/announcements.h"
#include "outages/etr_history.h"
#include "outages/outage_store.h"
#include "store/utility_settings.h"

namespace rp::outages {
namespace {

// The dark points of `outage` (rows of outages/dark_points_of_outage) that `restoration` would
// restore: all of them, or those under its part.
std::set<std::int64_t> selected_points(const Outage& outage, const store::Rows& dark,
                                       const Restoration& restoration) {
  std::set<std::int64_t> selected;
  for (const store::Row& row : dark) {
    const std::int64_t point = row.integer("service_point_id");
    bool under = !restoration.part_kind;
    if (restoration.part_kind == DeviceKind::service_point) under = point == restoration.part_id;
    if (restoration.part_kind == DeviceKind::transformer) {
      under =
          !row.is_null("transformer_id") && row.integer("transformer_id") == restoration.part_id;
    }
    if (restoration.part_kind == DeviceKind::feeder) {
      under = !row.is_null("feeder_id") && row.integer("feeder_id") == restoration.part_id;
    }
    if (restoration.part_kind == DeviceKind::substation) {
      under =
          outage.device_kind == DeviceKind::substation && outage.device_id == restoration.part_id;
    }
    if (under) selected.insert(point);
  }
  return selected;
}

using store::Null;
using store::Row;
using store::Session;
using store::Value;

constexpr std::size_t kMostNote = 500;

Error not_allowed(const Outage& outage, std::string_view what) {
  return conflict("outage " + outage.number + " is " + std::string(status_name(outage.status)) +
                  ": it cannot be " + std::string(what))
      .coded("outage-move-not-allowed");
}

Result<void> check_move(std::int64_t id, const OutageMove& move) {
  if (utf8_characters(move.note) > kMostNote)
    return invalid_input("note", "at most 500 characters");
  if (move.public_note && utf8_characters(*move.public_note) > kMostPublicNote) {
    return invalid_input("public_note", "at most 500 characters");
  }
  if (move.action == OutageAction::assign_crew &&
      (move.crew.find_first_not_of(' ') == std::string::npos || move.crew.size() > kMostCrewName)) {
    return invalid_input("crew", "name the crew sent (1 to 80 characters)");
  }
  if (move.action == OutageAction::merge && (move.into <= 0 || move.into == id)) {
    return invalid_input("into", "name the other open outage it joins");
  }
  if (move.action == OutageAction::split) {
    return invalid_input("action", "split names the part that becomes its own (split_outage)");
  }
  if (move.action == OutageAction::restore) {
    return invalid_input("action", "restore names what has power again (restore_outage)");
  }
  return success();
}

}  // namespace

Result<Outage> move_outage(store::Database& database, std::int64_t id, const OutageMove& move,
                           const std::string& actor) {
  RP_TRY(check_move(id, move));
  return database.write<Outage>([&](Session& session) -> Result<Outage> {
    const std::string at = format_instant(now());
    auto outage = read_outage(session, id);
    RP_TRY(outage);
    auto to = moved(outage->status, move.action);
    if (!to) return not_allowed(*outage, action_name(move.action));
    if (move.action == OutageAction::merge) {
      auto into = read_outage(session, move.into);
      if (!into.ok() || !is_open(into->status)) {
        return invalid_input("into", outage_number(move.into) + " is not an open outage");
      }
    }
    const std::string crew = move.action == OutageAction::assign_crew ? move.crew : outage->crew;
    const OutageCause cause = move.cause.value_or(outage->cause);
    const std::string note = move.public_note.value_or(outage->public_note);
    auto updated = session.execute_named(
        "outages/update_outage_status",
        {std::string(status_name(*to)), store::text_or_null(crew), std::string(cause_name(cause)),
         note, move.action == OutageAction::merge ? Value{move.into} : Value{Null{}}, at, id,
         std::string(status_name(outage->status))});
    RP_TRY(updated);
    if (*updated == 0) {
      return conflict("outage " + outage->number + " was moved meanwhile: look at it again")
          .coded("outage-move-not-allowed");
    }
    RP_TRY(record_move(session, id, action_name(move.action), status_name(outage->status),
                       status_name(*to), move.note, actor, at));
    if (move.action == OutageAction::arrive) {
      RP_TRY(announce(session, id, Announcement::crew_on_site, actor, at));
    }
    // A cause named, and the ETR still the history's: the history of that cause says more.
    if (move.cause && *move.cause != outage->cause && outage->etr_by == kHistoryActor &&
        is_open(*to)) {
      RP_TRY(estimate_and_set_etr(session, id, outage->device_kind, cause_name(*move.cause),
                                  outage->began_at, at));
    }
    if (move.action == OutageAction::merge) {
      RP_TRY(session.execute_named("outages/copy_dark_points", {move.into, id}));
      RP_TRY(session.execute_named("outages/move_signals", {move.into, id}));
      RP_TRY(session.execute_named("outages/merge_outage", {move.into, at, id}));
      RP_TRY(session.execute_named("outages/insert_outage_count", {id, at, std::int64_t{0}}));
      auto into = read_outage(session, move.into);
      RP_TRY(into);
      RP_TRY(record_move(session, move.into, "take_in", status_name(into->status),
                         status_name(into->status), "took in " + outage->number, actor, at));
      RP_TRY(recount(session, move.into, at));
    }
    return read_outage(session, id);
  });
}

Result<EtrSet> set_etr(store::Database& database, std::int64_t id, Instant etr,
                       const std::string& actor) {
  const Instant asked = now();
  if (etr < asked - std::chrono::minutes(1) ||
      etr > asked + std::chrono::hours(24 * kLongestEtrDays)) {
    return invalid_input("etr", "the estimated restoration is from now to 14 days ahead");
  }
  return database.write<EtrSet>([&](Session& session) -> Result<EtrSet> {
    const std::string at = format_instant(asked);
    auto outage = read_outage(session, id);
    RP_TRY(outage);
    if (!is_open(outage->status)) return not_allowed(*outage, "given a restoration time");
    auto step = store::whole_number_setting(session, "outage_etr_step_minutes");
    RP_TRY(step);
    // The first ETR, and a crew's first in place of the history's guess, are always announced.
    bool announced = outage->etr.empty() || outage->etr_by == kHistoryActor;
    if (!announced) {
      auto before = parse_instant(outage->etr, "etr");
      RP_TRY(before);
      const auto moved_by =
          std::chrono::abs(std::chrono::duration_cast<std::chrono::minutes>(etr - *before));
      announced = moved_by.count() >= step->value_or(30);
    }
    const std::string text = format_instant(etr);
    RP_TRY(session.execute_named("outages/set_outage_etr", {text, actor, at, id}));
    const std::string status(status_name(outage->status));
    RP_TRY(session.execute_named(
        "outages/insert_outage_etr_move",
        {id, status, status,
         std::string(announced ? "announced" : "kept; moved less than the step, not announced"),
         text, actor, at}));
    if (announced) RP_TRY(announce(session, id, Announcement::etr, actor, at));
    auto now_set = read_outage(session, id);
    RP_TRY(now_set);
    return EtrSet{std::move(*now_set), announced};
  });
}

Result<Restored> restore_outage(store::Database& database, std::int64_t id,
                                const Restoration& restoration, const std::string& actor) {
  if (utf8_characters(restoration.note) > kMostNote)
    return invalid_input("note", "at most 500 characters");
  return database.write<Restored>([&](Session& session) -> Result<Restored> {
    const std::string at = format_instant(now());
    auto outage = read_outage(session, id);
    RP_TRY(outage);
    if (!is_open(outage->status)) return not_allowed(*outage, "restored");
    auto dark = session.query_named("outages/dark_points_of_outage", {id});
    RP_TRY(dark);
    const std::set<std::int64_t> selected = selected_points(*outage, *dark, restoration);
    if (selected.empty()) {
      return invalid_input(
          "part", "nothing " + outage->number + " leaves out is under that part of the network");
    }
    const std::set<std::int64_t> still(restoration.still_dark.begin(),
                                       restoration.still_dark.end());
    for (std::int64_t point : still) {
      if (!selected.count(point)) {
        return invalid_input("still_dark", "service point " + std::to_string(point) +
                                               " is not among those being restored");
      }
    }
    Restored restored;
    for (std::int64_t point : selected) {
      if (still.count(point)) continue;
      auto done = session.execute_named("outages/restore_point", {at, id, point});
      RP_TRY(done);
      restored.restored_points += *done;
    }
    if (!still.empty()) {
      auto topology = read_topology(session);
      RP_TRY(topology);
      const std::vector<std::int64_t> points(still.begin(), still.end());
      for (const PredictedOutage& predicted : predict_outages(*topology, points)) {
        NewOutage own{predicted.kind,
                      predicted.device_id,
                      predicted.signalled,
                      outage->began_at,
                      "still dark when " + outage->number + " was restored",
                      false,
                      false,
                      true};
        auto opened = open_outage(session, own, actor, at);
        RP_TRY(opened);
        for (std::int64_t point : predicted.signalled) {
          RP_TRY(session.execute_named("outages/move_point", {opened->id, id, point}));
        }
        restored.still_dark_outages.push_back(opened->id);
      }
    }
    auto now_out = recount(session, id, at);
    RP_TRY(now_out);
    std::string words = std::to_string(restored.restored_points) + " restored";
    if (!still.empty()) words += ", " + std::to_string(still.size()) + " still dark";
    if (!restoration.meters_checked.empty()) words += " (" + restoration.meters_checked + ")";
    if (!restoration.note.empty()) words += ": " + restoration.note;
    RP_TRY(record_move(session, id, restoration.part_kind ? "restore_part" : "restore",
                       status_name(outage->status), status_name(now_out->status), words, actor,
                       at));
    if (restored.restored_points > 0) {
      RP_TRY(announce(session, id, Announcement::restored, actor, at, at));
    }
    restored.outage = std::move(*now_out);
    return restored;
  });
}

Result<Restoration> ping_before_restoring(store::Database& database, std::int64_t id,
                                          Restoration restoration, const MeterPinger& ping) {
  auto asked = database.read<std::map<std::string, std::int64_t>>(
      [&](Session& session) -> Result<std::map<std::string, std::int64_t>> {
        auto outage = read_outage(session, id);
        RP_TRY(outage);
        auto dark = session.query_named("outages/dark_points_of_outage", {id});
        RP_TRY(dark);
        const std::set<std::int64_t> selected = selected_points(*outage, *dark, restoration);
        std::map<std::string, std::int64_t> meters;  // AMI meter -> its point
        for (const Row& row : *dark) {
          if (row.is_null("ami_meter")) continue;
          if (selected.count(row.integer("service_point_id"))) {
            meters[row.text("ami_meter")] = row.integer("service_point_id");
          }
        }
        return meters;
      });
  RP_TRY(asked);
  if (asked->empty()) return restoration;
  std::set<std::int64_t> still(restoration.still_dark.begin(), restoration.still_dark.end());
  std::int64_t on = 0;
  std::int64_t dark = 0;
  std::vector<std::string> batch;
  const auto ask = [&]() -> Result<void> {
    auto answers = ping(batch);
    RP_TRY(answers);
    for (const std::string& meter : batch) {
      auto answer = answers->find(meter);
      if (answer != answers->end() && answer->second == true) {
        ++on;
      } else {
        ++dark;
        still.insert(asked->at(meter));
      }
    }
    batch.clear();
    return success();
  };
  for (const auto& [meter, point] : *asked) {
    batch.push_back(meter);
    if (batch.size() == kMostPingedAtOnce) {
      if (auto done = ask(); !done.ok()) {
        restoration.meters_checked = "meters not pinged: " + done.error().message;
        return restoration;
      }
    }
  }
  if (!batch.empty()) {
    if (auto done = ask(); !done.ok()) {
      restoration.meters_checked = "meters not pinged: " + done.error().message;
      return restoration;
    }
  }
  restoration.still_dark.assign(still.begin(), still.end());
  restoration.meters_checked = std::to_string(on + dark) + " meters pinged: " + std::to_string(on) +
                               " on, " + std::to_string(dark) + " dark or silent";
  return restoration;
}

Result<Split> split_outage(store::Database& database, std::int64_t id, DeviceKind part_kind,
                           std::int64_t part_id, const std::string& actor) {
  if (part_kind == DeviceKind::area) {
    return invalid_input("part", "part is a transformer, feeder, substation or one home");
  }
  return database.write<Split>([&](Session& session) -> Result<Split> {
    const std::string at = format_instant(now());
    auto outage = read_outage(session, id);
    RP_TRY(outage);
    if (!is_open(outage->status)) return not_allowed(*outage, "split");
    auto dark = session.query_named("outages/dark_points_of_outage", {id});
    RP_TRY(dark);
    Restoration part;
    part.part_kind = part_kind;
    part.part_id = part_id;
    const std::set<std::int64_t> selected = selected_points(*outage, *dark, part);
    if (selected.empty()) {
      return invalid_input(
          "part", "nothing " + outage->number + " leaves out is under that part of the network");
    }
    if (selected.size() == dark->size()) {
      return invalid_input("part", "that is all of " + outage->number + ": nothing to split");
    }
    NewOutage own{part_kind,
                  part_id,
                  std::vector<std::int64_t>(selected.begin(), selected.end()),
                  outage->began_at,
                  "split from " + outage->number,
                  false,
                  false,
                  true};
    auto opened = open_outage(session, own, actor, at);
    RP_TRY(opened);
    for (std::int64_t point : selected) {
      RP_TRY(session.execute_named("outages/move_point", {opened->id, id, point}));
      RP_TRY(session.execute_named("outages/move_point_signals", {opened->id, id, point}));
    }
    // Staff split it knowingly: the new outage is confirmed, with the cause and note it had.
    RP_TRY(session.execute_named(
        "outages/update_outage_status",
        {std::string("confirmed"), Value{Null{}}, std::string(cause_name(outage->cause)),
         outage->public_note, Value{Null{}}, at, opened->id, std::string("reported")}));
    RP_TRY(record_move(session, opened->id, "confirm", "reported", "confirmed",
                       "split from " + outage->number, actor, at));
    auto now_out = recount(session, id, at);
    RP_TRY(now_out);
    RP_TRY(record_move(
        session, id, "split", status_name(outage->status), status_name(now_out->status),
        std::to_string(selected.size()) + " to " + outage_number(opened->id), actor, at));
    auto split_off = read_outage(session, opened->id);
    RP_TRY(split_off);
    return Split{std::move(*now_out), std::move(*split_off)};
  });
}

}  // namespace rp::outages
