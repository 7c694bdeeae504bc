#include "outages/outages.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "notify/phone_number.h"
#include "outages/announcements.h"
#include "outages/outage_store.h"
#include "store/bulk_insert.h"
#include "store/utility_settings.h"

namespace rp::outages {
namespace {

using store::Null;
using store::Row;
using store::Session;
using store::Value;

constexpr std::size_t kMostEvents = 10'000;

Result<void> check_report(const OutageReport& report) {
  if (report.details.size() > kMostDetails) {
    return invalid_input("details", "at most 1,000 characters");
  }
  if (report.premise_id <= 0 && report.account_phone.empty()) {
    return invalid_input("premise", "say which address is out");
  }
  return success();
}

// The outage to open for `predicted`: every point under its device (the signalling points when
// the network lists none), out since its first signal.
Result<NewOutage> new_outage(Session& session, const PredictedOutage& predicted,
                             const std::map<std::int64_t, std::string>& began,
                             const std::string& at) {
  NewOutage outage;
  outage.kind = predicted.kind;
  outage.device_id = predicted.device_id;
  auto points = points_under(session, predicted.kind, predicted.device_id);
  RP_TRY(points);
  outage.points = points->empty() ? predicted.signalled : std::move(*points);
  outage.began_at = at;
  for (std::int64_t point : predicted.signalled) {
    auto when = began.find(point);
    if (when != began.end()) outage.began_at = std::min(outage.began_at, when->second);
  }
  outage.note = std::to_string(predicted.signalled.size()) + " signalling under " +
                device_kind_name(predicted.kind) + " " + std::to_string(predicted.device_id);
  return outage;
}

}  // namespace

std::string outage_number(std::int64_t id) {
  char text[24];
  std::snprintf(text, sizeof text, "OUT%06lld", static_cast<long long>(id));
  return text;
}

Result<std::int64_t> parse_outage_number(std::string_view text) {
  std::string_view digits = text;
  if (digits.starts_with("OUT")) digits.remove_prefix(3);
  if (digits.empty() || digits.size() > 12 ||
      digits.find_first_not_of("0123456789") != std::string_view::npos) {
    return not_found("there is no outage " + std::string(text.substr(0, 40)));
  }
  const std::int64_t id = std::stoll(std::string(digits));
  if (id <= 0) return not_found("there is no outage " + std::string(text.substr(0, 40)));
  return id;
}

Result<std::vector<Outage>> outages_for_staff(store::Database& database, std::size_t limit,
                                              int ended_hours) {
  return database.read<std::vector<Outage>>([&](Session& session) -> Result<std::vector<Outage>> {
    std::vector<Outage> outages;
    auto open = session.query_named("outages/open_outages", {static_cast<std::int64_t>(limit)});
    RP_TRY(open);
    const std::string since = format_instant(now() - std::chrono::hours(ended_hours));
    auto ended =
        session.query_named("outages/recent_outages", {since, static_cast<std::int64_t>(limit)});
    RP_TRY(ended);
    for (const store::Rows* rows : {&*open, &*ended}) {
      for (const Row& row : *rows) {
        auto outage = outage_from(row);
        RP_TRY(outage);
        outages.push_back(std::move(*outage));
      }
    }
    return outages;
  });
}

Result<OutageDetail> outage_detail(store::Database& database, std::int64_t id) {
  return database.read<OutageDetail>([&](Session& session) -> Result<OutageDetail> {
    OutageDetail detail;
    auto outage = read_outage(session, id);
    RP_TRY(outage);
    detail.outage = std::move(*outage);
    auto moves = session.query_named("outages/moves_of_outage", {id});
    RP_TRY(moves);
    for (const Row& row : *moves) {
      detail.moves.push_back({row.text("action"), row.text("from_status"), row.text("to_status"),
                              row.text("note"), row.is_null("etr") ? "" : row.text("etr"),
                              row.text("actor"), row.text("at")});
    }
    return detail;
  });
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

namespace {

// The one home with electric service now of the accounts with phone `typed` on file, and its
// account. A different answer for an unknown number and for several homes says no more than
// the start-service search does; the caller is throttled before asking.
Result<std::pair<std::int64_t, std::int64_t>> home_of_phone(Session& session,
                                                            const std::string& typed) {
  auto number = notify::e164_number(typed, "US", "phone");
  if (!number.ok() || !number->starts_with("+1") || number->size() != 12) {
    return invalid_input("phone", "type the 10-digit phone number on the account")
        .coded("outage-phone-not-matched");
  }
  auto homes = session.query_named("outages/electric_homes_of_phone", {number->substr(2)});
  RP_TRY(homes);
  if (homes->empty()) {
    return invalid_input("phone", "no account with electric service has that phone number")
        .coded("outage-phone-not-matched");
  }
  if (homes->size() > 1) {
    return invalid_input("phone", "that phone number has several homes: report by address")
        .coded("outage-phone-several-homes");
  }
  return std::make_pair(homes->at(0).integer("premise_id"), homes->at(0).integer("account_id"));
}

}  // namespace

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
    const bool in_public = actor.starts_with("public:");
    // A customer signed in, or texting back from their number, is held to the customer's limit.
    if (in_public || actor.starts_with("customer:") || actor.starts_with("sms:")) {
      auto made = session.query_named("outages/reports_by_actor_since",
                                      {actor, format_instant(received - std::chrono::hours(1))});
      RP_TRY(made);
      if (made->at(0).integer("made") >=
          (in_public ? kPublicReportsPerHour : kCustomerReportsPerHour)) {
        return throttled("too many outage reports from here; try again in an hour, or call us",
                         3600);
      }
    }
    Value account_id = Null{};
    std::int64_t premise_id = report.premise_id;
    if (!report.account_phone.empty()) {
      auto home = home_of_phone(session, report.account_phone);
      RP_TRY(home);
      premise_id = home->first;
      account_id = home->second;
    }
    if (report.account) {
      auto zone = store::utility_zone(session);
      RP_TRY(zone);
      const std::string since = format_local_date(plus_days(zone->local_date(received), -30));
      auto served = session.query_named("outages/account_serves_premise",
                                        {report.account->digits(), premise_id, since});
      RP_TRY(served);
      if (served->empty()) {
        return invalid_input("premise", "that address is not one of this account's");
      }
      account_id = served->at(0).integer("id");
    }
    auto point = electric_point(session, premise_id);
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
    // The account's customer is told their report arrived (not a repeat, not a flicker).
    if (!std::holds_alternative<Null>(account_id) && !answer.duplicate &&
        report.kind != ReportKind::flicker) {
      RP_TRY(
          report_received(session, std::get<std::int64_t>(account_id), premise_id, *known, actor));
    }
    answer.known = std::move(*known);
    return answer;
  });
}

Result<std::vector<ServedPremise>> account_premises(store::Database& database,
                                                    const AccountNumber& account) {
  return database.read<std::vector<ServedPremise>>(
      [&](Session& session) -> Result<std::vector<ServedPremise>> {
        auto zone = store::utility_zone(session);
        RP_TRY(zone);
        const std::string since = format_local_date(plus_days(zone->local_date(now()), -30));
        auto rows = session.query_named("outages/account_premises", {account.digits(), since});
        RP_TRY(rows);
        std::vector<ServedPremise> premises;
        for (const Row& row : *rows) {
          premises.push_back({row.integer("id"), row.text("line1"), row.text("line2"),
                              row.text("city"), row.text("state"), row.text("zip")});
        }
        return premises;
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
  // Which meter is where is read first, outside the writer; the write is two bulk inserts, so a
  // head-end's batch of thousands holds the writer for milliseconds, not for a query an event.
  auto points = database.read<std::vector<std::optional<std::int64_t>>>(
      [&](Session& session) -> Result<std::vector<std::optional<std::int64_t>>> {
        std::vector<std::optional<std::int64_t>> found;
        found.reserve(events.size());
        for (const MeterEvent& event : events) {
          auto point = session.query_named("outages/point_of_meter", {event.meter_serial});
          RP_TRY(point);
          found.push_back(point->empty() ? std::nullopt
                                         : std::optional<std::int64_t>(
                                               point->at(0).integer("service_point_id")));
        }
        return found;
      });
  RP_TRY(points);
  const std::string at = format_instant(now());
  MeterEventsRecorded recorded;
  std::vector<store::Params> signals;
  std::vector<store::Params> rejects;
  for (std::size_t i = 0; i < events.size(); ++i) {
    const MeterEvent& event = events[i];
    const std::string kind =
        event.kind == MeterEventKind::last_gasp ? "last_gasp" : "power_restored";
    const std::string occurred = format_instant(event.occurred_at);
    if (!(*points)[i]) {
      rejects.push_back({event.meter_serial.substr(0, 64), kind, occurred,
                         std::string("no meter in place has this serial"), at, actor});
      ++recorded.rejected;
      continue;
    }
    signals.push_back({*(*points)[i], kind, std::string(), occurred, at, actor});
    ++recorded.accepted;
  }
  static const store::BulkTable kSignals{
      "outage_signals",
      {"service_point_id", "kind", "details", "occurred_at", "received_at", "actor"}};
  static const store::BulkTable kRejects{
      "meter_event_rejects",
      {"meter_serial", "kind", "occurred_at", "reason", "received_at", "actor"}};
  RP_TRY(database.write<void>([&](Session& session) -> Result<void> {
    if (!signals.empty()) RP_TRY(store::bulk_insert(session, kSignals, signals));
    if (!rejects.empty()) RP_TRY(store::bulk_insert(session, kRejects, rejects));
    return success();
  }));
  return recorded;
}

Result<std::int64_t> restore_where_power_came_back(store::Database& database,
                                                   const std::string& since) {
  auto waiting = database.read<store::Rows>([&](Session& session) {
    return session.query_named("outages/outages_with_power_back", {since});
  });
  RP_TRY(waiting);
  std::int64_t restored = 0;
  for (const Row& row : *waiting) {
    const std::int64_t id = row.integer("outage_id");
    auto done = database.write<std::int64_t>([&](Session& session) -> Result<std::int64_t> {
      const std::string at = format_instant(now());
      auto outage = read_outage(session, id);
      RP_TRY(outage);
      if (!is_open(outage->status)) return std::int64_t{0};
      auto points =
          session.execute_named("outages/restore_points_with_power_back", {at, id, since});
      RP_TRY(points);
      if (*points == 0) return std::int64_t{0};
      auto now_out = recount(session, id, at);
      RP_TRY(now_out);
      RP_TRY(record_move(
          session, id, now_out->status == OutageStatus::restored ? "restore" : "restore_part",
          status_name(outage->status), status_name(now_out->status),
          std::to_string(*points) +
              (*points == 1 ? " meter said its power is back" : " meters said their power is back"),
          kSystemActor, at));
      RP_TRY(announce(session, id, Announcement::restored, kSystemActor, at, at));
      return *points;
    });
    RP_TRY(done);
    restored += *done;
  }
  return restored;
}

Result<PredictionPass> predict_pass(store::Database& database, const PredictionRules& rules) {
  const std::string since = format_instant(now() - std::chrono::hours(kPredictionWindowHours));
  // 0. Homes whose meters said their power came back are restored in their outages.
  auto back = restore_where_power_came_back(database, since);
  RP_TRY(back);
  // Most passes find nothing new: a read says so without taking the writer.
  auto waiting = database.read<bool>([&](Session& session) -> Result<bool> {
    auto any = session.query_named("outages/any_unplaced_signal", {since});
    RP_TRY(any);
    return !any->empty();
  });
  RP_TRY(waiting);
  PredictionPass pass;
  pass.restored = *back;
  if (!*waiting) return pass;
  // 1. Signals from points dark in an open outage join it: one statement, a short write.
  auto joined = database.write<std::int64_t>([&](Session& session) {
    return session.execute_named("outages/join_known_outages", {since});
  });
  RP_TRY(joined);
  pass.joined = *joined;
  // 2. The rest are predicted outside the writer: the signals and the network are read, and the
  //    prediction is worked out, while reports keep being written.
  struct Asked {
    std::map<std::int64_t, std::string> began;  // point -> its first signal
    Topology topology;
  };
  auto asked = database.read<Asked>([&](Session& session) -> Result<Asked> {
    Asked read;
    auto signals = session.query_named("outages/unplaced_signals", {since});
    RP_TRY(signals);
    for (const Row& row : *signals) {
      auto [when, added] =
          read.began.try_emplace(row.integer("service_point_id"), row.text("occurred_at"));
      if (!added) when->second = std::min(when->second, row.text("occurred_at"));
    }
    if (read.began.empty()) return read;
    auto topology = read_topology(session);
    RP_TRY(topology);
    read.topology = std::move(*topology);
    return read;
  });
  RP_TRY(asked);
  pass.signals = pass.joined + static_cast<std::int64_t>(asked->began.size());
  if (asked->began.empty()) return pass;
  std::vector<std::int64_t> points;
  points.reserve(asked->began.size());
  for (const auto& [point, first] : asked->began) points.push_back(point);
  const std::vector<PredictedOutage> predicted = predict_outages(asked->topology, points, rules);
  // 3. Short writes open the outages (or find one opened meanwhile on the same device) and place
  //    their signals, one outage a write, so a storm's pass never holds the writer long: each
  //    shares a group commit with customers' writes (store/database.h) rather than taking a
  //    commit of its own.
  constexpr std::size_t kOutagesPerWrite = 1;
  for (std::size_t first = 0; first < predicted.size(); first += kOutagesPerWrite) {
    const std::size_t last = std::min(predicted.size(), first + kOutagesPerWrite);
    auto written = database.write<PredictionPass>([&](Session& session) -> Result<PredictionPass> {
      const std::string at = format_instant(now());
      PredictionPass done;
      for (std::size_t i = first; i < last; ++i) {
        const PredictedOutage& outage = predicted[i];
        auto existing =
            session.query_named("outages/open_outage_on_device",
                                {std::string(device_kind_name(outage.kind)), outage.device_id});
        RP_TRY(existing);
        std::int64_t id = 0;
        if (!existing->empty()) {
          id = existing->at(0).integer("id");
        } else {
          auto wanted = new_outage(session, outage, asked->began, at);
          RP_TRY(wanted);
          auto opened = open_outage(session, *wanted, kSystemActor, at);
          RP_TRY(opened);
          done.merged += opened->merged;
          ++done.opened;
          id = opened->id;
        }
        RP_TRY(session.execute_named("outages/place_signals_of_outage", {id, since, id}));
      }
      return done;
    });
    RP_TRY(written);
    pass.opened += written->opened;
    pass.merged += written->merged;
  }
  return pass;
}

}  // namespace rp::outages
