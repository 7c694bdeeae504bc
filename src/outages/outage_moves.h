#pragma once
// What staff do to an outage (outage_rules.h's state machine over the database): confirm it,
// send a crew and follow it, merge it into another, cancel it, set its estimated restoration
// time (ETR), and restore it, whole or a part of it. Each is one transaction, refused whole when
// anything is wrong, and kept in the outage's moves with who made it.
//
//  * Merge: the outage's dark points, signals and customers join the open outage named; it ends.
//  * ETR: every outage opens with one from the utility's history (etr_history.h), set again when
//    staff name the cause while it is still the history's. Staff set theirs between now and 14
//    days ahead. It is always kept (with its history in the moves); it is announced to customers
//    when it replaces the history's, or moves by at least the utility's outage_etr_step_minutes
//    (setting, default 30), so a crew nudging it by five minutes does not text a thousand homes.
//  * Restore: every point of the outage, or only those under a part of it (a transformer or
//    feeder the outage covers). Points whose meters did not answer when pinged (`still_dark`) are
//    not restored: they move to outages of their own, predicted from them alone (a transformer
//    still out under a restored feeder becomes that transformer's outage), so nobody still in the
//    dark is told the power is back. The outage is restored when no point is left dark.

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "outages/outages.h"

namespace rp::outages {

inline constexpr std::size_t kMostCrewName = 80;
inline constexpr std::size_t kMostPublicNote = 500;
inline constexpr int kLongestEtrDays = 14;

struct OutageMove {
  OutageAction action = OutageAction::confirm;
  std::string crew;                        // assign_crew: required, 1-80 characters
  std::optional<OutageCause> cause;        // any move may say the cause found
  std::optional<std::string> public_note;  // any move may change it: 0-500 characters
  std::string note;                        // kept with the move, 0-500 characters
  std::int64_t into = 0;                   // merge: the open outage it joins
};

// Errors (nothing written): not_found; conflict "outage-move-not-allowed" naming the status and
// the move (also when it was moved meanwhile); invalid_input naming crew, public_note, note or
// into (restore has its own call: restore_outage).
Result<Outage> move_outage(store::Database& database, std::int64_t id, const OutageMove& move,
                           const std::string& actor);

struct EtrSet {
  Outage outage;
  bool announced = false;  // customers are to be told (none before, or moved by the step)
};

// Errors (nothing written): not_found; conflict "outage-move-not-allowed" for an outage no longer
// open; invalid_input "etr" before now or more than 14 days ahead.
Result<EtrSet> set_etr(store::Database& database, std::int64_t id, Instant etr,
                       const std::string& actor);

struct Restoration {
  std::optional<DeviceKind> part_kind;  // with part_id: restore only what is under it
  std::int64_t part_id = 0;
  std::vector<std::int64_t> still_dark;  // service points whose meters did not answer
  std::string note;                      // 0-500 characters
  std::string meters_checked;            // what pinging the meters found, kept in the move
};

struct Restored {
  Outage outage;
  std::int64_t restored_points = 0;
  std::vector<std::int64_t> still_dark_outages;  // opened for the points still dark
};

// Errors (nothing written): not_found; conflict "outage-move-not-allowed" for an outage no longer
// open; invalid_input "part" (nothing of the outage is under it), "still_dark" (a point the
// outage does not leave dark), "note".
Result<Restored> restore_outage(store::Database& database, std::int64_t id,
                                const Restoration& restoration, const std::string& actor);

struct Split {
  Outage outage;     // what is left of it
  Outage split_off;  // the new outage of the part
};

// Splits the homes under `part` (a transformer, feeder or substation under the outage, or one
// home's service point) off into an outage of their own on that device: confirmed, with the
// cause and public note the outage had, its ETR from the history, its homes' reports with it; the
// outage keeps the rest and its status. Used when a prediction lumped two faults together.
// Errors (nothing written): not_found; conflict "outage-move-not-allowed" for an outage no longer
// open; invalid_input "part" (nothing of it under that part, or all of it).
Result<Split> split_outage(store::Database& database, std::int64_t id, DeviceKind part_kind,
                           std::int64_t part_id, const std::string& actor);

// What the AMI head-end says of each meter asked about: true on (energized), false dark, and no
// entry (or nullopt) for a meter that did not answer. Errors: the head-end could not be asked.
using MeterPinger = std::function<Result<std::map<std::string, std::optional<bool>>>(
    const std::vector<std::string>& meters)>;
inline constexpr std::size_t kMostPingedAtOnce = 1000;

// Before announcing a restoration, asks the head-end whether the AMI meters of the points
// `restoration` would restore have power (kMostPingedAtOnce a request): a point whose meter says
// dark or does not answer is added to still_dark, so it keeps an outage of its own and is never
// told its power is back. Points without an AMI meter are restored on staff's word. A head-end
// that cannot be asked leaves the restoration as it was, saying so in meters_checked (staff's
// word stands: a crew restored it). Errors: not_found for the outage.
Result<Restoration> ping_before_restoring(store::Database& database, std::int64_t id,
                                          Restoration restoration, const MeterPinger& ping);

}  // namespace rp::outages
