#pragma once
// Human-friendly account numbers (docs/design.md, "Domain model"): nine digits, an 8-digit
// zero-padded sequence followed by a Luhn (mod 10) check digit, so that a customer or agent who
// mistypes one is told so rather than shown someone else's account. Luhn detects every single-digit
// error and every adjacent transposition except 09 <-> 90.

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"

namespace rp {

class AccountNumber {
 public:
  static constexpr uint32_t kSequenceLimit = 100'000'000;  // sequences are 0 .. 99'999'999

  // The account number for the given sequence. Requires sequence < kSequenceLimit (asserted: the
  // allocator must never hand out a larger one).
  static AccountNumber from_sequence(uint32_t sequence);

  // Parses an account number as a person types it: surrounding and inner spaces and dashes are
  // ignored ("1234-5678-9", " 123 456 789 "); what remains must be 9 digits whose last is the
  // check digit of the first 8. Errors are invalid_input with field "account_number" and say which
  // of these failed: a character that is not a digit, the wrong number of digits, or a check digit
  // that does not match (a mistyped number).
  static Result<AccountNumber> parse(std::string_view text);

  // The nine digits, no separators: "123456782".
  const std::string& digits() const { return digits_; }
  // The same grouped for reading aloud and printing on bills: "1234-5678-2".
  std::string formatted() const;
  // The 8-digit sequence the number was made from.
  uint32_t sequence() const;

  friend auto operator<=>(const AccountNumber&, const AccountNumber&) = default;
  friend bool operator==(const AccountNumber&, const AccountNumber&) = default;

 private:
  explicit AccountNumber(std::string digits) : digits_(std::move(digits)) {}
  std::string digits_;
};

// The Luhn check digit ('0'..'9') for a string of decimal digits.
char luhn_check_digit(std::string_view payload);

}  // namespace rp
