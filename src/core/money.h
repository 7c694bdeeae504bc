#pragma once
// Money is an exact amount of US dollars held as a signed 64-bit count of cents. There is no
// floating point anywhere in its representation, parsing or formatting (docs/design.md, "Money
// is exact").

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"

namespace rp {

class Money {
 public:
  // Zero dollars.
  constexpr Money() = default;

  static constexpr Money from_cents(int64_t cents) { return Money(cents); }
  constexpr int64_t cents() const { return cents_; }

  // Parses decimal dollars as a person or a JSON body writes them: an optional '-', at least one
  // digit, then optionally '.' and one or two digits ("123.45", "-0.05", "7", "7.5" = 7.50).
  // Rejects (invalid_input naming `field`) empty text, thousands separators, a leading '+',
  // more than two fractional digits, any other character, and amounts that do not fit in int64
  // cents. Never rounds. `field` names the input in the error (a JSON body's field name).
  static Result<Money> parse(std::string_view text, std::string field = "amount");

  // "123.45", "-0.05", "0.00": always two fractional digits, '-' only for negative amounts, no
  // thousands separators or currency symbol. parse(to_string()) gives back the same amount.
  std::string to_string() const;

  // Exact arithmetic that returns an overflow error instead of wrapping. Use these for anything
  // derived from user input or sums of unbounded length (bill totals, balances).
  Result<Money> checked_add(Money other) const;
  Result<Money> checked_sub(Money other) const;
  Result<Money> checked_negate() const;
  Result<Money> checked_multiply(int64_t factor) const;

  // Plain operators, for values known to be small (a handful of amounts already validated).
  // Overflow here is undefined behaviour like any int64 overflow; prefer checked_* otherwise.
  constexpr Money operator+(Money other) const { return Money(cents_ + other.cents_); }
  constexpr Money operator-(Money other) const { return Money(cents_ - other.cents_); }
  constexpr Money operator-() const { return Money(-cents_); }
  constexpr Money& operator+=(Money other) {
    cents_ += other.cents_;
    return *this;
  }
  constexpr Money& operator-=(Money other) {
    cents_ -= other.cents_;
    return *this;
  }

  constexpr bool is_zero() const { return cents_ == 0; }
  constexpr bool is_negative() const { return cents_ < 0; }

  friend constexpr auto operator<=>(Money, Money) = default;
  friend constexpr bool operator==(Money, Money) = default;

 private:
  constexpr explicit Money(int64_t cents) : cents_(cents) {}
  int64_t cents_ = 0;
};

}  // namespace rp
