#pragma once
// How notices write amounts and dates for a customer, in English or Spanish.

#include <string>
#include <string_view>

#include "core/money.h"
#include "core/time.h"

namespace rp::notify {

// "November 24, 2026" / "24 de noviembre de 2026".
std::string long_date(LocalDate date, std::string_view language);

// A local time of day, 0-23 and 0-59: "8:00 AM", "1:30 PM" / "8:00 a. m.", "1:30 p. m.".
std::string clock_time(int hour, int minute, std::string_view language);

// "$1234.56", "-$12.00".
std::string dollars(Money amount);

// An account number as notices show it: its last four digits, "*0017".
std::string masked_account(const std::string& number);

}  // namespace rp::notify
