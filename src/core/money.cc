#include "core/money.h"

#include "core/fixed_point.h"

namespace rp {

Result<Money> Money::parse(std::string_view text, std::string field) {
  Result<int64_t> cents = fixed_point::parse_scaled(text, 2);
  if (!cents.ok()) {
    std::string message = field + " \"" + std::string(text) + "\" " + cents.error().message +
                          "; write dollars and cents like \"1234.56\"";
    return invalid_input(std::move(field), std::move(message)).coded("amount-invalid");
  }
  return Money(*cents);
}

std::string Money::to_string() const {
  return fixed_point::format_scaled(cents_, 2, false);
}

Result<Money> Money::checked_add(Money other) const {
  int64_t sum = 0;
  if (__builtin_add_overflow(cents_, other.cents_, &sum)) {
    return overflow("adding " + other.to_string() + " to " + to_string() + " overflows");
  }
  return Money(sum);
}

Result<Money> Money::checked_sub(Money other) const {
  int64_t difference = 0;
  if (__builtin_sub_overflow(cents_, other.cents_, &difference)) {
    return overflow("subtracting " + other.to_string() + " from " + to_string() + " overflows");
  }
  return Money(difference);
}

Result<Money> Money::checked_negate() const {
  return Money().checked_sub(*this);
}

Result<Money> Money::checked_multiply(int64_t factor) const {
  int64_t product = 0;
  if (__builtin_mul_overflow(cents_, factor, &product)) {
    return overflow("multiplying " + to_string() + " by " + std::to_string(factor) + " overflows");
  }
  return Money(product);
}

}  // namespace rp
