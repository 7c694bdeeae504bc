#pragma once
// What an outage is and how it moves (pure): its causes, its statuses and the one state machine.
//
//   reported -> confirmed -> crew_assigned -> en_route -> on_site -> restored
//
//  * `reported`: predicted from customers' reports and meters' last gasps (prediction.h), or
//    opened by staff; staff confirm it, merge it into another, or cancel it (nothing was out).
//  * Staff may restore from any open status (power came back before a crew went), and move a
//    crew's steps forward only in order; a crew may be sent back (on_site -> crew_assigned is a
//    new assignment, not a step).
//  * `restored`, `merged` and `cancelled` are final. A customer still out after a restoration has
//    a new outage, opened from their report (never the old one reopened: its history stays true).

#include <optional>
#include <string_view>

namespace rp::outages {

enum class OutageStatus {
  reported,
  confirmed,
  crew_assigned,
  en_route,
  on_site,
  restored,
  merged,
  cancelled
};
enum class OutageCause {
  unknown,
  weather,
  vegetation,  // a tree or branch on the line
  equipment,   // a failed transformer, cable, fuse
  vehicle,     // a car into a pole
  animal,
  dig_in,  // a third party's excavation
  overload,
  planned,  // maintenance announced in advance
  other,
};
// split: part of its homes (under a device, or one home) become an outage of their own; its own
// status does not change.
enum class OutageAction { confirm, assign_crew, depart, arrive, restore, merge, cancel, split };

std::string_view status_name(OutageStatus status);
std::string_view cause_name(OutageCause cause);
std::string_view action_name(OutageAction action);
std::optional<OutageStatus> parse_status(std::string_view text);
std::optional<OutageCause> parse_cause(std::string_view text);
std::optional<OutageAction> parse_action(std::string_view text);

// Open: not restored, merged or cancelled.
bool is_open(OutageStatus status);

// The status `action` moves an outage in `from` to, or none when the rules refuse it.
std::optional<OutageStatus> moved(OutageStatus from, OutageAction action);

}  // namespace rp::outages
