#include "rating/proration.h"

#include <algorithm>

namespace rp::rating {
namespace {

// numerator / denominator rounded half away from zero; requires denominator != 0.
__int128 divide_half_away(__int128 numerator, __int128 denominator) {
  if (denominator < 0) {
    numerator = -numerator;
    denominator = -denominator;
  }
  const __int128 half = denominator / 2;
  const __int128 adjusted = numerator >= 0 ? numerator + half : numerator - half;
  // Odd denominators have no exact half; even ones round the tie away from zero by the adjustment.
  return adjusted / denominator;
}

bool fits_int64(__int128 value) {
  return value >= INT64_MIN && value <= INT64_MAX;
}

}  // namespace

int days_between(LocalDate from, LocalDate to) {
  return static_cast<int>((date::sys_days(to) - date::sys_days(from)).count());
}

LocalDate add_days(LocalDate date, int days) {
  return LocalDate(date::sys_days(date) + date::days(days));
}

LocalDate add_months(LocalDate start, int months) {
  const date::year_month shifted = start.year() / start.month() + date::months(months);
  const LocalDate same_day = shifted / start.day();
  if (same_day.ok()) return same_day;
  return LocalDate(shifted / date::last);
}

std::vector<MonthSegment> month_segments(LocalDate period_start, LocalDate from, LocalDate to) {
  // The anniversary month holding `from`: start from a month count that is never too high.
  const int year_months =
      (static_cast<int>(from.year()) - static_cast<int>(period_start.year())) * 12 +
      static_cast<int>(static_cast<unsigned>(from.month())) -
      static_cast<int>(static_cast<unsigned>(period_start.month()));
  int k = std::max(0, year_months - 1);
  while (add_months(period_start, k + 1) <= from) ++k;

  std::vector<MonthSegment> segments;
  LocalDate day = from;
  while (day < to) {
    const LocalDate month_begin = add_months(period_start, k);
    const LocalDate month_end = add_months(period_start, k + 1);
    const LocalDate segment_end = std::min(month_end, to);
    segments.push_back({days_between(day, segment_end), days_between(month_begin, month_end)});
    day = segment_end;
    ++k;
  }
  return segments;
}

Result<Decimal> scale(Decimal value, std::int64_t numerator, std::int64_t denominator) {
  const __int128 scaled =
      divide_half_away(static_cast<__int128>(value.raw()) * numerator, denominator);
  if (!fits_int64(scaled)) {
    return overflow(value.to_string() + " x " + std::to_string(numerator) + " / " +
                    std::to_string(denominator) + " does not fit in a decimal");
  }
  return Decimal::from_raw(static_cast<std::int64_t>(scaled));
}

Result<Decimal> multiply(Decimal a, Decimal b) {
  return scale(a, b.raw(), Decimal::kScale);
}

Result<Decimal> prorate_limit(Decimal per_month, const std::vector<MonthSegment>& segments) {
  Decimal total;
  for (const MonthSegment& segment : segments) {
    Result<Decimal> part = segment.whole() ? Result<Decimal>(per_month)
                                           : scale(per_month, segment.days, segment.month_days);
    if (!part.ok()) return part.error();
    Result<Decimal> sum = total.checked_add(*part);
    if (!sum.ok()) return sum.error();
    total = *sum;
  }
  return total;
}

Result<std::vector<ProratedCharge>> prorate_monthly_charge(
    Decimal amount, const std::vector<MonthSegment>& segments) {
  std::vector<ProratedCharge> charges;
  const auto whole_months = std::count_if(segments.begin(), segments.end(),
                                          [](const MonthSegment& s) { return s.whole(); });
  if (whole_months > 0) {
    Result<Decimal> months = Decimal::from_units(whole_months);
    if (!months.ok()) return months.error();
    charges.push_back({*months, false, amount, 0, 0});
  }
  for (const MonthSegment& segment : segments) {
    if (segment.whole()) continue;
    Result<Decimal> daily = scale(amount, 1, segment.month_days);
    if (!daily.ok()) return daily.error();
    Result<Decimal> days = Decimal::from_units(segment.days);
    if (!days.ok()) return days.error();
    charges.push_back({*days, true, *daily, segment.days, segment.month_days});
  }
  return charges;
}

}  // namespace rp::rating
