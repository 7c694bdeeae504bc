#include "billing/bill_run_facts.h"

#include <algorithm>

#include "billing/bill_cycle.h"
#include "billing/bill_meter_usage.h"

namespace rp::billing {
namespace {

using store::Row;
using store::Session;

constexpr std::int64_t kDaySeconds = 86'400;
constexpr int kPastPeaks = 11;        // enough for a demand ratchet's look-back
constexpr std::size_t kCompared = 6;  // recent bills the high/low checks compare against

bool before(LocalDate a, LocalDate b) {
  return date::sys_days(a) < date::sys_days(b);
}

std::int32_t utc_day_of(Instant instant) {
  return static_cast<std::int32_t>(instant.time_since_epoch().count() / kDaySeconds);
}

// The date in `column` (named as the query names it, which is also what a parse error names).
Result<LocalDate> date_in(const Row& row, const char* column) {
  return parse_local_date(row.text(column), column);
}

Result<std::optional<LocalDate>> optional_date_in(const Row& row, const char* column) {
  if (row.is_null(column)) return std::optional<LocalDate>{};
  auto date = parse_local_date(row.text(column), column);
  if (!date.ok()) return date.error();
  return std::optional<LocalDate>{*date};
}

store::Params range_params(const RunContext& run, std::int64_t first, std::int64_t last) {
  return {std::int64_t{run.cycle}, first, last};
}

Result<void> read_agreements(Session& session, const RunContext& run, std::int64_t after,
                             std::size_t limit, ChunkFacts& facts) {
  const std::string read_date = format_local_date(run.read_date);
  const std::string since = format_local_date(run.since);
  auto rows = session.query_named("billing/chunk_agreements",
                                  {std::int64_t{run.cycle}, after, read_date, since, run.run_id,
                                   static_cast<std::int64_t>(limit), read_date, since});
  RP_TRY(rows);
  for (const Row& row : *rows) {
    AgreementFacts agreement;
    agreement.account_id = row.integer("account_id");
    agreement.account_number = row.text("account_number");
    agreement.agreement_id = row.integer("agreement_id");
    agreement.commodity = row.text("commodity");
    agreement.premise_id = row.integer("premise_id");
    agreement.plan_id = row.integer("rate_plan_id");
    agreement.plan_code = row.text("rate_plan_code");
    auto start = date_in(row, "start_date");
    RP_TRY(start);
    agreement.start_date = *start;
    auto end = optional_date_in(row, "end_date");
    RP_TRY(end);
    agreement.end_date = *end;
    agreement.service_point_id = row.integer("service_point_id");
    facts.agreements.push_back(std::move(agreement));
  }
  return success();
}

Result<void> read_history(Session& session, const RunContext& run, std::int64_t first,
                          std::int64_t last, ChunkFacts& facts) {
  store::Params params = range_params(run, first, last);
  params.push_back(format_local_date(plus_days(run.read_date, -400)));
  params.push_back(format_local_date(run.read_date));
  auto rows = session.query_named("billing/chunk_history", params);
  RP_TRY(rows);
  for (const Row& row : *rows) {
    SectionHistory section;
    auto start = date_in(row, "period_start");
    auto end = date_in(row, "period_end");
    RP_TRY(start);
    RP_TRY(end);
    section.period = {*start, *end};
    section.usage_milli = row.integer("usage_milli");
    section.charges_cents = row.integer("charges_cents");
    section.estimated = row.integer("estimated") != 0;
    if (!row.is_null("end_read_milli")) section.end_read_milli = row.integer("end_read_milli");
    section.peak_demand_milli = row.integer("peak_demand_milli");
    section.released = row.text("status") == "released";
    facts.history[row.integer("service_agreement_id")].push_back(section);
  }
  return success();
}

Result<void> read_channels(Session& session, const RunContext& run, std::int64_t first,
                           std::int64_t last, ChunkFacts& facts) {
  auto rows = session.query_named("billing/chunk_channels", range_params(run, first, last));
  RP_TRY(rows);
  for (const Row& row : *rows) {
    MeterChannel channel;
    channel.meter_id = row.integer("meter_id");
    channel.serial = row.text("serial");
    auto installed = optional_date_in(row, "installed_on");
    RP_TRY(installed);
    channel.installed_on = *installed;
    auto removed = optional_date_in(row, "removed_on");
    RP_TRY(removed);
    channel.removed_on = *removed;
    channel.channel_id = row.integer("channel_id");
    channel.unit = row.text("unit");
    if (!row.is_null("interval_minutes")) {
      channel.interval_minutes = static_cast<std::int32_t>(row.integer("interval_minutes"));
    }
    channel.dial_digits = static_cast<int>(row.integer("dial_digits"));
    auto& at_point = facts.channels[row.integer("service_point_id")];
    // A service point held by two agreements of the chunk lists its channels twice.
    if (std::none_of(at_point.begin(), at_point.end(), [&](const MeterChannel& known) {
          return known.channel_id == channel.channel_id;
        })) {
      at_point.push_back(std::move(channel));
    }
  }
  return success();
}

// Where each agreement's period starts: after its last active section, else at the later of its
// start and the cycle period's start.
LocalDate period_start_of(const RunContext& run, const AgreementFacts& agreement,
                          const std::vector<SectionHistory>* history) {
  if (history != nullptr && !history->empty()) return history->front().period.end;
  return before(agreement.start_date, run.cycle_period.start) ? run.cycle_period.start
                                                              : agreement.start_date;
}

Result<void> read_usage(Session& session, const RunContext& run, std::int64_t first,
                        std::int64_t last, LocalDate earliest, ChunkFacts& facts) {
  const UtilityZone& zone = run.settings.zone;
  const Instant from = zone.start_of_day(plus_days(earliest, -kStartReadLookBackDays));
  const Instant to = zone.end_of_day(run.read_date);

  store::Params days_params = range_params(run, first, last);
  days_params.push_back(std::int64_t{utc_day_of(zone.start_of_day(earliest))});
  days_params.push_back(std::int64_t{utc_day_of(to - std::chrono::seconds(1))});
  auto days = session.query_named("billing/chunk_interval_days", days_params);
  RP_TRY(days);
  for (const Row& row : *days) {
    mdm::IntervalDay day;
    day.channel_id = row.integer("channel_id");
    day.utc_day = static_cast<std::int32_t>(row.integer("utc_day"));
    day.interval_minutes = static_cast<std::int32_t>(row.integer("interval_minutes"));
    const auto slots = static_cast<std::size_t>(24 * 60 / day.interval_minutes);
    auto values = mdm::unpack_values(row.text("vals"), slots);
    auto quality = mdm::unpack_quality(row.text("quality"), slots);
    if (!values.ok() || !quality.ok()) {
      return internal_error("interval day " + std::to_string(day.utc_day) + " of channel " +
                            std::to_string(day.channel_id) + " does not unpack");
    }
    day.values = std::move(*values);
    day.quality = std::move(*quality);
    facts.days[day.channel_id].push_back(std::move(day));
  }

  store::Params reads_params = range_params(run, first, last);
  reads_params.push_back(format_instant(from));
  reads_params.push_back(format_instant(to));
  auto reads = session.query_named("billing/chunk_register_reads", reads_params);
  RP_TRY(reads);
  for (const Row& row : *reads) {
    auto taken = parse_instant(row.text("taken_at"), "taken_at");
    RP_TRY(taken);
    facts.reads[row.integer("channel_id")].push_back({*taken, row.integer("milli_units")});
  }
  return success();
}

}  // namespace

Result<ChunkFacts> read_chunk(Session& session, const RunContext& run, std::int64_t after,
                              std::size_t limit) {
  ChunkFacts facts;
  RP_TRY(read_agreements(session, run, after, limit, facts));
  if (facts.agreements.empty()) return facts;
  const std::int64_t first = facts.agreements.front().account_id;
  const std::int64_t last = facts.agreements.back().account_id;
  RP_TRY(read_history(session, run, first, last, facts));
  RP_TRY(read_channels(session, run, first, last, facts));
  LocalDate earliest = run.read_date;
  for (const AgreementFacts& agreement : facts.agreements) {
    auto history = facts.history.find(agreement.agreement_id);
    LocalDate start = period_start_of(run, agreement,
                                      history == facts.history.end() ? nullptr : &history->second);
    if (before(start, earliest)) earliest = start;
  }
  RP_TRY(read_usage(session, run, first, last, earliest, facts));
  return facts;
}

// ---- Drafting --------------------------------------------------------------------------------

const MeterChannel* billing_channel(const std::vector<MeterChannel>& channels, LocalDate start) {
  std::int64_t meter = 0;
  for (const MeterChannel& channel : channels) {
    if (channel.removed_on && before(*channel.removed_on, start)) continue;
    meter = std::max(meter, channel.meter_id);
  }
  const MeterChannel* chosen = nullptr;
  for (const MeterChannel& channel : channels) {
    if (channel.meter_id != meter || channel.unit == "kW") continue;
    if (chosen == nullptr || (channel.interval_minutes && !chosen->interval_minutes)) {
      chosen = &channel;
    }
  }
  return chosen;
}

namespace {

struct Problem {
  std::string text;
};

// The average monthly water use over the winter quarter (periods starting December to February)
// of the last year's actual bills, for a sewer cap; none without such bills.
std::optional<Decimal> winter_average(const std::vector<SectionHistory>& water_history) {
  std::int64_t usage = 0;
  std::int64_t days = 0;
  for (const SectionHistory& section : water_history) {
    const unsigned month = static_cast<unsigned>(section.period.start.month());
    if (section.estimated || (month != 12 && month != 1 && month != 2)) continue;
    usage += section.usage_milli;
    days += days_in(section.period);
  }
  if (days == 0) return std::nullopt;
  // Per month of 365/12 days, in milli-units, rounded half up (usage is never negative).
  const std::int64_t monthly_milli = (usage * 365 * 2 + days * 12) / (days * 12 * 2);
  return Decimal::from_raw(monthly_milli * (Decimal::kScale / 1000));
}

std::optional<Problem> gather_usage(const RunContext& run, const ChunkFacts& facts,
                                    const AgreementFacts& agreement,
                                    const std::vector<SectionHistory>& history,
                                    const std::vector<SectionInput>& earlier, SectionInput& input) {
  const rating::Tariff& tariff = *input.tariff;
  auto at_point = facts.channels.find(agreement.service_point_id);
  std::vector<BilledMeter> meters;
  if (at_point != facts.channels.end()) {
    meters = billed_meters(at_point->second, input.period);
    // A meter taken out on the period's first day with none put in: bill on it as before.
    const MeterChannel* kept =
        meters.empty() ? billing_channel(at_point->second, input.period.start) : nullptr;
    if (kept != nullptr) {
      meters.push_back({kept, input.period.start, plus_days(input.period.end, -1), false});
    }
  }
  if (meters.empty()) {
    if (agreement.commodity != "sewer") {
      input.usage.source = SectionUsage::Source::unmetered;
      return std::nullopt;
    }
    // Sewer is billed on the account's water use (its first water service billed this period).
    const SectionInput* water = nullptr;
    for (const SectionInput& other : earlier) {
      if (other.commodity == "water") {
        water = &other;
        break;
      }
    }
    if (water == nullptr) {
      return Problem{
          "sewer is billed on water use, and the account has no water service "
          "billed in this period"};
    }
    input.usage.source = SectionUsage::Source::water_of_premise;
    input.usage.usage_milli = water->usage.usage_milli;
    input.usage.estimated = water->usage.estimated;
    if (tariff.sewer && tariff.sewer->cap_at_winter_average) {
      auto water_history = facts.history.find(water->agreement_id);
      if (water_history != facts.history.end()) {
        input.facts.winter_average = winter_average(water_history->second);
      }
    }
    return std::nullopt;
  }
  std::string problem =
      meter_usage(run, facts, meters, history, input.period.start == agreement.start_date,
                  agreement.plan_code, input);
  if (!problem.empty()) return Problem{problem};
  return std::nullopt;
}

void add_history_facts(const RunContext& run, const std::vector<SectionHistory>& history,
                       SectionInput& input) {
  for (const SectionHistory& section : history) {
    if (!section.released || input.recent_totals.size() == kCompared) continue;
    input.recent_totals.push_back(Money::from_cents(section.charges_cents));
    input.recent_days.push_back(days_in(section.period));
  }
  // Last year's bill for the same period: one that started within two weeks of a year before.
  const date::sys_days year_ago = date::sys_days(input.period.start) - date::days(365);
  for (const SectionHistory& section : history) {
    const auto apart = (date::sys_days(section.period.start) - year_ago).count();
    if (section.released && apart >= -14 && apart <= 14) {
      input.last_year_total = Money::from_cents(section.charges_cents);
      input.last_year_days = days_in(section.period);
      break;
    }
  }
  std::vector<Decimal> peaks;
  for (auto it = history.rbegin(); it != history.rend(); ++it) {
    peaks.push_back(Decimal::from_raw(it->peak_demand_milli * (Decimal::kScale / 1000)));
  }
  if (peaks.size() > kPastPeaks) peaks.erase(peaks.begin(), peaks.end() - kPastPeaks);
  input.facts.prior_monthly_peaks = std::move(peaks);
  auto neighbours = run.neighbours.find(input.plan_code);
  if (neighbours != run.neighbours.end()) input.neighbours = neighbours->second;
}

// Drafts one account from its agreements [begin, end) of the chunk.
AccountOutcome draft_account(const RunContext& run, const ChunkFacts& facts,
                             std::vector<AgreementFacts>::const_iterator begin,
                             std::vector<AgreementFacts>::const_iterator end) {
  AccountOutcome outcome;
  outcome.account_id = begin->account_id;
  outcome.account_number = begin->account_number;
  static const std::vector<SectionHistory> kNoHistory;
  // Water before sewer, so a sewer section can bill on the water section's usage.
  std::vector<const AgreementFacts*> ordered;
  for (auto it = begin; it != end; ++it) ordered.push_back(&*it);
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](const AgreementFacts* a, const AgreementFacts* b) {
                     return a->commodity != "sewer" && b->commodity == "sewer";
                   });
  outcome.inputs.reserve(ordered.size());
  for (const AgreementFacts* agreement : ordered) {
    auto found = facts.history.find(agreement->agreement_id);
    const std::vector<SectionHistory>& history =
        found == facts.history.end() ? kNoHistory : found->second;
    SectionInput input;
    input.agreement_id = agreement->agreement_id;
    input.commodity = agreement->commodity;
    input.plan_code = agreement->plan_code;
    input.period.start = period_start_of(run, *agreement, &history);
    input.period.end = run.read_date;
    if (agreement->end_date) {
      LocalDate after_last = plus_days(*agreement->end_date, 1);
      if (!before(run.read_date, after_last)) {
        input.period.end = after_last;
        input.final = true;
      }
    }
    if (!before(input.period.start, input.period.end)) continue;  // nothing due
    input.partial_service = input.final || (input.period.start == agreement->start_date &&
                                            before(run.cycle_period.start, input.period.start));
    const RatePlan& plan = run.plans.at(agreement->plan_id);
    if (!plan.tariff) {
      outcome.problem = "rate plan " + plan.code + " has no tariff to bill with";
      outcome.problem_agreement = agreement->agreement_id;
      return outcome;
    }
    input.tariff = &*plan.tariff;
    if (auto problem = gather_usage(run, facts, *agreement, history, outcome.inputs, input)) {
      outcome.problem = problem->text;
      outcome.problem_agreement = agreement->agreement_id;
      return outcome;
    }
    add_history_facts(run, history, input);
    outcome.inputs.push_back(std::move(input));
  }
  if (outcome.inputs.empty()) return outcome;
  auto draft = draft_bill(outcome.inputs, run.settings.zone, run.settings.checks);
  if (!draft.ok()) {
    outcome.problem = draft.error().message;
    return outcome;
  }
  outcome.draft = std::move(*draft);
  return outcome;
}

}  // namespace

std::vector<AccountOutcome> draft_chunk(const RunContext& run, const ChunkFacts& facts) {
  std::vector<AccountOutcome> outcomes;
  auto begin = facts.agreements.begin();
  while (begin != facts.agreements.end()) {
    auto end = std::find_if(begin, facts.agreements.end(), [&](const AgreementFacts& agreement) {
      return agreement.account_id != begin->account_id;
    });
    outcomes.push_back(draft_account(run, facts, begin, end));
    begin = end;
  }
  return outcomes;
}

}  // namespace rp::billing
