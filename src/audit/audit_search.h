#pragma once
// Finding records in the audit trail: by what they were aimed at (an account), by who made them,
// by action (exact, or every action under a prefix such as "payment."), by time, newest first,
// a page at a time.

#include <cstdint>
#include <string>
#include <vector>

#include "audit/audit_trail.h"
#include "core/result.h"
#include "store/session.h"

namespace rp::audit {

struct AuditQuery {
  std::string target = {};   // "account:100000017"; "" for any
  std::string actor = {};    // "staff:3"; "" for any
  std::string action = {};   // "account.read", or a prefix ending in "." ("payment."); "" for any
  std::string from_at = {};  // UTC instant as records hold it ("2026-12-01T00:00:00Z"), inclusive
  std::string to_at = {};    // exclusive; "" for no bound
  std::int64_t before = 0;   // only records numbered below this; 0 for the newest
  std::int64_t limit = 50;   // 1..kLongestAuditPage
};

inline constexpr std::int64_t kLongestAuditPage = 5000;

struct AuditRecord {
  std::int64_t id = 0;
  std::string at;
  AuditEntry entry;
};

// The records matching `query`, newest first, at most query.limit. Errors: invalid_input
// ("limit") outside 1..kLongestAuditPage; the database's.
Result<std::vector<AuditRecord>> search_audit(store::Session& session, const AuditQuery& query);

}  // namespace rp::audit
