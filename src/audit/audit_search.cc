#include "audit/audit_search.h"

namespace rp::audit {

Result<std::vector<AuditRecord>> search_audit(store::Session& session, const AuditQuery& query) {
  if (query.limit < 1 || query.limit > kLongestAuditPage) {
    return invalid_input("limit", "limit is 1 to " + std::to_string(kLongestAuditPage));
  }
  // Only fixed text goes into the statement; every value the caller chose is a parameter.
  std::string sql =
      "SELECT id, at, actor, action, target, outcome, details, client_address, user_agent, "
      "request_id FROM audit_records WHERE 1 = 1";
  store::Params params;
  if (!query.target.empty()) {
    sql += " AND target = :target";
    params.emplace_back(query.target);
  }
  if (!query.actor.empty()) {
    sql += " AND actor = :actor";
    params.emplace_back(query.actor);
  }
  if (query.action.ends_with('.')) {
    // Every action under the prefix: those sorting from "payment." up to "payment/" ('.' + 1).
    std::string past = query.action;
    past.back() = '/';
    sql += " AND action >= :prefix AND action < :past_prefix";
    params.emplace_back(query.action);
    params.emplace_back(past);
  } else if (!query.action.empty()) {
    sql += " AND action = :action";
    params.emplace_back(query.action);
  }
  if (!query.from_at.empty()) {
    sql += " AND at >= :from_at";
    params.emplace_back(query.from_at);
  }
  if (!query.to_at.empty()) {
    sql += " AND at < :to_at";
    params.emplace_back(query.to_at);
  }
  if (query.before > 0) {
    sql += " AND id < :before";
    params.emplace_back(query.before);
  }
  sql += " ORDER BY id DESC LIMIT :limit";
  params.emplace_back(query.limit);
  auto rows = session.query(sql, params);
  RP_TRY(rows);
  std::vector<AuditRecord> records;
  records.reserve(rows->size());
  for (const store::Row& row : *rows) {
    records.push_back({row.integer("id"), row.text("at"), audit_entry_of(row)});
  }
  return records;
}

}  // namespace rp::audit
