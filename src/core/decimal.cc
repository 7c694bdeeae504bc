#include "core/decimal.h"

#include <algorithm>

#include "core/fixed_point.h"

namespace rp {
namespace {

using fixed_point::divide_round_half_away;
using fixed_point::fits_int64;
using fixed_point::pow10;

// 10^(9 - digits), the raw step for `digits` fractional digits, with digits clamped to 0..9.
int64_t step_for(int digits) {
  return pow10(Decimal::kFractionDigits - std::clamp(digits, 0, Decimal::kFractionDigits));
}

// `describe` is called only on overflow, so the success path builds no text.
template <typename Describe>
Result<int64_t> narrow(__int128 value, Describe describe) {
  if (!fits_int64(value)) return overflow(describe() + " does not fit in a decimal");
  return static_cast<int64_t>(value);
}

}  // namespace

Result<Decimal> Decimal::from_units(int64_t units) {
  int64_t raw = 0;
  if (__builtin_mul_overflow(units, kScale, &raw)) {
    return overflow(std::to_string(units) + " does not fit in a decimal");
  }
  return Decimal(raw);
}

Result<Decimal> Decimal::parse(std::string_view text, std::string field) {
  Result<int64_t> raw = fixed_point::parse_scaled(text, kFractionDigits);
  if (!raw.ok()) {
    std::string message = field + " \"" + std::string(text) + "\" " + raw.error().message +
                          "; write a decimal number like \"0.1125\"";
    return invalid_input(std::move(field), std::move(message));
  }
  return Decimal(*raw);
}

std::string Decimal::to_string() const {
  return fixed_point::format_scaled(raw_, kFractionDigits, true);
}

std::string Decimal::to_string(int digits) const {
  digits = std::clamp(digits, 0, kFractionDigits);
  // |raw / step| <= |raw|, so the rounded value always fits in int64.
  const auto scaled = static_cast<int64_t>(divide_round_half_away(raw_, step_for(digits)));
  return fixed_point::format_scaled(scaled, digits, false);
}

Result<Decimal> Decimal::checked_add(Decimal other) const {
  int64_t sum = 0;
  if (__builtin_add_overflow(raw_, other.raw_, &sum)) {
    return overflow("adding " + other.to_string() + " to " + to_string() + " overflows");
  }
  return Decimal(sum);
}

Result<Decimal> Decimal::checked_sub(Decimal other) const {
  int64_t difference = 0;
  if (__builtin_sub_overflow(raw_, other.raw_, &difference)) {
    return overflow("subtracting " + other.to_string() + " from " + to_string() + " overflows");
  }
  return Decimal(difference);
}

Result<Decimal> Decimal::checked_multiply(Decimal other) const {
  const __int128 exact = static_cast<__int128>(raw_) * other.raw_;
  Result<int64_t> raw = narrow(divide_round_half_away(exact, kScale), [&] {
    return "the product of " + to_string() + " and " + other.to_string();
  });
  if (!raw.ok()) return raw.error();
  return Decimal(*raw);
}

Result<Decimal> Decimal::checked_divide(Decimal divisor) const {
  if (divisor.is_zero()) {
    return invalid_input("divisor", "cannot divide " + to_string() + " by zero");
  }
  const __int128 numerator = static_cast<__int128>(raw_) * kScale;
  Result<int64_t> raw = narrow(divide_round_half_away(numerator, divisor.raw_), [&] {
    return "the quotient of " + to_string() + " by " + divisor.to_string();
  });
  if (!raw.ok()) return raw.error();
  return Decimal(*raw);
}

Result<Money> Decimal::round_to_cents() const {
  // |raw / 10^7| < |raw|, so the cents always fit.
  const __int128 cents = divide_round_half_away(raw_, pow10(kFractionDigits - 2));
  return Money::from_cents(static_cast<int64_t>(cents));
}

Result<Decimal> Decimal::round(int digits) const {
  const int64_t step = step_for(digits);
  const __int128 rounded = divide_round_half_away(raw_, step) * step;
  Result<int64_t> raw = narrow(
      rounded, [&] { return to_string() + " rounded to " + std::to_string(digits) + " digits"; });
  if (!raw.ok()) return raw.error();
  return Decimal(*raw);
}

Result<Money> extend(Decimal quantity, Decimal rate) {
  // The exact product has 18 fractional digits; one division by 10^16 leaves whole cents.
  const __int128 exact = static_cast<__int128>(quantity.raw()) * rate.raw();
  const __int128 cents = divide_round_half_away(exact, static_cast<__int128>(pow10(16)));
  if (!fits_int64(cents)) {
    return overflow(quantity.to_string() + " x " + rate.to_string() +
                    " is too large to be an amount of money");
  }
  return Money::from_cents(static_cast<int64_t>(cents));
}

}  // namespace rp
