#pragma once
// A sent bill's document: everything it prints gathered from the database in one snapshot
// (document/bill_document.h) and rendered to PDF on demand (document/bill_pdf.h). Rendering the
// same bill again gives the same bytes.
//
// The account summary reconciles to the ledger: "previous balance" is what the account's previous
// bill asked for; "payments" are the payments posted between that bill and this one;
// "adjustments" is everything else posted between them (adjustments, late fees, reversals), so
// previous balance - payments + adjustments is the balance this bill follows, and the amount due
// is that plus this bill's charges. The usage chart shows the main service's usage (electric when
// the account has it) on the account's last 13 months of bills.
//
// The utility's header comes from utility settings: name, utility_address (lines separated by
// "\n"), utility_phone, utility_website.

#include <cstdint>
#include <string>

#include "billing/document/bill_document.h"
#include "core/account_number.h"
#include "core/result.h"
#include "store/database.h"

namespace rp::billing {

// Errors: not_found when the account has no sent bill with that number.
Result<document::BillDocument> bill_document(store::Database& database,
                                             const AccountNumber& account, std::int64_t number);

// The bill's PDF. Errors: as bill_document, and the renderer's (invalid_input) for a bill it
// cannot print.
Result<std::string> bill_pdf(store::Database& database, const AccountNumber& account,
                             std::int64_t number);

}  // namespace rp::billing
