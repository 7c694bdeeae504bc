#pragma once
// Field crews and how many visits each takes in a day. The dispatcher books a visit by
// dispatching a scheduled order to a crew; a listed crew takes at most `orders_per_day` visits
// whose window starts on one local day (dispatched, on the way, on site, waiting for approval or
// done; a cancelled or failed visit frees its place). Dispatching one more is refused (409
// `crew-full`) and changes nothing. A crew named on an order but not listed here (a
// work-management system's own crew) has no limit; a listed crew that is not working (`active`
// false) takes no new visits (409 `crew-not-working`).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/time.h"
#include "store/database.h"

namespace rp::orders {

struct Crew {
  std::string name;
  std::optional<int> orders_per_day;  // none: not listed (no limit)
  bool active = true;
  int booked = 0;  // visits booked on the day asked about
};

struct CrewChange {
  std::string name;        // 1-60 characters
  int orders_per_day = 0;  // 1-200
  bool active = true;
};

// Lists the crew, or changes it (recorded as the utility event "crew.changed" with `actor`).
// Errors: invalid_input naming `name` or `orders_per_day`.
Result<Crew> save_crew(store::Database& database, const CrewChange& change,
                       const std::string& actor);

// Every listed crew, and every crew booked that day though not listed, by name, with its
// bookings on the local day `day`.
Result<std::vector<Crew>> crews_on(store::Database& database, LocalDate day);

// Inside a dispatch's write: refuses booking `crew` for order `order_id` whose window starts at
// `window_start` when the crew is full that day or not working.
Result<void> check_crew_day(store::Session& session, const std::string& crew, Instant window_start,
                            std::int64_t order_id);

}  // namespace rp::orders
