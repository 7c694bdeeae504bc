#include "orders/crews.h"

#include <map>

#include "accounts/account_events.h"
#include "core/json_writer.h"
#include "store/utility_settings.h"

namespace rp::orders {

using store::Row;
using store::Session;

namespace {

constexpr int kMostOrdersPerDay = 200;

Crew crew_from(const Row& row) {
  Crew crew;
  crew.name = row.text("name");
  crew.orders_per_day = static_cast<int>(row.integer("orders_per_day"));
  crew.active = row.integer("active") != 0;
  return crew;
}

// The visits booked per crew on local day `day`, other than order `except`.
Result<std::map<std::string, int>> bookings(Session& session, LocalDate day, std::int64_t except) {
  auto zone = store::utility_zone(session);
  RP_TRY(zone);
  auto rows = session.query_named(
      "orders/crew_bookings",
      {format_instant(zone->start_of_day(day)), format_instant(zone->end_of_day(day)), except});
  RP_TRY(rows);
  std::map<std::string, int> booked;
  for (const Row& row : *rows) booked[row.text("crew")] = static_cast<int>(row.integer("booked"));
  return booked;
}

}  // namespace

Result<Crew> save_crew(store::Database& database, const CrewChange& change,
                       const std::string& actor) {
  if (change.name.empty() || change.name.size() > 60) {
    return invalid_input("name", "a crew's name is 1 to 60 characters");
  }
  for (const char c : change.name) {
    if (static_cast<unsigned char>(c) < 0x20) {
      return invalid_input("name", "a crew's name has no control characters");
    }
  }
  if (change.orders_per_day < 1 || change.orders_per_day > kMostOrdersPerDay) {
    return invalid_input("orders_per_day", "a crew takes 1 to 200 visits a day");
  }
  return database.write<Crew>([&](Session& session) -> Result<Crew> {
    const std::string at = format_instant(now());
    RP_TRY(session.execute_named("orders/save_crew",
                                 {change.name, std::int64_t{change.orders_per_day},
                                  std::int64_t{change.active ? 1 : 0}, actor, at}));
    JsonWriter details;
    details.begin_object()
        .key("crew")
        .string(change.name)
        .key("orders_per_day")
        .number(change.orders_per_day)
        .key("active")
        .boolean(change.active)
        .end_object();
    RP_TRY(accounts::record_event(
        session, {0, "crew.changed", actor,
                  "Crew " + change.name + ": " + std::to_string(change.orders_per_day) +
                      " visits a day" + (change.active ? "" : ", not working"),
                  details.take()}));
    auto saved = session.query_named("orders/crew_by_name", {change.name});
    RP_TRY(saved);
    return crew_from(saved->at(0));
  });
}

Result<std::vector<Crew>> crews_on(store::Database& database, LocalDate day) {
  return database.read<std::vector<Crew>>([&](Session& session) -> Result<std::vector<Crew>> {
    auto listed = session.query_named("orders/crews", {});
    RP_TRY(listed);
    auto booked = bookings(session, day, 0);
    RP_TRY(booked);
    std::map<std::string, Crew> crews;
    for (const Row& row : *listed) {
      Crew crew = crew_from(row);
      crews[crew.name] = std::move(crew);
    }
    for (const auto& [name, visits] : *booked) {
      Crew& crew = crews[name];
      crew.name = name;
      crew.booked = visits;
    }
    std::vector<Crew> out;
    for (auto& [name, crew] : crews) out.push_back(std::move(crew));
    return out;
  });
}

Result<void> check_crew_day(Session& session, const std::string& crew, Instant window_start,
                            std::int64_t order_id) {
  RP_TRY(session.execute_named("orders/lock_crew", {crew}));
  auto listed = session.query_named("orders/crew_by_name", {crew});
  RP_TRY(listed);
  if (listed->empty()) return success();
  const Crew limits = crew_from(listed->at(0));
  if (!limits.active) {
    return conflict(crew + " is not working: choose another crew").coded("crew-not-working");
  }
  auto zone = store::utility_zone(session);
  RP_TRY(zone);
  const LocalDate day = zone->local_date(window_start);
  auto booked = bookings(session, day, order_id);
  RP_TRY(booked);
  const int visits = booked->contains(crew) ? booked->at(crew) : 0;
  if (visits >= *limits.orders_per_day) {
    return conflict(crew + " already has " + std::to_string(visits) +
                    (visits == 1 ? " visit" : " visits") + " on " + format_local_date(day) +
                    ", the most it takes in a day: choose another crew or day")
        .coded("crew-full");
  }
  return success();
}

}  // namespace rp::orders
