#include "notify/usage_quantity.h"

#include "core/fixed_point.h"

namespace rp::notify {

std::string decimal_text(std::int64_t milli) {
  return fixed_point::format_scaled(milli, 3, true);
}

std::string quantity_text(std::int64_t milli, const std::string& unit) {
  return decimal_text(milli) + " " + unit;
}

}  // namespace rp::notify
