#include "outages/announcements.h"

#include <cstdio>
#include <set>

#include "accounts/account_events.h"
#include "core/json_writer.h"
#include "outages/outage_map.h"
#include "outages/outage_store.h"
#include "store/utility_settings.h"

namespace rp::outages {

using store::Null;
using store::Row;
using store::Session;
using store::Value;

namespace {

constexpr const char* kMonthsEn[] = {"January",   "February", "March",    "April",
                                     "May",       "June",     "July",     "August",
                                     "September", "October",  "November", "December"};
constexpr const char* kMonthsEs[] = {"enero",      "febrero", "marzo",     "abril",
                                     "mayo",       "junio",   "julio",     "agosto",
                                     "septiembre", "octubre", "noviembre", "diciembre"};
constexpr const char* kDaysEn[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                   "Thursday", "Friday", "Saturday"};
constexpr const char* kDaysEs[] = {"domingo", "lunes",   "martes", "miércoles",
                                   "jueves",  "viernes", "sábado"};

// A time as customers read it, in the utility's zone, under keys starting `name` ("etr"): the
// instant, the day in English and Spanish, the clock both ways, and whether it is today.
void write_local_time(JsonWriter& details, const UtilityZone& zone, const std::string& name,
                      const std::string& instant) {
  auto at = parse_instant(instant, name);
  if (!at.ok()) return;
  const LocalDate day = zone.local_date(*at);
  const auto minutes =
      std::chrono::duration_cast<std::chrono::minutes>(zone.local_time_of_day(*at)).count();
  const int hour = static_cast<int>(minutes / 60);
  const int minute = static_cast<int>(minutes % 60);
  char clock[8];
  std::snprintf(clock, sizeof clock, "%02d:%02d", hour, minute);
  char clock_12[12];
  std::snprintf(clock_12, sizeof clock_12, "%d:%02d %s", hour % 12 == 0 ? 12 : hour % 12, minute,
                hour < 12 ? "AM" : "PM");
  const unsigned month = static_cast<unsigned>(day.month()) - 1;
  const unsigned weekday = date::weekday(date::sys_days(day)).c_encoding();
  const unsigned day_of_month = static_cast<unsigned>(day.day());
  details.key(name).string(instant);
  details.key(name + "_clock").string(clock).key(name + "_clock_12").string(clock_12);
  details.key(name + "_day_en")
      .string(std::string(kDaysEn[weekday]) + ", " + kMonthsEn[month] + " " +
              std::to_string(day_of_month));
  details.key(name + "_day_es")
      .string(std::string(kDaysEs[weekday]) + " " + std::to_string(day_of_month) + " de " +
              kMonthsEs[month]);
  details.key(name + "_today").boolean(day == zone.local_date(now()));
}

std::string details_of(const UtilityZone& zone, const Outage& outage, const Row& recipient) {
  JsonWriter details;
  details.begin_object().key("outage").string(outage.number);
  details.key("address").string(recipient.text("line1"));
  details.key("city").string(recipient.text("city"));
  details.key("premise").number(recipient.integer("premise_id"));
  details.key("followed").boolean(recipient.integer("followed") == 1);
  details.key("cause").string(std::string(cause_name(outage.cause)));
  details.key("cause_" + std::string(cause_name(outage.cause))).boolean(true);
  details.key("customers_out").number(about_how_many(outage.customers_out));
  details.key("planned").boolean(outage.planned);
  if (!outage.public_note.empty()) details.key("public_note").string(outage.public_note);
  if (!outage.etr.empty()) write_local_time(details, zone, "etr", outage.etr);
  if (outage.planned) write_local_time(details, zone, "starts", outage.began_at);
  details.end_object();
  return details.take();
}

std::string summary_of(Announcement kind, const Outage& outage, const std::string& line1) {
  switch (kind) {
    case Announcement::detected:
      return "Outage " + outage.number + " affects " + line1;
    case Announcement::etr:
      return "Outage " + outage.number + ": estimated restoration " + outage.etr;
    case Announcement::crew_on_site:
      return "Outage " + outage.number + ": a crew is on site";
    case Announcement::restored:
      return "Outage " + outage.number + ": power restored at " + line1;
    case Announcement::planned:
      return "Planned outage " + outage.number + " at " + line1 + " from " + outage.began_at;
  }
  return "";
}

std::optional<Announcement> parse_announcement(std::string_view text) {
  for (Announcement kind : {Announcement::detected, Announcement::etr, Announcement::crew_on_site,
                            Announcement::restored, Announcement::planned}) {
    if (announcement_name(kind) == text) return kind;
  }
  return std::nullopt;
}

// The recipients of announcement `row` after account `after`, at most `limit` rows.
Result<store::Rows> recipients(Session& session, Announcement kind, const Row& row,
                               std::int64_t after, std::size_t limit) {
  const std::int64_t outage = row.integer("outage_id");
  const auto most = static_cast<std::int64_t>(limit);
  switch (kind) {
    case Announcement::restored: {
      const std::string at = row.text("restored_at");
      return session.query_named("outages/recipients_restored",
                                 {outage, at, outage, at, after, most});
    }
    case Announcement::planned:
      return session.query_named("outages/recipients_listed", {outage, outage, after, most});
    default: {
      const std::int64_t skip_taken_in = kind == Announcement::detected ? 1 : 0;
      return session.query_named("outages/recipients_dark",
                                 {outage, skip_taken_in, outage, skip_taken_in, after, most});
    }
  }
}

// One write of announcement `row`: up to `chunk` recipients. Yields the events written and
// whether the announcement is finished.
Result<std::pair<std::int64_t, bool>> fan_out_chunk(Session& session, const Row& row,
                                                    std::size_t chunk) {
  const std::int64_t id = row.integer("id");
  const std::string at = format_instant(now());
  auto kind = parse_announcement(row.text("kind"));
  auto outage = read_outage(session, row.integer("outage_id"));
  RP_TRY(outage);
  const bool ended = !is_open(outage->status);
  const bool stale = ended && kind != Announcement::restored;
  if (!kind || stale) {
    RP_TRY(session.execute_named("outages/advance_announcement",
                                 {row.integer("fanned_through"), at, id}));
    return std::make_pair(std::int64_t{0}, true);
  }
  auto zone = store::utility_zone(session);
  RP_TRY(zone);
  auto found = recipients(session, *kind, row, row.integer("fanned_through"), chunk);
  RP_TRY(found);
  std::size_t usable = found->size();
  const bool full = found->size() == chunk;
  // A full chunk may end inside an account's homes: leave that account for the next write.
  if (full && usable > 0) {
    const std::int64_t last = found->back().integer("account_id");
    std::size_t cut = usable;
    while (cut > 0 && (*found)[cut - 1].integer("account_id") == last) --cut;
    if (cut > 0) usable = cut;
  }
  std::int64_t events = 0;
  std::int64_t through = row.integer("fanned_through");
  std::set<std::pair<std::int64_t, std::int64_t>> told;
  for (std::size_t i = 0; i < usable; ++i) {
    const Row& recipient = (*found)[i];
    const std::int64_t account = recipient.integer("account_id");
    through = account;
    // Served and following the same home: told once, as served (rows come served first).
    if (!told.insert({account, recipient.integer("premise_id")}).second) continue;
    RP_TRY(accounts::record_event(
        session, {account, "outage." + std::string(announcement_name(*kind)), row.text("actor"),
                  summary_of(*kind, *outage, recipient.text("line1")),
                  details_of(*zone, *outage, recipient)}));
    ++events;
  }
  const bool done = !full;
  RP_TRY(session.execute_named("outages/advance_announcement",
                               {through, done ? Value{at} : Value{Null{}}, id}));
  return std::make_pair(events, done);
}

}  // namespace

std::string_view announcement_name(Announcement kind) {
  switch (kind) {
    case Announcement::detected:
      return "detected";
    case Announcement::etr:
      return "etr";
    case Announcement::crew_on_site:
      return "crew_on_site";
    case Announcement::restored:
      return "restored";
    case Announcement::planned:
      return "planned";
  }
  return "detected";
}

Result<void> announce(Session& session, std::int64_t outage, Announcement kind,
                      const std::string& actor, const std::string& at,
                      const std::string& restored_at) {
  RP_TRY(
      session.execute_named("outages/insert_announcement",
                            {outage, std::string(announcement_name(kind)),
                             restored_at.empty() ? Value{Null{}} : Value{restored_at}, actor, at}));
  return success();
}

Result<void> report_received(Session& session, std::int64_t account_id, std::int64_t premise_id,
                             const std::optional<Outage>& known, const std::string& actor) {
  auto address = session.query_named("outages/premise_address", {premise_id});
  RP_TRY(address);
  if (address->empty()) return success();
  auto zone = store::utility_zone(session);
  RP_TRY(zone);
  JsonWriter details;
  details.begin_object().key("address").string(address->at(0).text("line1"));
  details.key("city").string(address->at(0).text("city")).key("premise").number(premise_id);
  if (known) {
    details.key("outage").string(known->number).key("known").boolean(true);
    details.key("customers_out").number(about_how_many(known->customers_out));
    if (!known->etr.empty()) write_local_time(details, *zone, "etr", known->etr);
  }
  details.end_object();
  RP_TRY(accounts::record_event(
      session, {account_id, "outage.report_received", actor,
                "Outage reported at " + address->at(0).text("line1"), details.take()}));
  return success();
}

Result<FanOut> fan_out_announcements(store::Database& database, std::size_t chunk, int most_writes,
                                     std::chrono::milliseconds most_time) {
  FanOut done;
  const auto deadline = std::chrono::steady_clock::now() + most_time;
  const auto more = [&](int write) {
    return write < most_writes && std::chrono::steady_clock::now() < deadline;
  };
  for (int write = 0; more(write);) {
    auto waiting = database.read<store::Rows>([](Session& session) {
      return session.query_named("outages/waiting_announcements", {std::int64_t{50}});
    });
    RP_TRY(waiting);
    if (waiting->empty()) break;
    for (const Row& row : *waiting) {
      bool finished = false;
      while (!finished && more(write)) {
        ++write;
        auto step = database.write<std::pair<std::int64_t, bool>>(
            [&](Session& session) -> Result<std::pair<std::int64_t, bool>> {
              // Read again inside the write: another server may have moved it on.
              auto fresh = session.query_named("outages/announcement_by_id", {row.integer("id")});
              RP_TRY(fresh);
              if (fresh->empty() || !fresh->at(0).is_null("done_at")) {
                return std::make_pair(std::int64_t{0}, true);
              }
              return fan_out_chunk(session, fresh->at(0), chunk);
            });
        RP_TRY(step);
        done.events += step->first;
        finished = step->second;
        if (finished) ++done.announcements;
      }
      if (!finished) return done;
    }
  }
  return done;
}

Result<void> follow_address(store::Database& database, const AccountNumber& account,
                            std::int64_t premise_id, const std::string& actor) {
  return database.write<void>([&](Session& session) -> Result<void> {
    auto found = session.query_named("outages/account_id_by_number", {account.digits()});
    RP_TRY(found);
    if (found->empty()) return not_found("no such account");
    const std::int64_t account_id = found->at(0).integer("id");
    if (!electric_point(session, premise_id).ok()) {
      return invalid_input("premise", "we do not provide electricity at that address")
          .coded("outage-follow-not-served");
    }
    auto followed = session.query_named("outages/subscriptions_of_account", {account_id});
    RP_TRY(followed);
    bool already = false;
    for (const Row& row : *followed) already = already || row.integer("id") == premise_id;
    if (already) return success();
    if (static_cast<std::int64_t>(followed->size()) >= kMostFollowed) {
      return invalid_input("premise", "an account follows at most 10 addresses")
          .coded("outage-follow-limit");
    }
    RP_TRY(session.execute_named("outages/insert_subscription",
                                 {account_id, premise_id, actor, format_instant(now())}));
    RP_TRY(
        accounts::record_event(session, {account_id, "outage.address_followed", actor,
                                         "Follows outages at premise " + std::to_string(premise_id),
                                         "{\"premise\":" + std::to_string(premise_id) + "}"}));
    return success();
  });
}

Result<void> unfollow_address(store::Database& database, const AccountNumber& account,
                              std::int64_t premise_id, const std::string& actor) {
  return database.write<void>([&](Session& session) -> Result<void> {
    auto found = session.query_named("outages/account_id_by_number", {account.digits()});
    RP_TRY(found);
    if (found->empty()) return not_found("no such account");
    const std::int64_t account_id = found->at(0).integer("id");
    auto removed = session.execute_named("outages/delete_subscription", {account_id, premise_id});
    RP_TRY(removed);
    if (*removed == 0) return success();
    RP_TRY(accounts::record_event(
        session, {account_id, "outage.address_unfollowed", actor,
                  "No longer follows outages at premise " + std::to_string(premise_id),
                  "{\"premise\":" + std::to_string(premise_id) + "}"}));
    return success();
  });
}

Result<std::vector<FollowedAddress>> followed_addresses(store::Database& database,
                                                        const AccountNumber& account) {
  return database.read<std::vector<FollowedAddress>>(
      [&](Session& session) -> Result<std::vector<FollowedAddress>> {
        auto found = session.query_named("outages/account_id_by_number", {account.digits()});
        RP_TRY(found);
        if (found->empty()) return not_found("no such account");
        auto rows =
            session.query_named("outages/subscriptions_of_account", {found->at(0).integer("id")});
        RP_TRY(rows);
        std::vector<FollowedAddress> addresses;
        for (const Row& row : *rows) {
          addresses.push_back({row.integer("id"), row.text("line1"), row.text("line2"),
                               row.text("city"), row.text("state"), row.text("zip")});
        }
        return addresses;
      });
}

}  // namespace rp::outages
