#pragma once
// A bill line in words, as the bills API and the bill document show it under the line:
//   "827.371 kWh × $0.1085 per kWh = $89.77"
//   "29 days × $0.366666667 per day = $10.63"
//   "5% of $123.45 = $6.17"            (a percentage tax: quantity is the base in dollars)
//   "$12.00"                            (a line with no quantity)
// The amount is the line's stored amount (rounded once when the bill was rated), never
// recomputed here, so the words always agree with the bill.

#include <string>
#include <string_view>

#include "core/money.h"

namespace rp::billing {

// `quantity` and `rate` are the exact decimal text stored on the line ("827.371", "0.1085").
std::string explain_line(std::string_view quantity, std::string_view unit, std::string_view rate,
                         Money amount);

// A tax's rate as a percentage: "0.0725" -> "7.25%".
std::string percent_text(std::string_view fraction);

// "$1,234.56", "-$12.00": dollars with thousands separators, as customers read them.
std::string dollars_text(Money amount);

}  // namespace rp::billing
