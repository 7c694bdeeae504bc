#pragma once
// The ACH return reason codes a debit can come back with, in words, and what each means for the
// bank account: some returns mean the account can never be debited again (closed, no account,
// not authorized), others only that this debit failed (insufficient funds).

#include <string>
#include <string_view>

#include "core/result.h"

namespace rp::payments {

struct AchReturnReason {
  std::string_view code;          // "R01"
  std::string_view description;   // "insufficient funds"
  bool account_unusable = false;  // the bank account must not be debited again
};

// Errors: invalid_input ("return_code") for a code that is not R + two digits or that NACHA does
// not define for debits (the message lists how to find the codes).
Result<AchReturnReason> ach_return_reason(std::string_view code);

}  // namespace rp::payments
