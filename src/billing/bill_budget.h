#pragma once
// Budget billing inside a bill run (ledger/budget_billing.h has the rules): for each account of a
// chunk that is on a budget plan, what its bill asks for and the deferred balance after it, with
// the plan's installment and review count moved on. Internal to the billing service; runs inside
// the chunk's write transaction, so a rolled-back chunk leaves the plans as they were.

#include <cstdint>
#include <map>
#include <vector>

#include "billing/bill_run_facts.h"
#include "core/money.h"
#include "store/session.h"

namespace rp::billing {

struct BudgetOutcome {
  Money asked;           // what the bill asks for in place of its charges
  Money deferred_after;  // the deferred balance after it
};

// By account id, for the drafted accounts of `outcomes` on budget billing.
Result<std::map<std::int64_t, BudgetOutcome>> apply_budget_billing(
    store::Session& session, const RunContext& run, const std::vector<AccountOutcome>& outcomes);

}  // namespace rp::billing
