#pragma once
// Decimal is an exact fixed-point number with nine fractional digits, held as an int64 count of
// billionths (raw = value x 10^9), so it spans about +/-9.2 billion. It carries prices, rates and
// quantities (docs/design.md, "Money is exact": at least 6 fractional digits). No floating point
// anywhere.
//
// Rounding rule: every operation whose exact result has more digits than the target rounds once,
// half away from zero (1.5 -> 2, -1.5 -> -2, 1.49 -> 1). Results that do not fit return an
// overflow error; nothing wraps.

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/money.h"
#include "core/result.h"

namespace rp {

class Decimal {
 public:
  static constexpr int64_t kScale = 1'000'000'000;
  static constexpr int kFractionDigits = 9;

  // Zero.
  constexpr Decimal() = default;

  // The whole number `units`; overflow when |units| x 10^9 does not fit in int64.
  static Result<Decimal> from_units(int64_t units);
  // The value raw / 10^9 (from_raw(1) is 0.000000001). Always exact.
  static constexpr Decimal from_raw(int64_t raw) { return Decimal(raw); }
  constexpr int64_t raw() const { return raw_; }

  // Parses an optional '-', one or more digits, then optionally '.' and 1..9 digits ("0.123456",
  // "-12"). Rejects (invalid_input naming `field`) empty text, exponents ("1e3"), thousands
  // separators, a leading '+', more than 9 fractional digits and out-of-range values. Never rounds.
  static Result<Decimal> parse(std::string_view text, std::string field = "value");

  // The shortest exact text: no trailing fractional zeros, no '.' for whole numbers, at least one
  // digit ("0.1", "12", "-0.000000001", "0"). parse(to_string()) gives back the same value.
  std::string to_string() const;
  // Exactly `digits` fractional digits (requires 0 <= digits <= 9), rounded half away from zero:
  // 2.345 with 2 digits is "2.35", -2.345 is "-2.35". A value that rounds to zero prints unsigned.
  std::string to_string(int digits) const;

  Result<Decimal> checked_add(Decimal other) const;
  Result<Decimal> checked_sub(Decimal other) const;
  // The exact product (computed in 128 bits) rounded half away from zero to 9 digits.
  Result<Decimal> checked_multiply(Decimal other) const;
  // The quotient rounded half away from zero to 9 digits; dividing by zero is invalid_input
  // (field "divisor").
  Result<Decimal> checked_divide(Decimal divisor) const;

  // Rounded half away from zero to whole cents: 0.005 -> 0.01, -0.005 -> -0.01, 0.0049999 -> 0.00.
  Result<Money> round_to_cents() const;
  // Rounded half away from zero to `digits` fractional digits (requires 0 <= digits <= 9); overflow
  // only when rounding up passes the largest representable value.
  Result<Decimal> round(int digits) const;

  constexpr bool is_zero() const { return raw_ == 0; }
  constexpr bool is_negative() const { return raw_ < 0; }

  friend constexpr auto operator<=>(Decimal, Decimal) = default;
  friend constexpr bool operator==(Decimal, Decimal) = default;

 private:
  constexpr explicit Decimal(int64_t raw) : raw_(raw) {}
  int64_t raw_ = 0;
};

// The bill-line rule (docs/design.md, "Money is exact"): a line's amount is quantity x rate
// computed exactly (the full 18-fractional-digit product in 128 bits, no intermediate rounding)
// and then rounded once, half away from zero, to the cent. A bill's total is the sum of its
// rounded lines, never the rounding of an unrounded sum. Example: 123.456 kWh x 0.1125 $/kWh =
// 13.88880 -> 13.89; a credit of -0.05 x 0.1 = -0.005 -> -0.01. Overflow when the amount does not
// fit in Money.
Result<Money> extend(Decimal quantity, Decimal rate);

}  // namespace rp
