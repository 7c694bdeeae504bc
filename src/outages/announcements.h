#pragma once
// Outage alerts (migration 0059): what customers hear of an outage, by email and text through
// the notices pipeline (notify/notices.h).
//
//  * A change customers should hear of writes an announcement in the change's own transaction
//    (announce): an outage on a device detected (a single home's own outage is not announced: its
//    customer knows, and their report was acknowledged), an ETR set or moved by at least the
//    utility's step (outage_moves.h), a crew on site, homes restored (only those restored by that
//    move: never a home found still dark), a planned outage ahead.
//  * The server's outage watch fans announcements out (fan_out_announcements), each in chunks of
//    its own short writes, into one account event ("outage.detected", ...) per account and
//    home: every account with service at a home the announcement concerns, and every account
//    following that address (follow_address). "Detected" skips homes that were already in an outage
//    this one took in (they heard already); detected, ETR and crew news of an outage that has ended
//    by then is dropped (its restoration says what matters).
//  * The account event's details carry what the templates say: the outage number, the address,
//    whether it is followed rather than served, the cause, about how many customers are out and
//    the ETR in the utility's local time ("2026-12-07", "18:30", "6:30 PM").
//
// A customer's own report is acknowledged the same way ("outage.report_received"), in the
// report's transaction (report_received).

#include <chrono>
#include <cstdint>
#include <string>

#include "core/account_number.h"
#include "core/result.h"
#include "outages/outages.h"
#include "store/database.h"
#include "store/session.h"

namespace rp::outages {

enum class Announcement { detected, etr, crew_on_site, restored, planned };
std::string_view announcement_name(Announcement kind);

// Records an announcement of outage `outage` inside the caller's transaction. `restored_at`: for
// `restored`, the instant the move stamped on the homes it restored.
Result<void> announce(store::Session& session, std::int64_t outage, Announcement kind,
                      const std::string& actor, const std::string& at,
                      const std::string& restored_at = "");

// Acknowledges account `account_id`'s report for premise `premise_id` (with the outage it is
// already known to be in, if any), inside the report's transaction.
Result<void> report_received(store::Session& session, std::int64_t account_id,
                             std::int64_t premise_id, const std::optional<Outage>& known,
                             const std::string& actor);

struct FanOut {
  std::int64_t announcements = 0;  // finished
  std::int64_t events = 0;         // account events written
};

// Fans out waiting announcements, oldest first, at most `chunk` recipients a write (a short write,
// sharing a group commit with customers' writes: store/database.h), for at most `most_writes`
// writes and about `most_time` (the rest wait for the next call).
Result<FanOut> fan_out_announcements(
    store::Database& database, std::size_t chunk = 500, int most_writes = 20,
    std::chrono::milliseconds most_time = std::chrono::milliseconds(2000));

// Account `account` follows premise `premise_id` for outage alerts (idempotent). Errors:
// invalid_input "premise" coded outage-follow-not-served when it has no electric service (or is
// no premise), coded outage-follow-limit past kMostFollowed addresses; not_found for the account.
inline constexpr std::int64_t kMostFollowed = 10;
Result<void> follow_address(store::Database& database, const AccountNumber& account,
                            std::int64_t premise_id, const std::string& actor);
// Stops following (idempotent). Errors: not_found for the account.
Result<void> unfollow_address(store::Database& database, const AccountNumber& account,
                              std::int64_t premise_id, const std::string& actor);

struct FollowedAddress {
  std::int64_t premise_id = 0;
  std::string line1, line2, city, state, zip;
};
Result<std::vector<FollowedAddress>> followed_addresses(store::Database& database,
                                                        const AccountNumber& account);

}  // namespace rp::outages
