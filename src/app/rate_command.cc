#include "app/rate_command.h"

#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/json_writer.h"
#include "rating/calculator.h"
#include "rating/tariff_format.h"
#include "rating/urdb_import.h"
#include "rating/usage_csv.h"

namespace rp::app {
namespace {

using rating::BillingPeriod;
using rating::RatedBill;

Result<std::string> read_file(const std::string& path, const char* what) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return invalid_input(what, std::string("cannot read the ") + what + " file " + path);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

}  // namespace

// Our format has "versions"; anything else is taken as an OpenEI URDB rate (or API response).
Result<rating::Tariff> load_tariff_file(const std::string& path) {
  auto text = read_file(path, "tariff");
  if (!text.ok()) return text.error();
  auto probe = nlohmann::json::parse(*text, nullptr, false);
  if (probe.is_object() && probe.contains("versions")) return rating::parse_tariff(*text);
  auto imported = rating::import_urdb(*text);
  if (!imported.ok()) return imported.error();
  for (const std::string& warning : imported->warnings) std::cerr << "warning: " << warning << "\n";
  return imported->tariff;
}

namespace {

// The local days the series covers completely: [first, end).
Result<BillingPeriod> covered_days(const rating::IntervalSeries& series, const UtilityZone& zone) {
  Instant end = series.start + series.interval * static_cast<int>(series.values.size());
  LocalDate first = zone.local_date(series.start);
  if (zone.start_of_day(first) != series.start) first = date::sys_days(first) + date::days(1);
  LocalDate last = zone.local_date(end - std::chrono::seconds(1));
  LocalDate stop =
      zone.end_of_day(last) == end ? LocalDate(date::sys_days(last) + date::days(1)) : last;
  if (date::sys_days(stop) <= date::sys_days(first)) {
    return invalid_input("usage",
                         "the usage file does not cover one whole local day in " + zone.name());
  }
  return BillingPeriod{first, stop};
}

std::vector<BillingPeriod> calendar_months(const BillingPeriod& covered) {
  std::vector<BillingPeriod> months;
  LocalDate start = covered.start;
  while (date::sys_days(start) < date::sys_days(covered.end)) {
    LocalDate next_month = (start.year() / start.month() / 1) + date::months(1);
    LocalDate end =
        date::sys_days(next_month) < date::sys_days(covered.end) ? next_month : covered.end;
    months.push_back({start, end});
    start = end;
  }
  return months;
}

Result<std::vector<BillingPeriod>> chosen_periods(const RateCommandOptions& options,
                                                  const rating::IntervalSeries& series,
                                                  const UtilityZone& zone) {
  if (options.from.has_value() != options.to.has_value()) {
    return invalid_input(options.from ? "to" : "from", "give both --from and --to, or neither");
  }
  if (options.from) {
    auto from = parse_local_date(*options.from, "from");
    auto to = parse_local_date(*options.to, "to");
    if (!from.ok()) return from.error();
    if (!to.ok()) return to.error();
    if (date::sys_days(*to) <= date::sys_days(*from)) {
      return invalid_input("to", "--to must be after --from (it is the first day not billed)");
    }
    return std::vector<BillingPeriod>{{*from, *to}};
  }
  auto covered = covered_days(series, zone);
  if (!covered.ok()) return covered.error();
  return calendar_months(*covered);
}

std::string bills_json(const std::vector<RatedBill>& bills, Money total) {
  JsonWriter out;
  out.begin_object().key("bills").begin_array();
  for (const RatedBill& bill : bills) {
    out.begin_object().key("period").begin_object();
    out.key("start").string(format_local_date(bill.period.start));
    out.key("end").string(format_local_date(bill.period.end)).end_object();
    out.key("lines").begin_array();
    for (const auto& line : bill.lines) {
      out.begin_object().key("kind").string(rating::line_kind_name(line.kind));
      out.key("description").string(line.description);
      out.key("quantity").string(line.quantity.to_string()).key("unit").string(line.unit);
      out.key("rate").string(line.rate.to_string()).key("amount").string(line.amount.to_string());
      out.end_object();
    }
    out.end_array().key("total").string(bill.total.to_string()).end_object();
  }
  out.end_array().key("total").string(total.to_string()).end_object();
  return out.take();
}

void print_table(const std::vector<RatedBill>& bills, Money total) {
  for (const RatedBill& bill : bills) {
    std::cout << "Bill for " << format_local_date(bill.period.start) << " to "
              << format_local_date(bill.period.end) << " (end not included)\n";
    for (const auto& line : bill.lines) {
      std::cout << "  " << std::left << std::setw(8) << rating::line_kind_name(line.kind)
                << std::setw(48) << line.description << std::right << std::setw(14)
                << line.quantity.to_string() << " " << std::left << std::setw(6) << line.unit
                << std::right << " x " << std::setw(12) << line.rate.to_string() << " = "
                << std::setw(10) << line.amount.to_string() << "\n";
    }
    std::cout << "  " << std::setw(105) << "Bill total " << std::setw(10) << bill.total.to_string()
              << "\n\n";
  }
  std::cout << "Total of " << bills.size() << " bill(s): " << total.to_string() << "\n";
}

Result<std::vector<RatedBill>> rate_all(const RateCommandOptions& options, Money& total) {
  auto tariff = load_tariff_file(options.tariff_path);
  if (!tariff.ok()) return tariff.error();
  auto text = read_file(options.usage_path, "usage");
  if (!text.ok()) return text.error();
  auto usage = rating::parse_usage_csv(*text);
  if (!usage.ok()) return usage.error();
  bool converts_ccf = usage->unit == rating::UsageUnit::CCF && tariff->therm_factor.has_value();
  if (usage->unit != tariff->unit && !converts_ccf) {
    return invalid_input("usage",
                         std::string("the usage is in ") + rating::usage_unit_name(usage->unit) +
                             " but the tariff bills " + rating::usage_unit_name(tariff->unit));
  }
  auto zone = UtilityZone::find(options.time_zone);
  if (!zone.ok()) return zone.error();
  auto periods = chosen_periods(options, usage->series, *zone);
  if (!periods.ok()) return periods.error();
  std::vector<RatedBill> bills;
  for (const BillingPeriod& period : *periods) {
    auto bill = rating::rate_intervals(*tariff, usage->series, period, *zone);
    if (!bill.ok()) return bill.error();
    auto sum = total.checked_add(bill->total);
    if (!sum.ok()) return sum.error();
    total = *sum;
    bills.push_back(std::move(*bill));
  }
  return bills;
}

}  // namespace

int rate_command(const RateCommandOptions& options) {
  Money total;
  auto bills = rate_all(options, total);
  if (!bills.ok()) {
    std::cerr << "ratepayer: " << bills.error().message << "\n";
    return 2;
  }
  if (options.json) {
    std::cout << bills_json(*bills, total) << "\n";
  } else {
    print_table(*bills, total);
  }
  return 0;
}

}  // namespace rp::app
