#pragma once
// The scan line printed at the foot of the remittance stub, which the lockbox bank reads (OCR) or
// keys by hand, and which our lockbox import parses back into an account and an amount.
//
// Format: exactly 22 characters, digits and two single spaces, no other separators:
//
//   AAAAAAAAA NNNNNNNNNN C
//   123456782 0000012345 7
//
//   AAAAAAAAA   the account number's nine digits, its own Luhn check digit last
//               (AccountNumber::digits()).
//   NNNNNNNNNN  the amount due in cents, zero-padded to ten digits ($123.45 -> 0000012345).
//               A zero or credit balance prints 0000000000 (nothing to pay).
//   C           the Luhn check digit (luhn_check_digit) of the 19 digits AAAAAAAAANNNNNNNNNN.
//
// Why a check digit over the whole line: the account's own check digit protects only the account;
// a misread amount would otherwise post the wrong payment. Luhn catches every single-digit error
// and every adjacent transposition except 09 <-> 90.

#include <cstdint>
#include <string>
#include <string_view>

#include "core/account_number.h"
#include "core/money.h"
#include "core/result.h"

namespace rp::billing::document {

// The largest amount the ten digits of cents can carry: $99,999,999.99.
inline constexpr std::int64_t kMaxScanLineCents = 9'999'999'999;

struct ScanLine {
  AccountNumber account;
  Money amount_due;  // never negative: a credit balance was printed as zero
};

// The scan line for a bill. Requires amount_due.cents() <= kMaxScanLineCents (asserted: the
// renderer refuses larger amounts before it gets here). Negative amounts print as zero.
std::string scan_line(const AccountNumber& account, Money amount_due);

// Reads a scan line back. Spaces and line ends around it are ignored; inside, it must be exactly
// the format above. Errors are invalid_input with field "scan_line" naming what failed: the
// length, a character that is not a digit (or a missing space), the line's check digit (the line
// was misread or mistyped), or the account number's check digit.
Result<ScanLine> parse_scan_line(std::string_view text);

}  // namespace rp::billing::document
