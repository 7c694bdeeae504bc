#pragma once
// The pieces of outages.h and outage_moves.h that read and write the outage tables inside a
// caller's transaction. Internal to the outages service.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "outages/outages.h"
#include "store/session.h"

namespace rp::outages {

inline constexpr const char* kSystemActor = "system:outages";

Result<Outage> outage_from(const store::Row& row);

// Errors: not_found naming the outage.
Result<Outage> read_outage(store::Session& session, std::int64_t id);

// The open outage `point` is dark in, if any.
Result<std::optional<Outage>> open_outage_of_point(store::Session& session, std::int64_t point);

// The premise's electric service point. Errors: invalid_input "premise" when it has none.
Result<std::int64_t> electric_point(store::Session& session, std::int64_t premise_id);

// Every service point under the device (a service point is itself).
Result<std::vector<std::int64_t>> points_under(store::Session& session, DeviceKind kind,
                                               std::int64_t device);

// The whole electric network, indexed.
Result<Topology> read_topology(store::Session& session);

Result<void> record_move(store::Session& session, std::int64_t outage, std::string_view action,
                         std::string_view from, std::string_view to, const std::string& note,
                         const std::string& actor, const std::string& at);

struct NewOutage {
  DeviceKind kind = DeviceKind::service_point;
  std::int64_t device_id = 0;
  std::vector<std::int64_t> points;  // the points it leaves out
  std::string began_at;
  std::string note;          // kept with its first move
  bool take_in = true;       // merge the open outages sharing a dark point (not when splitting one)
  bool announce = true;      // tell its customers it is detected (announcements.h)
  bool estimate_etr = true;  // an ETR from the history (etr_history.h) at once
};

struct Opened {
  std::int64_t id = 0;
  std::int64_t merged = 0;  // open outages taken in (their dark points are all in this one)
};

// Sets outage `id`'s ETR from the restoration history (etr_history.h), by system:history, with the
// basis kept in an etr move.
Result<void> estimate_and_set_etr(store::Session& session, std::int64_t id, DeviceKind kind,
                                  std::string_view cause, const std::string& began_at,
                                  const std::string& at);

// Opens an outage (status reported) listing `points` as out from began_at, with an ETR from the
// restoration history, takes in (merges) every open outage with a dark point it lists, and
// records the count.
Result<Opened> open_outage(store::Session& session, const NewOutage& outage,
                           const std::string& actor, const std::string& at);

// Counts outage `id`'s dark points again: customers_out, and restored (restored_at `at`) when
// none is left; records the count when it changed. Returns the outage as it now is.
Result<Outage> recount(store::Session& session, std::int64_t id, const std::string& at);

}  // namespace rp::outages
