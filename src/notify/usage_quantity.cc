#include "notify/usage_quantity.h"

namespace rp::notify {

std::string decimal_text(std::int64_t milli) {
  const bool negative = milli < 0;
  const std::int64_t magnitude = negative ? -milli : milli;
  std::string text = (negative ? "-" : "") + std::to_string(magnitude / 1000);
  std::string fraction = std::to_string(1000 + magnitude % 1000).substr(1);
  while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
  if (!fraction.empty()) text += "." + fraction;
  return text;
}

std::string quantity_text(std::int64_t milli, const std::string& unit) {
  return decimal_text(milli) + " " + unit;
}

}  // namespace rp::notify
