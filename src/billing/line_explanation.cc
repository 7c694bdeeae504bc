#include "billing/line_explanation.h"

#include "core/decimal.h"

namespace rp::billing {
namespace {

// Units counted in whole things read in the plural ("29 days"); measured units do not ("3 kWh").
std::string counted(std::string_view quantity, std::string_view unit) {
  const bool countable = unit == "day" || unit == "month" || unit == "bill" || unit == "meter";
  const bool one = quantity == "1";
  return std::string(quantity) + " " + std::string(unit) + (countable && !one ? "s" : "");
}

}  // namespace

std::string percent_text(std::string_view fraction) {
  auto value = Decimal::parse(fraction);
  if (!value.ok()) return std::string(fraction);
  auto hundred = Decimal::from_units(100);
  auto percent = value->checked_multiply(*hundred);
  return (percent.ok() ? percent->to_string() : std::string(fraction)) + "%";
}

std::string dollars_text(Money amount) {
  std::string digits = (amount.is_negative() ? -amount : amount).to_string();
  const std::size_t point = digits.find('.');
  for (std::ptrdiff_t at = static_cast<std::ptrdiff_t>(point) - 3; at > 0; at -= 3) {
    digits.insert(static_cast<std::size_t>(at), ",");
  }
  return (amount.is_negative() ? "-$" : "$") + digits;
}

std::string explain_line(std::string_view quantity, std::string_view unit, std::string_view rate,
                         Money amount) {
  const std::string result = dollars_text(amount);
  if (quantity.empty() || rate.empty()) return result;
  if (unit == "$") {
    auto base = Money::parse(quantity);
    const std::string base_text = base.ok() ? dollars_text(*base) : "$" + std::string(quantity);
    return percent_text(rate) + " of " + base_text + " = " + result;
  }
  return counted(quantity, unit) + " × $" + std::string(rate) + " per " + std::string(unit) +
         " = " + result;
}

}  // namespace rp::billing
