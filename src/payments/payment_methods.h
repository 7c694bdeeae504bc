#pragma once
// Checking what a customer types for a card or a bank account before anything is sent anywhere:
// card numbers by length and Luhn check digit, expiry against today, security codes; US bank
// routing numbers (ABA) by their weighted check digit (3-7-1), account numbers by length.
// Errors are invalid_input naming the field, and never repeat the number typed.

#include <string>
#include <string_view>

#include "core/result.h"
#include "core/time.h"

namespace rp::payments {

struct CardDetails {
  std::string number;  // digits; spaces and dashes are ignored
  int exp_month = 0;   // 1-12
  int exp_year = 0;    // four digits
  std::string cvc;     // 3 or 4 digits
};

struct CheckedCard {
  std::string digits;
  std::string brand;  // visa | mastercard | amex | discover | card
  std::string last_four;
};

// Errors: invalid_input "card_number" (not 13-19 digits, or a failed check digit: "the card
// number is mistyped"), "exp_month"/"exp_year" (not a month, or expired before `today`), "cvc".
Result<CheckedCard> check_card(const CardDetails& card, LocalDate today);

struct BankDetails {
  std::string routing_number;  // 9 digits
  std::string account_number;  // 4-17 digits
  std::string account_type;    // checking | savings
};

// Errors: invalid_input "routing_number" (not 9 digits, or a failed ABA check digit),
// "account_number", "account_type".
Result<void> check_bank_account(const BankDetails& bank);

// The ABA check: 3 x (d1 + d4 + d7) + 7 x (d2 + d5 + d8) + (d3 + d6 + d9) is a multiple of 10.
bool aba_routing_number_valid(std::string_view nine_digits);

}  // namespace rp::payments
