#pragma once
// The ACH debit file: every posted bank payment not yet sent, written as one NACHA file for the
// utility's bank (bank_files/nacha.h) and marked sent in the same transaction, so each debit is in
// exactly one file. `ratepayer ach export` runs it (docs/payments.md, "Bank payments").
//
// Batches by how the customer authorised the debit (its SEC code): a payment by phone is TEL,
// every other bank payment (portal, autopay, scheduled) is WEB. Each entry's trace number is the
// ODFI's 8 digits and the next value of the 'ach_trace' sequence; a return names it
// (payment_returns.h). The file's id modifier is A for the day's first file, then B ... Z, 0 ... 9.
//
// The originator comes from the utility's settings (all required to export; a missing or bad one
// is named):
//   ach_odfi_routing      the utility's bank's routing number (9 digits, ABA check digit)
//   ach_odfi_name         the bank's name (up to 23 characters)
//   ach_company_name      the utility as the customer's statement shows it (up to 16)
//   ach_company_id        the utility's company id at the bank (10 characters, e.g. "1" + EIN)
//   ach_entry_description optional, up to 10; "UTILITY" when not set

#include <cstdint>
#include <optional>
#include <string>

#include "core/money.h"
#include "core/result.h"
#include "core/time.h"
#include "payments/bank_vault.h"
#include "store/database.h"

namespace rp::payments {

struct AchExportRequest {
  // The day the debits settle: by default the next weekday after today (the utility's zone).
  std::optional<LocalDate> effective_on;
  std::string actor;  // "cli", "staff:ana"
};

struct AchExport {
  std::int64_t file_id = 0;  // 0 when there was nothing to send
  std::string content;       // the NACHA file; empty when there was nothing to send
  std::int64_t entries = 0;
  Money total;
  LocalDate effective_on;
  char file_id_modifier = 'A';
};

// Errors (nothing marked sent): invalid_input naming a missing or bad ach_* setting, or a field of
// a payment the file cannot carry (bank_files/nacha.h); internal when a bank account does not open
// with `key`; conflict when the day already has 36 files.
Result<AchExport> export_ach_file(store::Database& database, const VaultKey& key,
                                  const AchExportRequest& request);

}  // namespace rp::payments
