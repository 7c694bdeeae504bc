#include "billing/bill_meter_usage.h"

#include <algorithm>
#include <map>

#include "billing/bill_cycle.h"

namespace rp::billing {
namespace {

constexpr std::int64_t kDaySeconds = 86'400;

bool before(LocalDate a, LocalDate b) {
  return date::sys_days(a) < date::sys_days(b);
}

int dial_digits_of(const MeterChannel& channel) {
  if (channel.dial_digits > 0) return channel.dial_digits;
  return channel.unit == "kWh" ? 5 : 7;
}

const std::vector<RegisterRead>& reads_of(const ChunkFacts& facts, const MeterChannel& channel) {
  static const std::vector<RegisterRead> kNoReads;
  auto found = facts.reads.find(channel.channel_id);
  return found == facts.reads.end() ? kNoReads : found->second;
}

const std::vector<mdm::IntervalDay>& days_of(const ChunkFacts& facts, const MeterChannel& channel) {
  static const std::vector<mdm::IntervalDay> kNoDays;
  auto found = facts.days.find(channel.channel_id);
  return found == facts.days.end() ? kNoDays : found->second;
}

std::string no_start_read(const MeterChannel& channel, LocalDate start) {
  return "meter " + channel.serial + " has no read on or up to " +
         std::to_string(kStartReadLookBackDays) + " days before " + format_local_date(start) +
         " to start its first bill from";
}

// The start read of a meter through the whole period: the last billed read; else the read at
// the start (up to kStartReadLookBackDays before it); when the period starts with the service and
// nothing was read on the start day or the day before, the move-in read taken within
// kMoveInReadDays after it (the reading before the start is the previous customer's).
std::optional<std::int64_t> start_read(const UtilityZone& zone,
                                       const std::vector<RegisterRead>& reads,
                                       const std::vector<SectionHistory>& history,
                                       bool starts_with_service, LocalDate start) {
  if (!history.empty() && history.front().end_read_milli) return history.front().end_read_milli;
  std::optional<std::int64_t> found;
  const Instant latest = zone.end_of_day(start);
  const Instant earliest = zone.start_of_day(plus_days(start, -kStartReadLookBackDays));
  const Instant day_before = zone.start_of_day(plus_days(start, -1));
  bool at_the_start = false;
  for (const RegisterRead& read : reads) {
    if (read.taken_at >= earliest && read.taken_at < latest) {
      found = read.milli_units;
      at_the_start = read.taken_at >= day_before;
    }
  }
  if (starts_with_service && !at_the_start) {
    const Instant move_in_end = zone.end_of_day(plus_days(start, kMoveInReadDays));
    for (const RegisterRead& read : reads) {
      if (read.taken_at >= latest && read.taken_at < move_in_end) return read.milli_units;
    }
  }
  return found;
}

// The first reading of a meter put in on `day` (the reading it was put in with).
std::optional<std::int64_t> put_in_read(const UtilityZone& zone,
                                        const std::vector<RegisterRead>& reads, LocalDate day) {
  const Instant from = zone.start_of_day(day);
  for (const RegisterRead& read : reads) {
    if (read.taken_at >= from) return read.milli_units;
  }
  return std::nullopt;
}

// The sum of the values measured (not missing) in [from, to).
std::int64_t measured_between(const std::vector<mdm::IntervalDay>& days, Instant from, Instant to) {
  const std::int64_t start = from.time_since_epoch().count();
  const std::int64_t end = to.time_since_epoch().count();
  std::int64_t sum = 0;
  for (const mdm::IntervalDay& day : days) {
    const std::int64_t day_start = std::int64_t{day.utc_day} * kDaySeconds;
    const std::int64_t interval = std::int64_t{day.interval_minutes} * 60;
    for (std::size_t slot = 0; slot < day.slots(); ++slot) {
      const std::int64_t at = day_start + static_cast<std::int64_t>(slot) * interval;
      if (at >= start && at < end && day.quality[slot] != mdm::Quality::missing) {
        sum += day.values[slot];
      }
    }
  }
  return sum;
}

// The interval days of every meter as one channel's: each slot from the meter that measured it
// (both, summed, in the unlikely slot both did).
std::vector<mdm::IntervalDay> merged_days(const ChunkFacts& facts,
                                          const std::vector<BilledMeter>& meters) {
  std::map<std::int32_t, mdm::IntervalDay> by_day;
  for (const BilledMeter& meter : meters) {
    for (const mdm::IntervalDay& day : days_of(facts, *meter.channel)) {
      auto [at, added] = by_day.try_emplace(day.utc_day, day);
      if (added) continue;
      mdm::IntervalDay& merged = at->second;
      for (std::size_t slot = 0; slot < day.slots() && slot < merged.slots(); ++slot) {
        if (day.quality[slot] == mdm::Quality::missing) continue;
        if (merged.quality[slot] == mdm::Quality::missing) {
          merged.values[slot] = day.values[slot];
          merged.quality[slot] = day.quality[slot];
        } else {
          merged.values[slot] += day.values[slot];
        }
      }
    }
  }
  std::vector<mdm::IntervalDay> days;
  for (auto& [utc_day, day] : by_day) days.push_back(std::move(day));
  return days;
}

MeterLeg leg_of(const BilledMeter& meter) {
  MeterLeg leg;
  leg.serial = meter.channel->serial;
  leg.from = meter.from;
  leg.to = meter.to;
  return leg;
}

std::string interval_problem(const MeterChannel& channel, const Error& error) {
  return "meter " + channel.serial + ": " + error.message;
}

// Every meter an interval meter of the same interval: one series over the period.
std::string interval_legs(const RunContext& run, const ChunkFacts& facts,
                          const std::vector<BilledMeter>& meters,
                          std::optional<std::int64_t> per_day, SectionInput& input) {
  const UtilityZone& zone = run.settings.zone;
  const MeterChannel& last = *meters.back().channel;
  auto cut = meters.size() == 1
                 ? period_intervals(days_of(facts, last), *last.interval_minutes, input.period,
                                    zone, per_day)
                 : period_intervals(merged_days(facts, meters), *last.interval_minutes,
                                    input.period, zone, per_day);
  if (!cut.ok()) return interval_problem(last, cut.error());
  SectionUsage& usage = input.usage;
  usage.source = SectionUsage::Source::interval;
  usage.usage_milli = cut->usage_milli;
  usage.estimated = cut->estimated_slots > 0;
  usage.intervals = std::move(cut->series);
  if (meters.size() > 1) {
    const Instant period_end = zone.start_of_day(input.period.end);
    for (const BilledMeter& meter : meters) {
      MeterLeg leg = leg_of(meter);
      const Instant from = zone.start_of_day(meter.from);
      const Instant to = std::min(period_end, zone.end_of_day(meter.to));
      leg.usage_milli = measured_between(days_of(facts, *meter.channel), from, to);
      usage.legs.push_back(std::move(leg));
    }
  }
  return "";
}

// One leg of a register meter: from its start read (`start`) to its end read.
std::string register_leg(const RunContext& run, const ChunkFacts& facts, const BilledMeter& meter,
                         bool last, std::optional<std::int64_t> start,
                         std::optional<std::int64_t> per_day, const rating::BillingPeriod& period,
                         MeterLeg& leg) {
  const UtilityZone& zone = run.settings.zone;
  const MeterChannel& channel = *meter.channel;
  const std::vector<RegisterRead>& reads = reads_of(facts, channel);
  leg.start_read_milli = start;
  // The last leg ends at the read at the period's end; one taken out, at its final reading (read
  // on the day it came out, always after the period's first day: billed_meters).
  const Instant window_start = last ? zone.start_of_day(plus_days(period.end, -kEndReadWindowDays))
                                    : zone.start_of_day(meter.to);
  const Instant window_end = last ? zone.end_of_day(period.end) : zone.end_of_day(meter.to);
  for (const RegisterRead& read : reads) {
    if (read.taken_at >= window_start && read.taken_at < window_end) {
      leg.end_read_milli = read.milli_units;
    }
  }
  const int digits = dial_digits_of(channel);
  if (leg.end_read_milli) {
    leg.usage_milli = dial_usage(*start, *leg.end_read_milli, digits);
    return "";
  }
  if (!per_day) {
    if (!last) {
      return "meter " + channel.serial + " was taken out on " + format_local_date(meter.to) +
             " without a final reading, and there are no earlier bills to estimate it from";
    }
    return "meter " + channel.serial + " has no read within " + std::to_string(kEndReadWindowDays) +
           " days before " + format_local_date(period.end) +
           " and no earlier bills to estimate from";
  }
  const LocalDate until = last ? period.end : meter.to;
  const std::int32_t days = std::max<std::int32_t>(1, days_in({meter.from, until}));
  leg.usage_milli = *per_day * days;
  leg.end_read_milli = (*start + leg.usage_milli) % dial_span_milli(digits);
  leg.estimated = true;
  return "";
}

// One leg of an interval meter among register meters: its measured days, estimated where a
// whole day is missing, and on the day it came in or out only what it measured.
std::string interval_leg(const RunContext& run, const ChunkFacts& facts, const BilledMeter& meter,
                         bool first, bool last, std::optional<std::int64_t> per_day,
                         const rating::BillingPeriod& period, MeterLeg& leg) {
  const UtilityZone& zone = run.settings.zone;
  const std::vector<mdm::IntervalDay>& days = days_of(facts, *meter.channel);
  LocalDate whole_from = meter.from;
  LocalDate whole_to = last ? period.end : meter.to;  // exclusive
  if (!first) {
    leg.usage_milli +=
        measured_between(days, zone.start_of_day(meter.from), zone.end_of_day(meter.from));
    whole_from = plus_days(meter.from, 1);
  }
  if (!last) {
    leg.usage_milli +=
        measured_between(days, zone.start_of_day(meter.to), zone.end_of_day(meter.to));
  }
  if (before(whole_from, whole_to)) {
    auto cut = period_intervals(days, *meter.channel->interval_minutes, {whole_from, whole_to},
                                zone, per_day);
    if (!cut.ok()) return interval_problem(*meter.channel, cut.error());
    leg.usage_milli += cut->usage_milli;
    leg.estimated = cut->estimated_slots > 0;
  }
  return "";
}

}  // namespace

std::vector<PastUsage> past_usage(const std::vector<SectionHistory>& history) {
  std::vector<PastUsage> past;
  for (const SectionHistory& section : history) {
    past.push_back({section.usage_milli, days_in(section.period), section.estimated});
  }
  return past;
}

std::vector<BilledMeter> billed_meters(const std::vector<MeterChannel>& channels,
                                       const rating::BillingPeriod& period) {
  std::vector<BilledMeter> meters;
  const LocalDate last_day = plus_days(period.end, -1);
  for (const MeterChannel& channel : channels) {
    if (channel.installed_on && !before(*channel.installed_on, period.end)) continue;
    if (channel.removed_on && !before(period.start, *channel.removed_on)) continue;
    if (channel.unit == "kW") continue;
    auto same = std::find_if(meters.begin(), meters.end(), [&](const BilledMeter& known) {
      return known.channel->meter_id == channel.meter_id;
    });
    if (same != meters.end()) {
      // A meter's interval channel before its register.
      if (channel.interval_minutes && !same->channel->interval_minutes) same->channel = &channel;
      continue;
    }
    BilledMeter meter;
    meter.channel = &channel;
    meter.put_in_during = channel.installed_on && !before(*channel.installed_on, period.start);
    meter.from = meter.put_in_during ? *channel.installed_on : period.start;
    meter.to = channel.removed_on && before(*channel.removed_on, last_day) ? *channel.removed_on
                                                                           : last_day;
    meters.push_back(meter);
  }
  std::sort(meters.begin(), meters.end(), [](const BilledMeter& a, const BilledMeter& b) {
    return a.channel->meter_id < b.channel->meter_id;
  });
  return meters;
}

std::string meter_usage(const RunContext& run, const ChunkFacts& facts,
                        const std::vector<BilledMeter>& meters,
                        const std::vector<SectionHistory>& history, bool starts_with_service,
                        const std::string& plan_code, SectionInput& input) {
  const rating::Tariff& tariff = *input.tariff;
  const std::string tariff_unit = rating::usage_unit_name(tariff.unit);
  for (const BilledMeter& meter : meters) {
    const MeterChannel& channel = *meter.channel;
    if (channel.unit != tariff_unit && !(channel.unit == "CCF" && tariff.therm_factor)) {
      return "meter " + channel.serial + " measures " + channel.unit + " but rate plan " +
             plan_code + " bills " + tariff_unit;
    }
  }
  const UtilityZone& zone = run.settings.zone;
  const auto per_day = usage_per_day(past_usage(history));
  SectionUsage& usage = input.usage;
  usage.meter_serial = meters.back().channel->serial;
  const bool same_intervals = std::all_of(meters.begin(), meters.end(), [&](const BilledMeter& m) {
    return m.channel->interval_minutes &&
           *m.channel->interval_minutes == *meters.back().channel->interval_minutes;
  });
  if (same_intervals) return interval_legs(run, facts, meters, per_day, input);

  usage.source = SectionUsage::Source::register_reads;
  usage.usage_milli = 0;
  for (std::size_t i = 0; i < meters.size(); ++i) {
    const BilledMeter& meter = meters[i];
    const bool first = i == 0;
    const bool last = i + 1 == meters.size();
    MeterLeg leg = leg_of(meter);
    std::string problem;
    if (meter.channel->interval_minutes) {
      problem = interval_leg(run, facts, meter, first, last, per_day, input.period, leg);
    } else {
      const std::vector<RegisterRead>& reads = reads_of(facts, *meter.channel);
      // A meter put in during the period starts from the reading it was put in with (unless it
      // came with the service, where the move-in rules find the first reading).
      const bool from_put_in = meter.put_in_during && (!first || !history.empty());
      auto start = from_put_in
                       ? put_in_read(zone, reads, meter.from)
                       : start_read(zone, reads, history, starts_with_service, input.period.start);
      if (!start) {
        if (!from_put_in) return no_start_read(*meter.channel, input.period.start);
        return "meter " + meter.channel->serial + " was put in on " +
               format_local_date(meter.from) + " and has no reading from then to start from";
      }
      problem = register_leg(run, facts, meter, last, start, per_day, input.period, leg);
    }
    if (!problem.empty()) return problem;
    usage.usage_milli += leg.usage_milli;
    usage.estimated = usage.estimated || leg.estimated;
    usage.legs.push_back(std::move(leg));
  }
  usage.start_read_milli = usage.legs.front().start_read_milli;
  usage.end_read_milli = usage.legs.back().end_read_milli;
  if (usage.legs.size() == 1) usage.legs.clear();  // one meter: the section's reads say it all
  return "";
}

}  // namespace rp::billing
