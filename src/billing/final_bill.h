#pragma once
// Off-cycle final bills: when service ends (a move-out order completed), the account's ended
// services are billed at once instead of waiting weeks for the cycle's next run. The bill is
// drafted exactly as a run drafts it (bill_run_facts.h): each ended agreement from where its last
// bill ended through its last day, fixed charges prorated by days, usage to the final read (or
// estimated to the last day), every bill check applied, so it is released (numbered, posted to the
// ledger, "bill.ready") or held for review like any other bill. It belongs to no bill run; the
// cycle's next run finds nothing left to bill for those agreements (their periods end where this
// bill ended).
//
// Agreements of the account still in service are not on it: they stay on the cycle.
// The checks compare the bill with the agreement's own history, not with neighbours (a partial
// period, and no run to compare with).

#include <cstdint>
#include <optional>
#include <string>

#include "core/result.h"
#include "core/time.h"
#include "store/session.h"

namespace rp::billing {

struct FinalBillOutcome {
  std::optional<std::int64_t> bill_id;  // none: nothing to bill, or a problem
  std::string status;                   // released | held | "" (no bill)
  std::string problem;                  // why no bill could be made yet; the cycle's run retries
};

// Bills account `account_id`'s agreements that ended on or before `last_day` and are not yet billed
// through their end, inside the caller's write transaction, dated the utility's today. `at` stamps
// the rows; `actor` is recorded on the events. A problem (a plan with no tariff, a register meter
// with no read to start from) is returned, not an error: the service has still ended, and the
// cycle's next run bills it once the problem is fixed.
// Errors: not_found for an unknown account; the database's.
Result<FinalBillOutcome> bill_final(store::Session& session, std::int64_t account_id,
                                    LocalDate last_day, const std::string& actor,
                                    const std::string& at);

}  // namespace rp::billing
