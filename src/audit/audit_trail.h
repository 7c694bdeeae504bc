#pragma once
// The audit trail: one record per security-relevant action (who, what, to what, when, from where,
// and how it ended, refused attempts included), written in the transaction of the change it
// records, never changed or removed (the database refuses UPDATE and DELETE), and chained: each
// record holds the SHA-256 of its content and of the record before it, so verify_audit_trail
// finds the first record changed, removed, inserted or reordered.
//
// Records are numbered 1, 2, 3... without gaps: audit_head (one row) holds the last number and
// hash, and appending locks it (PostgreSQL: FOR UPDATE; SQLite writes one at a time), so two
// transactions never chain onto the same record.

#include <cstdint>
#include <span>
#include <string>

#include "core/result.h"
#include "store/database.h"

namespace rp::audit {

struct AuditEntry {
  std::string actor;   // "staff:3", "api_key:2", "customer:42", "system:late-fees", "anonymous"
  std::string action;  // "payment.received", "staff.sign_in", "account.read", "access.refused"
  std::string target;  // "account:17", "staff_user:3", "" when none
  std::string outcome = "done";     // done | refused | failed
  std::string details_json = "{}";  // what changed; never secrets or card data
  std::string client_address;       // "" when not from a request
  std::string user_agent;
  std::string request_id;
};

// Appends `entry` inside the caller's write; its number. Where it came from (client address, user
// agent, request id) left empty is taken from the request being answered (core/request_origin.h).
// Errors: invalid_input ("action", "outcome") for an empty action or an unknown outcome; the
// database's.
Result<std::int64_t> append_audit(store::Session& session, const AuditEntry& entry);

// Appends `entries` in order inside the caller's write, locking and moving the head once: the
// last one's number. Errors: as append_audit (nothing appended), invalid_input ("entries") for
// none.
Result<std::int64_t> append_audits(store::Session& session, std::span<const AuditEntry> entries);

// Appends `entry` in a write of its own (for what changes nothing else: a refused request, a
// failed sign-in, a staff member reading an account).
Result<std::int64_t> append_audit(store::Database& database, const AuditEntry& entry);

// The entry a row of audit_records holds (its actor ... request_id columns).
AuditEntry audit_entry_of(const store::Row& row);

struct VerifyReport {
  std::int64_t records = 0;  // records checked
  bool intact = true;
  std::int64_t first_bad = 0;  // the first record that is not as written (0 when intact)
  std::string problem;         // in words, naming it
};

// Walks the whole trail, recomputing every hash.
Result<VerifyReport> verify_audit_trail(store::Database& database);

// The hash a record with these fields has after `previous_hash` (hex): SHA-256 over each field,
// length-prefixed, so no two different records hash alike by shifting text between fields.
std::string record_hash(const std::string& previous_hash, std::int64_t id, const std::string& at,
                        const AuditEntry& entry);

}  // namespace rp::audit
