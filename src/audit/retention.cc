#include "audit/retention.h"

#include "core/time.h"

namespace rp::audit {

Result<PruneReport> prune_audit_trail(store::Database& database, const Retention& retention) {
  if (retention.access_days < kLeastAccessDays) {
    return invalid_input("access_days", "access records are kept at least " +
                                            std::to_string(kLeastAccessDays) + " days");
  }
  if (retention.money_years < kLeastMoneyYears) {
    return invalid_input("money_years", "records of changes are kept at least " +
                                            std::to_string(kLeastMoneyYears) + " years");
  }
  const Instant at = now();
  const std::string access_before = format_instant(at - date::days(retention.access_days));
  const std::string other_before = format_instant(at - date::years(retention.money_years));
  return database.write<PruneReport>([&](store::Session& session) -> Result<PruneReport> {
    PruneReport report;
    auto access =
        session.execute_named("audit/prune_access_records", {format_instant(at), access_before});
    RP_TRY(access);
    report.access_records = *access;
    auto other =
        session.execute_named("audit/prune_other_records", {format_instant(at), other_before});
    RP_TRY(other);
    report.other_records = *other;
    return report;
  });
}

}  // namespace rp::audit
