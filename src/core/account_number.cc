#include "core/account_number.h"
#include "core/assert.h"

namespace rp {
namespace {

constexpr const char* kField = "account_number";
constexpr size_t kDigits = 9;

Error bad_number(std::string_view text, const std::string& why) {
  return invalid_input(kField, "account number \"" + std::string(text) + "\" " + why);
}

}  // namespace

char luhn_check_digit(std::string_view payload) {
  // Double every second digit counting from the right, starting with the rightmost: once the
  // check digit is appended those are the digits in even positions from the right.
  int sum = 0;
  bool doubled = true;
  for (auto it = payload.rbegin(); it != payload.rend(); ++it, doubled = !doubled) {
    int digit = *it - '0';
    if (doubled) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return static_cast<char>('0' + (10 - sum % 10) % 10);
}

AccountNumber AccountNumber::from_sequence(uint32_t sequence) {
  RP_ASSERT(sequence < kSequenceLimit, "the sequence fits eight digits");
  std::string digits = std::to_string(sequence);
  digits.insert(0, kDigits - 1 - digits.size(), '0');
  digits += luhn_check_digit(digits);
  return AccountNumber(std::move(digits));
}

Result<AccountNumber> AccountNumber::parse(std::string_view text) {
  std::string digits;
  for (char c : text) {
    if (c == ' ' || c == '-') continue;
    if (c < '0' || c > '9') {
      return bad_number(text, "contains '" + std::string(1, c) +
                                  "'; account numbers are 9 digits, like 1234-5678-2")
          .coded("account-number-invalid");
    }
    digits += c;
  }
  if (digits.size() != kDigits) {
    return bad_number(text, "has " + std::to_string(digits.size()) +
                                " digits; account numbers have 9 digits, like 1234-5678-2")
        .coded("account-number-invalid");
  }
  if (luhn_check_digit(std::string_view(digits).substr(0, kDigits - 1)) != digits.back()) {
    return bad_number(text, "check digit does not match: the number may be mistyped")
        .coded("account-number-mistyped");
  }
  return AccountNumber(std::move(digits));
}

std::string AccountNumber::formatted() const {
  return digits_.substr(0, 4) + "-" + digits_.substr(4, 4) + "-" + digits_.substr(8);
}

uint32_t AccountNumber::sequence() const {
  return static_cast<uint32_t>(std::stoul(digits_.substr(0, kDigits - 1)));
}

}  // namespace rp
