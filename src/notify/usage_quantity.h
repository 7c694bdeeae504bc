#pragma once
// A quantity as notices and alerts write it: milli-units with at most three decimals, trailing
// zeros dropped, and the unit ("2.4 gal", "0.05 therm", "310 gal"). The unit keeps it from being
// read as an amount of money.

#include <cstdint>
#include <string>

namespace rp::notify {

std::string quantity_text(std::int64_t milli, const std::string& unit);

// The same without the unit ("2.4"), for the API.
std::string decimal_text(std::int64_t milli);

}  // namespace rp::notify
