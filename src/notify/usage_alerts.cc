#include "notify/usage_alerts.h"

#include <map>

#include "accounts/account_events.h"
#include "core/json_writer.h"
#include "notify/usage_quantity.h"
#include "store/utility_settings.h"

namespace rp::notify {
namespace {

using store::Row;
using store::Session;

constexpr const char* kActor = "system:usage-alerts";

struct Crossed {
  std::int64_t account_id = 0;
  UsageThreshold threshold;
  ThresholdCrossing crossing;
  const billing::PeriodToDate* to_date = nullptr;
};

struct Leak {
  std::int64_t account_id = 0;
  const billing::MeterWatch* meter = nullptr;
  LeakFinding finding;
};

Result<std::map<std::int64_t, std::vector<UsageThreshold>>> all_thresholds(Session& session) {
  auto rows = session.query_named("notify/usage_thresholds_all");
  RP_TRY(rows);
  std::map<std::int64_t, std::vector<UsageThreshold>> thresholds;
  for (const Row& row : *rows) {
    UsageThreshold threshold;
    threshold.id = row.integer("id");
    const std::string basis = row.text("basis");
    threshold.basis = basis == "last_bill"   ? UsageThreshold::Basis::last_bill
                      : basis == "last_year" ? UsageThreshold::Basis::last_year
                                             : UsageThreshold::Basis::amount;
    if (!row.is_null("amount_cents"))
      threshold.amount = Money::from_cents(row.integer("amount_cents"));
    if (!row.is_null("percent")) threshold.percent = row.integer("percent");
    thresholds[row.integer("account_id")].push_back(threshold);
  }
  return thresholds;
}

std::string crossing_details(const Crossed& crossed) {
  const ThresholdCrossing& c = crossed.crossing;
  const billing::PeriodToDate& to_date = *crossed.to_date;
  JsonWriter out;
  out.begin_object().key("basis").string(basis_name(crossed.threshold.basis));
  out.key("by_" + basis_name(crossed.threshold.basis)).boolean(true);
  if (crossed.threshold.basis == UsageThreshold::Basis::amount) {
    out.key("threshold").string(crossed.threshold.amount.to_string());
  } else {
    out.key("percent").number(crossed.threshold.percent);
  }
  out.key("so_far").string(c.so_far.to_string());
  out.key("projected").string(c.projected.to_string());
  out.key("days_so_far").number(std::int64_t{to_date.days_so_far});
  out.key("period_start").string(format_local_date(to_date.period.start));
  out.key("next_read_date").string(format_local_date(to_date.next_read_date));
  if (c.compared_with) {
    out.key("compared_with").string(c.compared_with->charges.to_string());
    out.key("compared_days").number(std::int64_t{c.compared_with->days});
  }
  if (c.change_percent) out.key("change_percent").number(*c.change_percent);
  out.key("estimated").boolean(c.estimated).end_object();
  return out.take();
}

std::string leak_details(const Leak& leak) {
  const LeakFinding& f = leak.finding;
  const std::string& unit = leak.meter->unit;
  JsonWriter out;
  out.begin_object().key("kind").string(kind_name(f.kind)).key(kind_name(f.kind)).boolean(true);
  out.key("commodity").string(leak.meter->commodity).key(leak.meter->commodity).boolean(true);
  out.key("meter").string(leak.meter->meter);
  out.key("day").string(format_local_date(f.found_on));
  out.key("use").string(quantity_text(f.use_per_day_milli, unit));
  if (f.least_per_hour_milli)
    out.key("least_per_hour").string(quantity_text(*f.least_per_hour_milli, unit));
  if (f.usual_per_day_milli) out.key("usual").string(quantity_text(*f.usual_per_day_milli, unit));
  out.end_object();
  return out.take();
}

Result<bool> record_crossing(Session& session, const Crossed& crossed, const std::string& today) {
  const std::string period_start = format_local_date(crossed.to_date->period.start);
  auto recorded = session.execute_named(
      "notify/record_usage_alert",
      {crossed.account_id, crossed.threshold.id, basis_name(crossed.threshold.basis), period_start,
       today, crossed.crossing.so_far.cents(), crossed.crossing.projected.cents(),
       std::int64_t{crossed.crossing.estimated ? 1 : 0}});
  RP_TRY(recorded);
  if (*recorded == 0) return false;
  auto event = accounts::record_event(session, {crossed.account_id, "usage.high", kActor,
                                                "High usage: this period's bill is heading for " +
                                                    crossed.crossing.projected.to_string(),
                                                crossing_details(crossed)});
  RP_TRY(event);
  RP_TRY(session.execute_named("notify/set_usage_alert_event",
                               {*event, crossed.threshold.id, period_start}));
  return true;
}

Result<bool> record_leak(Session& session, const Leak& leak, const std::string& closed_since) {
  auto blocking = session.query_named("notify/leak_alert_blocking",
                                      {leak.meter->service_point_id, closed_since});
  RP_TRY(blocking);
  if (!blocking->empty()) return false;
  const LeakFinding& f = leak.finding;
  const std::string found_on = format_local_date(f.found_on);
  auto optional = [](const std::optional<std::int64_t>& value) -> store::Value {
    if (!value) return store::Null{};
    return *value;
  };
  auto recorded = session.execute_named(
      "notify/record_leak_alert",
      {leak.account_id, leak.meter->service_point_id, leak.meter->commodity, leak.meter->meter,
       leak.meter->unit, kind_name(f.kind), found_on, optional(f.least_per_hour_milli),
       f.use_per_day_milli, optional(f.usual_per_day_milli), format_instant(now())});
  RP_TRY(recorded);
  if (*recorded == 0) return false;
  // A gas leak is a safety notice of its own (leak.gas_suspected: sent at any hour).
  const std::string kind = leak.meter->commodity == "gas" ? "leak.gas_suspected" : "leak.suspected";
  auto event = accounts::record_event(
      session, {leak.account_id, kind, kActor,
                "Possible " + leak.meter->commodity + " leak at meter " + leak.meter->meter,
                leak_details(leak)});
  RP_TRY(event);
  RP_TRY(session.execute_named("notify/set_leak_alert_event", {*event, leak.meter->service_point_id,
                                                               kind_name(f.kind), found_on}));
  return true;
}

Result<std::int64_t> setting_or(Session& session, const char* key, std::int64_t otherwise) {
  auto value = store::whole_number_setting(session, key);
  RP_TRY(value);
  return value->value_or(otherwise);
}

}  // namespace

Result<LeakSettings> leak_settings(Session& session) {
  LeakSettings settings;
  auto water = setting_or(session, "leak_water_least_flow_milli", settings.water_least_flow_milli);
  RP_TRY(water);
  auto gas = setting_or(session, "leak_gas_least_flow_milli", settings.gas_least_flow_milli);
  RP_TRY(gas);
  auto burst = setting_or(session, "leak_burst_percent", settings.burst_percent);
  RP_TRY(burst);
  auto read = setting_or(session, "leak_read_percent", settings.read_percent);
  RP_TRY(read);
  return LeakSettings{*water, *gas, *burst, *read};
}

Result<UsageAlertsRun> run_usage_alerts(store::Database& database, LocalDate today) {
  struct Setup {
    std::map<std::int64_t, std::vector<UsageThreshold>> thresholds;
    LeakSettings leaks;
  };
  auto setup = database.read<Setup>([](Session& session) -> Result<Setup> {
    auto thresholds = all_thresholds(session);
    RP_TRY(thresholds);
    auto leaks = leak_settings(session);
    RP_TRY(leaks);
    return Setup{std::move(*thresholds), *leaks};
  });
  RP_TRY(setup);
  UsageAlertsRun run;
  const std::string today_text = format_local_date(today);
  const std::string closed_since = format_instant(now() - std::chrono::hours(24 * kLeakQuietDays));
  auto judged = billing::watch_usage(
      database, today, [&](std::vector<billing::AccountWatch>& accounts) -> Result<void> {
        std::vector<Crossed> crossed;
        std::vector<Leak> leaks;
        for (const billing::AccountWatch& account : accounts) {
          ++run.accounts;
          auto thresholds = setup->thresholds.find(account.account_id);
          if (thresholds != setup->thresholds.end()) {
            for (const UsageThreshold& threshold : thresholds->second) {
              ++run.thresholds;
              if (auto found = crossing(threshold, account)) {
                crossed.push_back({account.account_id, threshold, *found, &account.to_date});
              }
            }
          }
          for (const billing::MeterWatch& meter : account.meters) {
            ++run.meters;
            if (auto found = find_leak(meter, setup->leaks, today)) {
              leaks.push_back({account.account_id, &meter, *found});
            }
          }
        }
        if (crossed.empty() && leaks.empty()) return success();
        auto counts = database.write<std::pair<int, int>>(
            [&](Session& session) -> Result<std::pair<int, int>> {
              std::pair<int, int> counts{0, 0};
              for (const Crossed& one : crossed) {
                auto recorded = record_crossing(session, one, today_text);
                RP_TRY(recorded);
                counts.first += *recorded ? 1 : 0;
              }
              for (const Leak& one : leaks) {
                auto recorded = record_leak(session, one, closed_since);
                RP_TRY(recorded);
                counts.second += *recorded ? 1 : 0;
              }
              return counts;
            });
        RP_TRY(counts);
        run.high_usage += counts->first;
        run.leaks += counts->second;
        return success();
      });
  RP_TRY(judged);
  return run;
}

}  // namespace rp::notify
