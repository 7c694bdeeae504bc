#pragma once
// The office's reports, each a query over the one database answered as a ReportTable
// (report_table.h). Every figure is computed by the same rules as the screen it summarises:
// aging as ledger/aging.h ages one account, bill runs as billing/bill_run.h counts one run, a
// cashier's drawer as payments/counter_payments.h counts it (reports_test.cc compares them over a
// generated utility).
//
//  aging             as of today, by customer class (the class of the rate plan of the account's
//                    first service agreement): what is owed current, 30, 60 and 90+ days past due,
//                    and credit balances
//  revenue           billed charges of released bills by month of the bill date and rate plan
//  bill_runs         the runs whose bill date is in the range: accounts, released, held,
//                    cancelled, problems and charges of each
//  payments          payments received per local day, by channel and by method, with the digital
//                    share (web and autopay of all); a payment later moved counts once, returned
//                    and refunded ones still count as received that day, voided ones do not
//  holds             bills held, holds resolved, meter read exceptions opened and resolved per
//                    local day of the utility
//  portal_adoption   as of today: active accounts, those with a portal login, those whose login
//                    was used in the last 30 days, paperless accounts, and the self-service share
//                    of the range's payments and arrangements (made by the customer in the portal)
//  cashier_drawers   every cashier's drawer per local day: counter payments by method
//
// A range is local days [from, to] in the utility's zone, at most 366 days.

#include <string>
#include <vector>

#include "core/result.h"
#include "core/time.h"
#include "reports/report_table.h"
#include "store/database.h"

namespace rp::reports {

struct ReportInfo {
  std::string name;
  std::string title;
  std::string description;
  bool ranged = true;  // false: as of today (the range is not used)
};

// The reports, in the order the console lists them.
const std::vector<ReportInfo>& report_catalog();

struct ReportRequest {
  std::string name;
  LocalDate from;
  LocalDate to;
};

// Errors: not_found for a name not in the catalog; invalid_input ("from") after `to`, ("to")
// for a range over 366 days.
Result<ReportTable> run_report(store::Database& database, const ReportRequest& request);

}  // namespace rp::reports
