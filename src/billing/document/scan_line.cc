#include "billing/document/scan_line.h"
#include "core/assert.h"

namespace rp::billing::document {
namespace {

constexpr const char* kField = "scan_line";
constexpr std::size_t kAccountDigits = 9;
constexpr std::size_t kAmountDigits = 10;
constexpr std::size_t kLength = kAccountDigits + 1 + kAmountDigits + 1 + 1;  // 22
constexpr std::size_t kFirstSpace = kAccountDigits;
constexpr std::size_t kSecondSpace = kAccountDigits + 1 + kAmountDigits;

Error bad_line(std::string_view text, const std::string& why) {
  return invalid_input(kField, "scan line \"" + std::string(text) + "\" " + why +
                                   "; a scan line reads like 123456782 0000012345 7");
}

std::string_view trim(std::string_view text) {
  constexpr std::string_view kBlank = " \t\r\n";
  const std::size_t first = text.find_first_not_of(kBlank);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(kBlank) - first + 1);
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// The first character out of place in the layout, or npos when digits and spaces sit where the
// format puts them.
std::size_t misplaced_character(std::string_view line) {
  for (std::size_t i = 0; i < line.size(); ++i) {
    const bool space_here = i == kFirstSpace || i == kSecondSpace;
    if (space_here ? line[i] != ' ' : !is_digit(line[i])) return i;
  }
  return std::string_view::npos;
}

}  // namespace

std::string scan_line(const AccountNumber& account, Money amount_due) {
  RP_ASSERT(amount_due.cents() <= kMaxScanLineCents, "the amount due fits the scan line");
  std::string cents = std::to_string(amount_due.is_negative() ? 0 : amount_due.cents());
  cents.insert(0, kAmountDigits - cents.size(), '0');
  const std::string payload = account.digits() + cents;
  return account.digits() + " " + cents + " " + luhn_check_digit(payload);
}

Result<ScanLine> parse_scan_line(std::string_view text) {
  const std::string_view line = trim(text);
  if (line.size() != kLength) {
    return bad_line(
        line, "has " + std::to_string(line.size()) + " characters, not " + std::to_string(kLength));
  }
  if (const std::size_t at = misplaced_character(line); at != std::string_view::npos) {
    const bool space_expected = at == kFirstSpace || at == kSecondSpace;
    return bad_line(line, "has '" + std::string(1, line[at]) + "' at position " +
                              std::to_string(at + 1) + " where " +
                              (space_expected ? "a space" : "a digit") + " belongs");
  }
  const std::string_view account_digits = line.substr(0, kAccountDigits);
  const std::string_view amount_digits = line.substr(kFirstSpace + 1, kAmountDigits);
  const std::string payload = std::string(account_digits) + std::string(amount_digits);
  if (luhn_check_digit(payload) != line.back()) {
    return bad_line(line, "fails its check digit: it was misread or mistyped, check each digit");
  }
  Result<AccountNumber> account = AccountNumber::parse(account_digits);
  if (!account) {
    return bad_line(line, "has an account number whose check digit does not match");
  }
  const Money amount = Money::from_cents(std::stoll(std::string(amount_digits)));
  return ScanLine{std::move(account).value(), amount};
}

}  // namespace rp::billing::document
