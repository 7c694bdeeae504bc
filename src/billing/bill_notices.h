#pragma once
// A copy of a sent bill by email, when a customer asks for one. The "your bill is ready" emails
// themselves are notices (notify/notices.h, kind bill.ready), sent from the bill.ready account
// event a bill run or an approved held bill records.

#include <cstddef>
#include <string>

#include "core/account_number.h"
#include "core/result.h"
#include "store/database.h"

namespace rp::billing {

struct BillNoticeSettings {
  std::string public_url = "http://localhost:8080";  // the portal, for the link to the bill
  // (The utility's name is its setting 'name', read when the email is written.)
};

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
