#include "billing/usage_watch.h"

#include <algorithm>

#include "billing/bill_cycle.h"

namespace rp::billing {
namespace {

using store::Session;

constexpr std::int64_t kDaySeconds = 86'400;


bool contains(const rating::BillingPeriod& period, LocalDate day) {
  return date::sys_days(period.start) <= date::sys_days(day) &&
         date::sys_days(day) < date::sys_days(period.end);
}

// The latest released bill's rated charges, and the one covering `day`: summed over the
// account's services, over the longest of their periods.
struct Costs {
  std::optional<BillCost> last_bill;
  std::optional<BillCost> covering;
};

void add_cost(std::optional<BillCost>& cost, const SectionHistory& section) {
  if (!cost) cost = BillCost{};
  cost->charges = cost->charges + Money::from_cents(section.charges_cents);
  cost->days = std::max(cost->days, days_in(section.period));
}

Costs costs_of(const std::vector<const std::vector<SectionHistory>*>& histories, LocalDate day) {
  Costs costs;
  for (const std::vector<SectionHistory>* history : histories) {
    bool latest_found = false;
    for (const SectionHistory& section : *history) {
      if (!section.released) continue;
      if (!latest_found) {
        add_cost(costs.last_bill, section);
        latest_found = true;
      }
      if (contains(section.period, day)) {
        add_cost(costs.covering, section);
        break;
      }
    }
  }
  return costs;
}

// The highest use per day among the released sections after the newest `skip` sections (of any
// status); none with fewer than two to go by.
std::optional<std::int64_t> highest_per_day(const std::vector<SectionHistory>& history,
                                            std::size_t skip) {
  std::optional<std::int64_t> highest;
  std::size_t counted = 0;
  for (std::size_t at = skip; at < history.size(); ++at) {
    const SectionHistory& section = history[at];
    if (!section.released) continue;
    const std::int32_t days = days_in(section.period);
    if (days <= 0) continue;
    const std::int64_t per_day = section.usage_milli / days;
    highest = std::max(highest.value_or(per_day), per_day);
    ++counted;
  }
  if (counted < 2) return std::nullopt;
  return highest;
}

// The slots of local day `date` on `channel` from the UTC days read; slots no row covers are
// missing.
MeterDay local_day(const RunContext& run, const ChunkFacts& facts, const MeterChannel& channel,
                   LocalDate date) {
  MeterDay day;
  day.date = date;
  day.interval_minutes = *channel.interval_minutes;
  const std::int64_t slot_seconds = std::int64_t{day.interval_minutes} * 60;
  const std::int64_t from = run.settings.zone.start_of_day(date).time_since_epoch().count();
  const std::int64_t to = run.settings.zone.end_of_day(date).time_since_epoch().count();
  const auto slots = static_cast<std::size_t>((to - from) / slot_seconds);
  day.values.assign(slots, 0);
  day.quality.assign(slots, mdm::Quality::missing);
  auto stored = facts.days.find(channel.channel_id);
  if (stored == facts.days.end()) return day;
  for (const mdm::IntervalDay& utc : stored->second) {
    if (utc.interval_minutes != day.interval_minutes) continue;
    for (std::size_t slot = 0; slot < utc.slots(); ++slot) {
      const std::int64_t start =
          std::int64_t{utc.utc_day} * kDaySeconds + static_cast<std::int64_t>(slot) * slot_seconds;
      if (start < from || start >= to) continue;
      const auto at = static_cast<std::size_t>((start - from) / slot_seconds);
      day.values[at] = utc.values[slot];
      day.quality[at] = utc.quality[slot];
    }
  }
  return day;
}

std::optional<MeterWatch> meter_watch(const RunContext& run, const ChunkFacts& facts,
                                      const AgreementFacts& agreement) {
  const LocalDate yesterday = plus_days(run.read_date, -1);
  if (agreement.commodity != "water" && agreement.commodity != "gas") return std::nullopt;
  if (agreement.end_date && date::sys_days(*agreement.end_date) < date::sys_days(yesterday)) {
    return std::nullopt;
  }
  auto channels = facts.channels.find(agreement.service_point_id);
  if (channels == facts.channels.end()) return std::nullopt;
  const MeterChannel* channel = billing_channel(channels->second, yesterday);
  if (channel == nullptr) return std::nullopt;
  MeterWatch watch;
  watch.service_point_id = agreement.service_point_id;
  watch.commodity = agreement.commodity;
  watch.meter = channel->serial;
  watch.unit = channel->unit;
  static const std::vector<SectionHistory> kNoHistory;
  auto found = facts.history.find(agreement.agreement_id);
  const std::vector<SectionHistory>& history =
      found == facts.history.end() ? kNoHistory : found->second;
  if (channel->interval_minutes) {
    watch.day = local_day(run, facts, *channel, yesterday);
    watch.usual_per_day_milli = highest_per_day(history, 0);
    return watch;
  }
  // The latest read billed, released or held (a bill far above the usual is often held for
  // review: the leak is what the customer should hear about meanwhile).
  if (!history.empty()) {
    const SectionHistory& latest = history.front();
    watch.latest_read = BilledRead{latest.period, latest.usage_milli, latest.estimated};
  }
  watch.usual_per_day_milli = highest_per_day(history, 1);
  return watch;
}

LocalDate a_year_before(LocalDate day) {
  const date::year year = day.year() - date::years(1);
  const date::year_month_day same_day = year / day.month() / day.day();
  if (same_day.ok()) return same_day;
  return LocalDate(date::sys_days(year / day.month() / date::last));  // February 29
}

}  // namespace

AccountWatch account_watch(const RunContext& run, const ChunkFacts& facts,
                           const AccountOutcome& outcome) {
  AccountWatch watch;
  watch.account_id = outcome.account_id;
  watch.account_number = outcome.account_number;
  watch.to_date = to_date_of(run, facts, outcome);
  std::vector<const std::vector<SectionHistory>*> histories;
  for (const AgreementFacts& agreement : facts.agreements) {
    if (agreement.account_id != outcome.account_id) continue;
    auto history = facts.history.find(agreement.agreement_id);
    if (history != facts.history.end()) histories.push_back(&history->second);
    if (auto meter = meter_watch(run, facts, agreement)) watch.meters.push_back(std::move(*meter));
  }
  const Costs costs = costs_of(histories, a_year_before(run.read_date));
  watch.last_bill = costs.last_bill;
  watch.last_year = costs.covering;
  return watch;
}

Result<void> watch_usage(store::Database& database, LocalDate today,
                         const std::function<Result<void>(std::vector<AccountWatch>&)>& visit,
                         std::size_t chunk) {
  struct Shared {
    BillingSettings settings;
    std::map<std::int64_t, RatePlan> plans;
  };
  auto shared = database.read<Shared>([](Session& session) -> Result<Shared> {
    auto settings = read_billing_settings(session);
    RP_TRY(settings);
    auto plans = read_rate_plans(session);
    RP_TRY(plans);
    return Shared{std::move(*settings), std::move(*plans)};
  });
  RP_TRY(shared);
  for (int cycle = 1; cycle <= shared->settings.calendar.cycle_count; ++cycle) {
    const RunContext run = to_date_run(shared->settings, shared->plans, cycle, today);
    std::int64_t after = 0;
    while (true) {
      auto facts = database.read<ChunkFacts>(
          [&](Session& session) { return read_chunk(session, run, after, chunk); });
      RP_TRY(facts);
      if (facts->agreements.empty()) break;
      after = facts->agreements.back().account_id;
      std::vector<AccountWatch> watches;
      for (const AccountOutcome& outcome : draft_chunk(run, *facts)) {
        watches.push_back(account_watch(run, *facts, outcome));
      }
      RP_TRY(visit(watches));
    }
  }
  return success();
}

}  // namespace rp::billing
