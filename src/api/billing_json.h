#pragma once
// JSON renderings of bills and bill runs, as documented in docs/openapi.yaml. Periods are the
// first and the last day billed; money is {"amount":"123.45","currency":"USD"}.

#include <string>
#include <vector>

#include "billing/bill_corrections.h"
#include "billing/bill_run.h"
#include "billing/bill_views.h"

namespace rp::api {

std::string bill_run_json(const billing::BillRunProgress& progress, bool billing_now);
std::string bill_page_json(const std::vector<billing::BillSummary>& bills, std::size_t limit);
std::string bill_json(const billing::BillView& bill);
std::string hold_queue_json(const std::vector<billing::BillView>& bills, std::size_t limit);
std::string bill_action_json(const billing::BillActionOutcome& outcome);

}  // namespace rp::api
