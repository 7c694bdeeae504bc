// The short names of the rating enums, as they appear on bill lines and in JSON.

#include "rating/tariff.h"

namespace rp::rating {

const char* usage_unit_name(UsageUnit unit) {
  switch (unit) {
    case UsageUnit::kWh:
      return "kWh";
    case UsageUnit::gal:
      return "gal";
    case UsageUnit::CCF:
      return "CCF";
    case UsageUnit::therm:
      return "therm";
  }
  return "unit";
}

const char* line_kind_name(LineKind kind) {
  switch (kind) {
    case LineKind::energy:
      return "energy";
    case LineKind::demand:
      return "demand";
    case LineKind::fixed:
      return "fixed";
    case LineKind::minimum:
      return "minimum";
    case LineKind::rider:
      return "rider";
    case LineKind::tax:
      return "tax";
  }
  return "unknown";
}

}  // namespace rp::rating
