#pragma once
// Exact fixed-point building blocks shared by Money (2 fractional digits) and Decimal (9): the text
// form [-]digits[.digits], and integer division that rounds half away from zero. Other modules
// use Money and Decimal for amounts and rates, and these for the same arithmetic on plain scaled
// integers (milli-units written out, a per-day rate or a percent rounded).

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"

namespace rp::fixed_point {

// 10^exponent; requires 0 <= exponent <= 18.
int64_t pow10(int exponent);

// Parses an optional '-', one or more digits, then optionally '.' and 1..fraction_digits digits,
// and returns the value scaled by 10^fraction_digits ("7.5" with 2 digits -> 750). Never rounds.
// On failure returns invalid_input with an empty field and a message that is a phrase about the
// text ("has more than 2 digits after the decimal point"); callers add the field and a hint.
Result<int64_t> parse_scaled(std::string_view text, int fraction_digits);

// Formats `scaled` (a value times 10^fraction_digits) with exactly fraction_digits fractional
// digits, or, when trim_zeros, without trailing fractional zeros (and without the '.' when nothing
// remains). Every int64 value, INT64_MIN included, formats correctly.
std::string format_scaled(int64_t scaled, int fraction_digits, bool trim_zeros);

// numerator / denominator rounded half away from zero (2.5 -> 3, -2.5 -> -3, 2.49 -> 2).
// Requires denominator != 0 and that neither operand is the most negative __int128.
__int128 divide_round_half_away(__int128 numerator, __int128 denominator);

// Whether `value` fits in int64_t.
bool fits_int64(__int128 value);

}  // namespace rp::fixed_point
