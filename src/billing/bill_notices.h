#pragma once
// "Your bill is ready" emails for paperless accounts. A paperless account (accounts.paperless, set
// in the portal's settings) gets no paper bill; instead, each bill sent to it (a "bill.ready"
// account event: from a bill run, or a held bill approved) is emailed to the account's contact
// email, in the account's language, with the amount due, the due date and a link to the bill in
// the portal. The bill itself is not attached: the customer signs in to read it and its PDF.
//
// Exactly once: the notices follow the account event log with a cursor (event_cursors,
// "bill_notices") moved in the same transaction that queues the emails (notify/email.h), so a
// restart neither repeats nor skips one. The cursor starts at the newest event when notices are
// first started, so bills sent before then are not emailed.

#include <cstddef>
#include <string>

#include "core/account_number.h"
#include "core/result.h"
#include "store/database.h"

namespace rp::billing {

struct BillNoticeSettings {
  std::string public_url = "http://localhost:8080";  // the portal, for the link to the bill
  // (The utility's name is its setting 'name', read when the notices are written.)
};

// Starts the cursor at the newest account event if it has not started yet.
Result<void> start_bill_notices(store::Database& database);

// One pass: reads up to `limit` events after the cursor and queues an email for each bill.ready of
// a paperless account with a contact email, moving the cursor past them, in one write. Returns the
// number of emails queued. Errors: internal_error when start_bill_notices has not run.
Result<int> queue_bill_notices(store::Database& database, const BillNoticeSettings& settings,
                               std::size_t limit = 2000);

struct BillResend {
  AccountNumber account = AccountNumber::from_sequence(0);
  std::int64_t bill_number = 0;
  std::string actor;
};

struct BillResent {
  std::string to;  // the contact email it went to
};

// Emails sent bill `bill_number` of the account again (a customer asks for a copy), as the
// bill-ready email says it, to the contact email on file, and records "bill.resent" with who did
// it. Errors (nothing written): not_found for an unknown account or a number that is not one of
// its sent bills (a cancelled one included); invalid_input ("email") when it has no contact email.
Result<BillResent> resend_bill(store::Database& database, const BillNoticeSettings& settings,
                               const BillResend& request);

}  // namespace rp::billing
