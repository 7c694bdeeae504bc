#include "payments/payment_methods.h"

#include "core/account_number.h"

namespace rp::payments {
namespace {

std::string digits_of(std::string_view text) {
  std::string digits;
  for (char c : text) {
    if (c == ' ' || c == '-') continue;
    digits.push_back(c);
  }
  return digits;
}

bool all_digits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

std::string brand_of(std::string_view digits) {
  if (digits.starts_with("4")) return "visa";
  if (digits.starts_with("34") || digits.starts_with("37")) return "amex";
  if (digits.starts_with("6011") || digits.starts_with("65")) return "discover";
  const int two = (digits[0] - '0') * 10 + (digits[1] - '0');
  if (two >= 51 && two <= 55) return "mastercard";
  if (digits.size() >= 4) {
    const int four = std::stoi(std::string(digits.substr(0, 4)));
    if (four >= 2221 && four <= 2720) return "mastercard";
  }
  return "card";
}

}  // namespace

bool aba_routing_number_valid(std::string_view nine) {
  if (nine.size() != 9 || !all_digits(nine)) return false;
  auto d = [&](int i) { return nine[static_cast<std::size_t>(i)] - '0'; };
  const int sum = 3 * (d(0) + d(3) + d(6)) + 7 * (d(1) + d(4) + d(7)) + (d(2) + d(5) + d(8));
  return sum % 10 == 0;
}

Result<CheckedCard> check_card(const CardDetails& card, LocalDate today) {
  const std::string digits = digits_of(card.number);
  if (!all_digits(digits) || digits.size() < 13 || digits.size() > 19) {
    return invalid_input("card_number", "a card number is 13 to 19 digits")
        .coded("card-number-length");
  }
  if (luhn_check_digit(std::string_view(digits).substr(0, digits.size() - 1)) != digits.back()) {
    return invalid_input("card_number", "the card number is mistyped (its check digit is wrong)")
        .coded("card-number-mistyped");
  }
  if (card.exp_month < 1 || card.exp_month > 12) {
    return invalid_input("exp_month", "exp_month must be a month from 1 to 12");
  }
  if (card.exp_year < 2000 || card.exp_year > 2100) {
    return invalid_input("exp_year", "exp_year must be a four-digit year");
  }
  const int year = static_cast<int>(today.year());
  const int month = static_cast<int>(static_cast<unsigned>(today.month()));
  if (card.exp_year < year || (card.exp_year == year && card.exp_month < month)) {
    return invalid_input("exp_year", "the card expired at the end of " +
                                         std::to_string(card.exp_month) + "/" +
                                         std::to_string(card.exp_year))
        .coded("card-expired");
  }
  if (!all_digits(card.cvc) || card.cvc.size() < 3 || card.cvc.size() > 4) {
    return invalid_input("cvc", "the security code is the 3 or 4 digits on the card")
        .coded("card-cvc-invalid");
  }
  return CheckedCard{digits, brand_of(digits), digits.substr(digits.size() - 4)};
}

Result<void> check_bank_account(const BankDetails& bank) {
  if (!aba_routing_number_valid(bank.routing_number)) {
    return invalid_input("routing_number",
                         "the routing number must be the 9 digits printed on a check, and these "
                         "fail its check digit");
  }
  if (!all_digits(bank.account_number) || bank.account_number.size() < 4 ||
      bank.account_number.size() > 17) {
    return invalid_input("account_number", "a bank account number is 4 to 17 digits");
  }
  if (bank.account_type != "checking" && bank.account_type != "savings") {
    return invalid_input("account_type", "account_type must be checking or savings");
  }
  return success();
}

}  // namespace rp::payments
