#pragma once
// The account event log: one row per change, written by the service that makes the change in the
// same transaction, so a change and its record commit together or not at all.

#include <cstdint>
#include <string>

#include "core/result.h"
#include "store/session.h"

namespace rp::accounts {

struct NewAccountEvent {
  std::int64_t account_id = 0;  // 0 for utility-wide events
  std::string kind;             // dotted, e.g. "account.opened"
  std::string actor;            // "staff:<name>", "customer:<id>", "system", ...
  std::string summary;          // one human sentence
  std::string details_json = "{}";
};

// Appends `event` stamped with the current instant, and its record in the audit trail
// (audit/audit_trail.h: action = kind, target "account:<number>" or "utility", details the summary
// and the event's details) in the same transaction. Requires an open write transaction.
// `details_json` must be JSON this program wrote.
Result<std::int64_t> record_event(store::Session& session, const NewAccountEvent& event);

}  // namespace rp::accounts
