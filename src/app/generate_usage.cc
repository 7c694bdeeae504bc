#include "app/generate_usage.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <future>
#include <optional>
#include <span>
#include <string>

#include "app/generate.h"
#include "app/random.h"
#include "app/usage_random.h"
#include "billing/bill_cycle.h"
#include "mdm/interval_day_store.h"
#include "mdm/vee.h"
#include "mdm/vee_checks.h"
#include "store/bulk_insert.h"

namespace rp::app {

using namespace usage_random;  // the shared hash and units (usage_random.h)

namespace {

// ---- The channels to fill -----------------------------------------------------------------------

struct UsageChannel {
  std::int64_t id = 0;
  bool interval = false;  // an AMI 15-minute kWh channel; otherwise a register channel
  bool water = false;
  bool manual = false;  // a register read by hand (else by an AMR drive-by)
  bool commercial = false;
  std::int64_t installed = 0;  // seconds: the first instant of the installation date
  std::int64_t data_end = 0;   // seconds: when as_of began, or the meter was removed
  // The latest agreement on the service point, [from, until); none: the premise is vacant.
  std::optional<std::int64_t> service_from;
  std::optional<std::int64_t> service_until;
  int cycle = 1;  // register reads: on the account's bill cycle's read dates (billing/bill_cycle.h)

  bool occupied(std::int64_t at) const {
    return service_from && at >= *service_from && (!service_until || at < *service_until);
  }
  // Whether any of UTC day `day` is under the agreement.
  bool active_on(std::int32_t day) const {
    return service_from && *service_from < (day + 1) * kDaySeconds &&
           (!service_until || *service_until > day * kDaySeconds);
  }
};

// What every chunk of the run shares (read-only while chunks are computed).
struct UsageRun {
  std::uint64_t seed = 0;
  UsageAnomalyShares shares;
  UtilityZone zone;
  UsageCalendar calendar;
  mdm::VeeRules rules;
  std::int64_t window_start = 0;  // seconds: local midnight of the first month
  std::int64_t as_of_start = 0;   // seconds: local midnight of as_of
  std::string generated_at;       // updated_at and created_at of what is written
  LocalDate window_first;         // the local date the window begins
  LocalDate as_of;
};

Result<std::int64_t> start_of(const UtilityZone& zone, const std::string& text, const char* field,
                              std::int32_t days_after = 0) {
  auto day = parse_local_date(text, field);
  RP_TRY(day);
  return seconds_of(zone.start_of_day(LocalDate{date::sys_days(*day) + date::days{days_after}}));
}

Result<UsageChannel> channel_from(const store::Row& row, const UsageRun& run) {
  UsageChannel channel;
  channel.id = row.integer("id");
  channel.interval = !row.is_null("interval_minutes");
  channel.manual = row.text("kind") == "manual";
  channel.water = row.text("commodity") == "water";
  auto installed = start_of(run.zone, row.text("installed_on"), "installed_on");
  RP_TRY(installed);
  channel.installed = *installed;
  channel.data_end = run.as_of_start;
  if (!row.is_null("removed_on")) {
    auto removed = start_of(run.zone, row.text("removed_on"), "removed_on", 1);
    RP_TRY(removed);
    channel.data_end = std::min(channel.data_end, *removed);
  }
  if (!row.is_null("start_date")) {
    auto from = start_of(run.zone, row.text("start_date"), "start_date");
    RP_TRY(from);
    channel.service_from = *from;
  }
  if (!row.is_null("end_date")) {  // the end date is the last day of service
    auto until = start_of(run.zone, row.text("end_date"), "end_date", 1);
    RP_TRY(until);
    channel.service_until = *until;
  }
  channel.commercial = row.text("code").ends_with("-COM");
  const std::int64_t cycle = row.integer("bill_cycle");
  channel.cycle = cycle >= 1 && cycle <= billing::kMaxCycles
                      ? static_cast<int>(cycle)
                      : static_cast<int>(1 + channel.id % 20);
  return channel;
}

Result<std::vector<UsageChannel>> load_channels(store::Database& database, const UsageRun& run) {
  return database.read<std::vector<UsageChannel>>(
      [&](store::Session& session) -> Result<std::vector<UsageChannel>> {
        auto rows = session.query_named("app/usage_channels");
        RP_TRY(rows);
        std::vector<UsageChannel> channels;
        channels.reserve(rows->size());
        for (const store::Row& row : *rows) {
          auto channel = channel_from(row, run);
          if (!channel.ok()) {
            return internal_error("meter channel " + std::to_string(row.integer("id")) + ": " +
                                  channel.error().message);
          }
          channels.push_back(*channel);
        }
        return channels;
      });
}

// ---- Faults -------------------------------------------------------------------------------------

// The faults of one AMI channel. Days are UTC days; positions are utc_day x 96 + slot.
struct FaultPlan {
  std::int32_t eligible_first = 0;  // days that may carry a fault: 4 weeks of history before,
  std::int32_t eligible_last = -1;  // a week of data after, the service active all day
  std::int32_t stuck_first = 0;     // days reading exactly zero
  std::int32_t stuck_last = -1;
  std::int64_t long_gap_first = 0;  // positions left missing
  std::int64_t long_gap_last = -1;

  bool stuck(std::int32_t day) const { return day >= stuck_first && day <= stuck_last; }
  // Whether `day` may carry a gap or spike: eligible, and a day away from the meter's faults.
  bool free(std::int32_t day) const {
    const std::int64_t first = std::int64_t{day - 1} * kSlotsPerDay;
    const std::int64_t last = std::int64_t{day + 2} * kSlotsPerDay - 1;
    return day >= eligible_first && day <= eligible_last && !stuck(day - 1) && !stuck(day) &&
           !stuck(day + 1) && (last < long_gap_first || first > long_gap_last);
  }
};

FaultPlan plan_faults(const UsageRun& run, const UsageChannel& channel, std::int32_t first_day,
                      std::int32_t last_day) {
  FaultPlan plan;
  plan.eligible_first = first_day + 29;
  plan.eligible_last = last_day - 6;
  if (!channel.service_from) plan.eligible_last = plan.eligible_first - 1;
  if (channel.service_from) {
    const auto active_first =
        static_cast<std::int32_t>((*channel.service_from + kDaySeconds - 1) / kDaySeconds);
    plan.eligible_first = std::max(plan.eligible_first, active_first);
  }
  if (channel.service_until) {
    const auto active_last =
        static_cast<std::int32_t>(floor_div(*channel.service_until, kDaySeconds) - 1);
    plan.eligible_last = std::min(plan.eligible_last, active_last);
  }
  Random random(run.seed ^ static_cast<std::uint64_t>(Stream::meter_faults),
                static_cast<std::uint64_t>(channel.id));
  const bool stuck = random.below(1'000'000) < run.shares.stuck_meters_ppm;
  const std::int32_t stuck_days = static_cast<std::int32_t>(random.between(4, 6));
  const bool long_gap = random.below(1'000'000) < run.shares.long_gap_meters_ppm;
  const std::int64_t gap_slots = random.between(3 * kSlotsPerDay + 1, 6 * kSlotsPerDay);
  if (stuck && plan.eligible_last - plan.eligible_first + 1 >= stuck_days) {
    plan.stuck_first = static_cast<std::int32_t>(
        random.between(plan.eligible_first, plan.eligible_last - stuck_days + 1));
    plan.stuck_last = plan.stuck_first + stuck_days - 1;
  }
  const std::int64_t lowest = std::int64_t{plan.eligible_first} * kSlotsPerDay;
  const std::int64_t highest = std::int64_t{plan.eligible_last + 1} * kSlotsPerDay - gap_slots;
  if (long_gap && highest >= lowest) {
    const std::int64_t start = random.between(lowest, highest);
    const std::int64_t end = start + gap_slots - 1;
    const bool near_stuck = plan.stuck_last >= plan.stuck_first &&
                            end >= std::int64_t{plan.stuck_first - 1} * kSlotsPerDay &&
                            start < std::int64_t{plan.stuck_last + 2} * kSlotsPerDay;
    if (!near_stuck) plan.long_gap_first = start, plan.long_gap_last = end;
  }
  return plan;
}

struct DayFault {
  enum class Kind { none, gap, spike } kind = Kind::none;
  std::int32_t slot = 0;
  std::int32_t length = 0;      // gap: slots
  std::int64_t multiplier = 0;  // spike: times the normal value
};

DayFault day_fault(const UsageRun& run, std::int64_t channel_id, std::int32_t day) {
  const std::uint64_t bits = hash_of(run.seed, Stream::day_faults, channel_id, day);
  const std::uint32_t share = ppm(bits);
  DayFault fault;
  if (share < run.shares.gap_days_ppm) {
    fault.kind = DayFault::Kind::gap;
    fault.length = static_cast<std::int32_t>(draw(bits, 32, 1, 12));
    fault.slot = static_cast<std::int32_t>(draw(bits, 48, 0, kSlotsPerDay - fault.length));
  } else if (share - run.shares.gap_days_ppm < run.shares.spike_days_ppm) {
    fault.kind = DayFault::Kind::spike;
    fault.slot = static_cast<std::int32_t>(draw(bits, 32, 0, kSlotsPerDay - 1));
    fault.multiplier = draw(bits, 48, 20, 50);
  }
  return fault;
}

// ---- One AMI channel ----------------------------------------------------------------------------

struct ChunkWork {
  std::vector<mdm::IntervalDay> days;  // validated, ready to store
  std::vector<store::Params> exceptions;
  std::vector<store::Params> register_reads;
  UsageReport report;
};

void add_long_gap(const FaultPlan& plan, mdm::IntervalDay& day, UsageReport& report) {
  const std::int64_t day_first = std::int64_t{day.utc_day} * kSlotsPerDay;
  const std::int64_t first = std::max(plan.long_gap_first, day_first);
  const std::int64_t last = std::min(plan.long_gap_last, day_first + kSlotsPerDay - 1);
  if (first > last) return;
  for (std::int64_t position = first; position <= last; ++position) {
    const auto slot = static_cast<std::size_t>(position - day_first);
    day.values[slot] = 0;
    day.quality[slot] = mdm::Quality::missing;
  }
  report.long_gap_slots += static_cast<std::size_t>(last - first + 1);
  ++report.long_gap_days;
}

void add_short_gap(const UsageRun& run, const FaultPlan& plan, mdm::IntervalDay& day,
                   UsageReport& report) {
  if (!plan.free(day.utc_day)) return;
  const DayFault fault = day_fault(run, day.channel_id, day.utc_day);
  if (fault.kind != DayFault::Kind::gap) return;
  for (std::int32_t slot = fault.slot; slot < fault.slot + fault.length; ++slot) {
    day.values[static_cast<std::size_t>(slot)] = 0;
    day.quality[static_cast<std::size_t>(slot)] = mdm::Quality::missing;
  }
  ++report.gaps;
  report.gap_slots += static_cast<std::size_t>(fault.length);
}

// The days [first_day, last_day] as the head-end delivers them: actual reads from installation
// until as_of began (missing outside), zero on stuck days, gaps missing. Spikes come later.
std::vector<mdm::IntervalDay> raw_days(const UsageRun& run, const UsageChannel& channel,
                                       const FaultPlan& plan, std::int32_t first_day,
                                       std::int32_t last_day, UsageReport& report) {
  const UsageProfile profile = draw_usage_profile(run.seed, channel.id, channel.commercial);
  std::vector<mdm::IntervalDay> days;
  days.reserve(static_cast<std::size_t>(last_day - first_day + 1));
  for (std::int32_t utc_day = first_day; utc_day <= last_day; ++utc_day) {
    mdm::IntervalDay day = mdm::IntervalDay::empty(channel.id, utc_day, kIntervalMinutes);
    for (std::int32_t slot = 0; slot < kSlotsPerDay; ++slot) {
      const std::int64_t start = utc_day * kDaySeconds + slot * kSlotSeconds;
      if (start < channel.installed || start >= channel.data_end) continue;
      day.quality[static_cast<std::size_t>(slot)] = mdm::Quality::actual;
      day.values[static_cast<std::size_t>(slot)] =
          plan.stuck(utc_day) ? 0
                              : slot_usage_milli(profile, run.calendar, run.seed, channel.id,
                                                 utc_day, slot, channel.occupied(start));
    }
    if (plan.stuck(utc_day)) ++report.stuck_days;
    add_long_gap(plan, day, report);
    add_short_gap(run, plan, day, report);
    days.push_back(std::move(day));
  }
  if (plan.stuck_last >= plan.stuck_first) ++report.stuck_meters;
  if (plan.long_gap_last >= plan.long_gap_first) ++report.long_gaps;
  return days;
}

constexpr std::size_t kPercentileBlockDays = 30;

// The generated water leaks: 50 gallons an hour (a broken irrigation line or a running toilet
// valve stuck open), for the 40 days before as_of, so the latest bill of a leaking meter covers
// the leak and the usage watch finds its read far above the usual. Only meters read in the 6
// days before as_of leak (the usage watch's news window, notify/usage_rules.h).
constexpr std::int64_t kLeakDays = 40;
constexpr std::int64_t kLeakNewsDays = 6;
constexpr std::int64_t kLeakMilliPerHour = 50'000;

// The spike percentile VEE is given for each block of 30 days, computed once from the 28 days
// before the block (none for the first block: VEE then computes it day by day). Spikes go into a
// block only when it has one, sized against it: at least 20 times the larger of the slot's normal
// value and the percentile, and above the rules' floor, so that VEE finds every one.
std::vector<std::optional<std::int64_t>> add_spikes(const UsageRun& run, const FaultPlan& plan,
                                                    std::vector<mdm::IntervalDay>& days,
                                                    UsageReport& report) {
  const std::int64_t floor = run.rules.spike_floor_milli_per_hour * kIntervalMinutes / 60 + 1;
  std::vector<std::optional<std::int64_t>> percentiles;
  std::vector<const mdm::IntervalDay*> window;
  for (std::size_t begin = 0; begin < days.size(); begin += kPercentileBlockDays) {
    window.clear();
    for (std::size_t i = begin > 28 ? begin - 28 : 0; i < begin; ++i) window.push_back(&days[i]);
    std::optional<std::int64_t> percentile;
    if (begin > 0) {
      percentile = mdm::recent_percentile(run.rules, days[begin].utc_day, kIntervalMinutes, window);
    }
    percentiles.push_back(percentile);
    const std::size_t end = std::min(days.size(), begin + kPercentileBlockDays);
    for (std::size_t i = begin; percentile && i < end; ++i) {
      mdm::IntervalDay& day = days[i];
      if (!plan.free(day.utc_day)) continue;
      const DayFault fault = day_fault(run, day.channel_id, day.utc_day);
      if (fault.kind != DayFault::Kind::spike) continue;
      std::int64_t& value = day.values[static_cast<std::size_t>(fault.slot)];
      value = std::max(fault.multiplier * std::max(value, *percentile), floor);
      ++report.spikes;
    }
  }
  return percentiles;
}

void record_result(const UsageRun& run, mdm::VeeResult& result, ChunkWork& work) {
  UsageReport& report = work.report;
  const mdm::IntervalDay& day = result.day;
  for (std::size_t slot = 0; slot < day.slots(); ++slot) {
    switch (day.quality[slot]) {
      case mdm::Quality::missing:
        ++report.missing_slots;
        break;
      case mdm::Quality::estimated:
        ++report.interval_values;
        break;
      default:
        ++report.actual_slots, ++report.interval_values;
        break;
    }
    report.interval_milli += day.values[slot];
  }
  report.estimated_slots += static_cast<std::size_t>(result.estimated_slots);
  ++report.interval_days;
  for (mdm::VeeFinding& finding : result.findings) {
    if (!finding.needs_review) continue;
    const std::string rule = mdm::vee_rule_name(finding.rule);
    ++report.exceptions_by_rule[rule];
    work.exceptions.push_back({day.channel_id, std::int64_t{day.utc_day},
                               std::int64_t{finding.first_slot}, std::int64_t{finding.last_slot},
                               rule, std::move(finding.evidence), std::string("open"),
                               run.generated_at});
  }
  work.days.push_back(std::move(result.day));
}

// VEE over every day, each with the meter's neighbouring raw days as its context, as an ingest of
// the whole span would run it.
void validate_days(const UsageRun& run, const UsageChannel& channel,
                   const std::vector<mdm::IntervalDay>& days,
                   const std::vector<std::optional<std::int64_t>>& percentiles, ChunkWork& work) {
  const auto before = static_cast<std::size_t>(mdm::history_days_needed(run.rules));
  const auto after = static_cast<std::size_t>(mdm::following_days_needed(run.rules));
  std::vector<const mdm::IntervalDay*> pointers;
  for (const mdm::IntervalDay& day : days) pointers.push_back(&day);
  mdm::ChannelContext context;
  context.reads_expected_from = channel.installed;
  for (std::size_t i = 0; i < days.size(); ++i) {
    context.history.assign(
        pointers.begin() + static_cast<std::ptrdiff_t>(i > before ? i - before : 0),
        pointers.begin() + static_cast<std::ptrdiff_t>(i));
    context.following.assign(
        pointers.begin() + static_cast<std::ptrdiff_t>(i + 1),
        pointers.begin() + static_cast<std::ptrdiff_t>(std::min(days.size(), i + 1 + after)));
    context.service_active = channel.active_on(days[i].utc_day);
    context.recent_percentile_milli = percentiles[i / kPercentileBlockDays];
    mdm::VeeResult result = mdm::validate_and_estimate(run.rules, days[i], context);
    record_result(run, result, work);
  }
}

void fill_interval_channel(const UsageRun& run, const UsageChannel& channel, ChunkWork& work) {
  const auto first_day = static_cast<std::int32_t>(
      std::max<std::int64_t>(run.calendar.first_day(), floor_div(channel.installed, kDaySeconds)));
  const auto last_day = static_cast<std::int32_t>(std::min<std::int64_t>(
      run.calendar.last_day(), floor_div(channel.data_end - 1, kDaySeconds)));
  if (first_day > last_day) return;
  ++work.report.interval_channels;
  const FaultPlan plan = plan_faults(run, channel, first_day, last_day);
  std::vector<mdm::IntervalDay> days =
      raw_days(run, channel, plan, first_day, last_day, work.report);
  const auto percentiles = add_spikes(run, plan, days, work.report);
  validate_days(run, channel, days, percentiles, work);
}

// ---- One register channel -----------------------------------------------------------------------

// When the channel's register is read: when it is set, then its cycle's read date of every month
// from the window's first month to as_of's, at a business-hours time set by the meter's place on
// the reader's route.
std::vector<std::int64_t> read_instants(const UsageRun& run, const UsageChannel& channel,
                                        std::int64_t data_start) {
  std::vector<std::int64_t> instants;
  const std::int64_t minute_of_day = 9 * 60 + (channel.id * 37) % (8 * 60);
  const date::year_month last = run.as_of.year() / run.as_of.month();
  // A meter installed inside the window is read when it is set (the move-in read), so its first
  // bill has a read to start from.
  if (data_start >= run.window_start && data_start < channel.data_end) {
    instants.push_back(data_start + minute_of_day * 60);
  }
  for (date::year_month month = run.window_first.year() / run.window_first.month(); month <= last;
       month += date::months{1}) {
    const LocalDate read_on =
        billing::cycle_dates(billing::CycleCalendar{}, channel.cycle, month).read_date;
    const std::int64_t at = seconds_of(run.zone.start_of_day(read_on)) + minute_of_day * 60;
    if (at > data_start && at < channel.data_end && (instants.empty() || at > instants.back())) {
      instants.push_back(at);
    }
  }
  return instants;
}

// The latest scheduled read of the channel's cycle before as_of.
LocalDate latest_cycle_read(const UsageRun& run, const UsageChannel& channel) {
  date::year_month month = run.as_of.year() / run.as_of.month();
  for (int back = 0; back < 3; ++back, month -= date::months{1}) {
    const LocalDate read_on =
        billing::cycle_dates(billing::CycleCalendar{}, channel.cycle, month).read_date;
    if (date::sys_days(read_on) < date::sys_days(run.as_of)) return read_on;
  }
  return run.as_of;
}

// Whether the water meter has a leak: one in five of those whose cycle was read in the
// kLeakNewsDays days before as_of, so the usage watch on as_of finds each in its latest read.
bool leaking(const UsageRun& run, const UsageChannel& channel) {
  if (!channel.water || channel.id % 5 != 3) return false;
  const auto age = (date::sys_days(run.as_of) - date::sys_days(latest_cycle_read(run, channel)));
  return age.count() >= 1 && age.count() <= kLeakNewsDays;
}

// What a leaking meter's leak adds in [from, to): kLeakMilliPerHour from its start.
std::int64_t leak_milli(const UsageRun& run, const UsageChannel& channel, std::int64_t from,
                        std::int64_t to) {
  if (!leaking(run, channel)) return 0;
  const std::int64_t start = std::max(from, run.as_of_start - kLeakDays * kDaySeconds);
  if (to <= start) return 0;
  return kLeakMilliPerHour * (to - start) / 3600;
}

// What the meter records in [from, to): its 15-minute slots (electric) or each day's water in
// proportion to the part of the day inside.
std::int64_t consumption(const UsageRun& run, const UsageChannel& channel,
                         const UsageProfile& profile, std::int64_t from, std::int64_t to) {
  std::int64_t total = 0;
  for (std::int64_t day = floor_div(from, kDaySeconds); day * kDaySeconds < to; ++day) {
    const std::int64_t day_start = day * kDaySeconds;
    const auto utc_day = static_cast<std::int32_t>(day);
    if (channel.water) {
      const std::int64_t begin = std::max(from, day_start);
      const std::int64_t end = std::min(to, day_start + kDaySeconds);
      const std::int64_t whole = water_day_milli(profile, run.calendar, run.seed, channel.id,
                                                 utc_day, channel.occupied((begin + end) / 2));
      total += whole * (end - begin) / kDaySeconds;
      total += leak_milli(run, channel, begin, end);
      continue;
    }
    for (std::int32_t slot = 0; slot < kSlotsPerDay; ++slot) {
      const std::int64_t start = day_start + slot * kSlotSeconds;
      if (start < from || start >= to) continue;
      total += slot_usage_milli(profile, run.calendar, run.seed, channel.id, utc_day, slot,
                                channel.occupied(start));
    }
  }
  return total;
}

// The whole units a dial shows before it wraps to 0: the defaults of ingest's register check
// (5 digits for kWh, 7 for gallons), since generated channels leave dial_digits unset.
std::int64_t dial_units(const UsageChannel& channel) {
  return channel.water ? 10'000'000 : 100'000;
}

void fill_register_channel(const UsageRun& run, const UsageChannel& channel, ChunkWork& work) {
  const UsageProfile profile = draw_usage_profile(run.seed, channel.id, channel.commercial);
  const std::int64_t data_start =
      std::max(channel.installed, std::int64_t{run.calendar.first_day()} * kDaySeconds);
  const std::uint64_t dial = hash_of(run.seed, Stream::dial, channel.id);
  std::int64_t reading =
      1000 * (channel.water ? draw(dial, 0, 10'000, 900'000) : draw(dial, 0, 1'000, 60'000));
  std::int64_t read_until = data_start;
  const std::vector<std::int64_t> instants = read_instants(run, channel, data_start);
  for (std::int64_t at : instants) {
    reading += consumption(run, channel, profile, read_until, at);
    read_until = at;
    const std::string taken_at = format_instant(Instant{std::chrono::seconds{at}});
    const std::int64_t shown = reading / 1000 % dial_units(channel) * 1000;  // whole units
    work.register_reads.push_back({channel.id, taken_at, shown,
                                   std::string(channel.manual ? "manual" : "amr"),
                                   std::string("accepted"), taken_at});
  }
  ++work.report.register_channels;
  if (leaking(run, channel) && channel.installed < run.as_of_start - kLeakDays * kDaySeconds) {
    ++work.report.leaking_meters;
  }
  work.report.register_reads += instants.size();
}

// ---- Writing ------------------------------------------------------------------------------------

const store::BulkTable kVeeExceptions{"vee_exceptions",
                                      {"channel_id", "utc_day", "first_slot", "last_slot", "rule",
                                       "evidence", "status", "created_at"}};
const store::BulkTable kRegisterReads{
    "register_reads", {"channel_id", "taken_at", "milli_units", "source", "status", "created_at"}};

ChunkWork compute_chunk(const UsageRun& run, std::span<const UsageChannel> channels) {
  ChunkWork work;
  for (const UsageChannel& channel : channels) {
    if (channel.interval) {
      fill_interval_channel(run, channel, work);
    } else {
      fill_register_channel(run, channel, work);
    }
  }
  return work;
}

Result<void> write_chunk(store::Database& database, const ChunkWork& work,
                         const std::string& generated_at) {
  std::vector<const mdm::IntervalDay*> days;
  days.reserve(work.days.size());
  for (const mdm::IntervalDay& day : work.days) days.push_back(&day);
  return database.write_work([&](store::Session& session) -> Result<void> {
    RP_TRY(mdm::insert_interval_days(session, days, generated_at));
    RP_TRY(store::bulk_insert(session, kVeeExceptions, work.exceptions));
    return store::bulk_insert(session, kRegisterReads, work.register_reads);
  });
}

void add_to_report(UsageReport& total, const UsageReport& part) {
  std::size_t UsageReport::*const counts[] = {&UsageReport::interval_channels,
                                              &UsageReport::interval_days,
                                              &UsageReport::interval_values,
                                              &UsageReport::actual_slots,
                                              &UsageReport::estimated_slots,
                                              &UsageReport::missing_slots,
                                              &UsageReport::gaps,
                                              &UsageReport::gap_slots,
                                              &UsageReport::long_gaps,
                                              &UsageReport::long_gap_slots,
                                              &UsageReport::long_gap_days,
                                              &UsageReport::spikes,
                                              &UsageReport::stuck_meters,
                                              &UsageReport::stuck_days,
                                              &UsageReport::register_channels,
                                              &UsageReport::register_reads,
                                              &UsageReport::leaking_meters};
  for (auto count : counts) total.*count += part.*count;
  total.interval_milli += part.interval_milli;
  for (const auto& [rule, count] : part.exceptions_by_rule) total.exceptions_by_rule[rule] += count;
}

// Computes each chunk while the one before it is written: the two cores share the work.
Result<void> fill_channels(store::Database& database, const UsageRun& run,
                           const std::vector<UsageChannel>& channels, UsageReport& report) {
  auto compute_from = [&](std::size_t start) {
    std::span<const UsageChannel> part(channels.data() + start,
                                       std::min(kUsageChunkChannels, channels.size() - start));
    return std::async(std::launch::async, [&run, part] { return compute_chunk(run, part); });
  };
  if (channels.empty()) return success();
  std::future<ChunkWork> pending = compute_from(0);
  for (std::size_t start = 0; start < channels.size(); start += kUsageChunkChannels) {
    ChunkWork work = pending.get();
    if (start + kUsageChunkChannels < channels.size()) {
      pending = compute_from(start + kUsageChunkChannels);
    }
    RP_TRY(write_chunk(database, work, run.generated_at));
    add_to_report(report, work.report);
  }
  return success();
}

// The first day of the month `months` months before `day`'s month.
LocalDate first_of_month_before(LocalDate day, std::size_t months) {
  const date::year_month month =
      day.year() / day.month() - date::months{static_cast<std::int64_t>(months)};
  return month / date::day{1};
}

}  // namespace

Result<UsageReport> generate_usage(store::Database& database, const GenerateOptions& options) {
  if (options.usage_months > kUsageMaxMonths) {
    return invalid_input("usage_months", "usage_months must be between 0 and " +
                                             std::to_string(kUsageMaxMonths) + " months");
  }
  auto zone = UtilityZone::find(options.time_zone);
  RP_TRY(zone);
  if (!options.as_of.ok()) return invalid_input("as_of", "as_of is not a calendar date");
  UsageReport report;
  if (options.usage_months == 0) return report;
  auto rules = mdm::default_vee_rules("electric");
  RP_TRY(rules);
  const LocalDate window_first = first_of_month_before(options.as_of, options.usage_months);
  const std::int64_t window_start = seconds_of(zone->start_of_day(window_first));
  const std::int64_t as_of_start = seconds_of(zone->start_of_day(options.as_of));
  const auto first_day = static_cast<std::int32_t>(floor_div(window_start, kDaySeconds));
  const auto last_day = static_cast<std::int32_t>(floor_div(as_of_start - 1, kDaySeconds));
  const std::uint64_t seed = options.seed ^ 0x75736167652D3235ULL;  // apart from account draws
  const UsageRun run{seed,         options.usage_anomalies,
                     *zone,        UsageCalendar(*zone, seed, first_day, last_day),
                     *rules,       window_start,
                     as_of_start,  format_instant(zone->start_of_day(options.as_of)),
                     window_first, options.as_of};
  auto channels = load_channels(database, run);
  RP_TRY(channels);
  const bool any_interval = std::any_of(channels->begin(), channels->end(),
                                        [](const UsageChannel& c) { return c.interval; });
  if (any_interval) RP_TRY(mdm::prepare_interval_days(database, first_day, last_day));
  RP_TRY(fill_channels(database, run, *channels, report));
  RP_TRY(database.write<void>(
      [](store::Session& session) -> Result<void> { return store::refresh_statistics(session); }));
  return report;
}

}  // namespace rp::app
