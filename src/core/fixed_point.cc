#include "core/fixed_point.h"

#include <cassert>
#include <limits>

namespace rp::fixed_point {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool all_digits(std::string_view text) {
  for (char c : text) {
    if (!is_digit(c)) return false;
  }
  return true;
}

// Names the first thing wrong with the shape of `text`, or returns empty when it is well formed.
std::string shape_problem(std::string_view text, std::string_view whole, std::string_view fraction,
                          bool has_point, int fraction_digits) {
  if (text.empty()) return "is empty";
  if (text.find(',') != std::string_view::npos) return "must not contain thousands separators";
  if (text.find_first_of("eE") != std::string_view::npos) {
    return "uses exponent notation, which is not accepted";
  }
  if (whole.empty()) return "needs at least one digit before the decimal point";
  if (!all_digits(whole) || !all_digits(fraction)) return "is not a decimal number";
  if (has_point && fraction.empty()) return "needs digits after the decimal point";
  if (fraction.size() > static_cast<size_t>(fraction_digits)) {
    return "has more than " + std::to_string(fraction_digits) + " digits after the decimal point";
  }
  return {};
}

// Appends `digits` to `*value`, each weighted by `sign` (+1 or -1) so that negative values down to
// INT64_MIN are representable. Returns false on int64 overflow.
bool accumulate(std::string_view digits, int sign, int64_t* value) {
  for (char c : digits) {
    if (__builtin_mul_overflow(*value, 10, value)) return false;
    if (__builtin_add_overflow(*value, sign * (c - '0'), value)) return false;
  }
  return true;
}

}  // namespace

int64_t pow10(int exponent) {
  assert(exponent >= 0 && exponent <= 18);
  int64_t result = 1;
  for (int i = 0; i < exponent; ++i) result *= 10;
  return result;
}

Result<int64_t> parse_scaled(std::string_view text, int fraction_digits) {
  std::string_view rest = text;
  const bool negative = !rest.empty() && rest.front() == '-';
  if (negative) rest.remove_prefix(1);
  const size_t point = rest.find('.');
  const bool has_point = point != std::string_view::npos;
  const std::string_view whole = rest.substr(0, point);
  const std::string_view fraction = has_point ? rest.substr(point + 1) : std::string_view();
  const std::string problem = shape_problem(text, whole, fraction, has_point, fraction_digits);
  if (!problem.empty()) return invalid_input({}, problem);

  const std::string padded =
      std::string(fraction) + std::string(fraction_digits - fraction.size(), '0');
  const int sign = negative ? -1 : 1;
  int64_t scaled = 0;
  if (!accumulate(whole, sign, &scaled) || !accumulate(padded, sign, &scaled)) {
    return invalid_input({}, "is too large in magnitude");
  }
  return scaled;
}

std::string format_scaled(int64_t scaled, int fraction_digits, bool trim_zeros) {
  // Unsigned magnitude so that INT64_MIN formats correctly.
  const uint64_t magnitude =
      scaled < 0 ? uint64_t{0} - static_cast<uint64_t>(scaled) : static_cast<uint64_t>(scaled);
  const uint64_t unit = static_cast<uint64_t>(pow10(fraction_digits));
  std::string fraction;
  if (fraction_digits > 0) {
    fraction = std::to_string(magnitude % unit);
    fraction.insert(0, fraction_digits - fraction.size(), '0');
  }
  if (trim_zeros) {
    while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
  }
  std::string text = (scaled < 0 ? "-" : "") + std::to_string(magnitude / unit);
  if (!fraction.empty()) text += "." + fraction;
  return text;
}

__int128 divide_round_half_away(__int128 numerator, __int128 denominator) {
  assert(denominator != 0);
  const bool negative = (numerator < 0) != (denominator < 0);
  const __int128 n = numerator < 0 ? -numerator : numerator;
  const __int128 d = denominator < 0 ? -denominator : denominator;
  __int128 quotient = n / d;
  const __int128 remainder = n % d;
  if (remainder >= d - remainder) ++quotient;  // remainder >= d/2 without overflow
  return negative ? -quotient : quotient;
}

bool fits_int64(__int128 value) {
  return value >= std::numeric_limits<int64_t>::min() &&
         value <= std::numeric_limits<int64_t>::max();
}

}  // namespace rp::fixed_point
