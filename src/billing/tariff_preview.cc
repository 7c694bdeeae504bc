#include "billing/tariff_preview.h"

#include "billing/bill_usage.h"
#include "billing/rate_plan_tariffs.h"
#include "mdm/interval_day.h"
#include "rating/calculator.h"
#include "rating/tariff_format.h"
#include "store/utility_settings.h"

namespace rp::billing {
namespace {

using store::Row;
using store::Session;

constexpr std::int64_t kRawPerMilli = Decimal::kScale / 1000;
constexpr std::int64_t kPastPeaks = 11;  // as the bill run: a demand ratchet's look-back
constexpr std::int64_t kDaySeconds = 86'400;

std::int32_t utc_day_of(Instant instant) {
  return static_cast<std::int32_t>(instant.time_since_epoch().count() / kDaySeconds);
}

// The proposed tariff's newest version, in force from the beginning of time: what every sampled
// period would have been billed at.
rating::Tariff newest_version_only(const rating::Tariff& proposed) {
  rating::Tariff tariff = proposed;
  tariff.versions = {proposed.versions.back()};
  tariff.versions.front().effective = LocalDate{date::year{1970} / 1 / 1};
  return tariff;
}

// The stored interval days of the channel measuring `bill`'s section, cut to its period; none
// when it was not measured by an interval channel.
Result<std::optional<rating::IntervalSeries>> stored_intervals(Session& session, const Row& row,
                                                               const rating::BillingPeriod& period,
                                                               const UtilityZone& zone) {
  if (row.is_null("meter_serial")) return std::optional<rating::IntervalSeries>();
  auto channel = session.query_named(
      "billing/tariff_preview_channel",
      {row.text("meter_serial"), row.integer("service_point_id"), row.text("unit")});
  RP_TRY(channel);
  if (channel->empty()) return std::optional<rating::IntervalSeries>();
  const auto minutes = static_cast<std::int32_t>(channel->at(0).integer("interval_minutes"));
  const Instant from = zone.start_of_day(period.start);
  const Instant to = zone.start_of_day(period.end);
  auto rows =
      session.query_named("billing/tariff_preview_days",
                          {channel->at(0).integer("channel_id"), std::int64_t{utc_day_of(from)},
                           std::int64_t{utc_day_of(to - std::chrono::seconds(1))}});
  RP_TRY(rows);
  std::vector<mdm::IntervalDay> days;
  for (const Row& stored : *rows) {
    mdm::IntervalDay day;
    day.channel_id = channel->at(0).integer("channel_id");
    day.utc_day = static_cast<std::int32_t>(stored.integer("utc_day"));
    day.interval_minutes = static_cast<std::int32_t>(stored.integer("interval_minutes"));
    const auto slots = static_cast<std::size_t>(24 * 60 / day.interval_minutes);
    auto values = mdm::unpack_values(stored.text("vals"), slots);
    RP_TRY(values);
    auto quality = mdm::unpack_quality(stored.text("quality"), slots);
    RP_TRY(quality);
    day.values = std::move(*values);
    day.quality = std::move(*quality);
    days.push_back(std::move(day));
  }
  // Missing intervals are filled at the bill's own average, which is what the billed total says.
  const std::int64_t days_billed =
      (date::sys_days(period.end) - date::sys_days(period.start)).count();
  std::optional<std::int64_t> per_day;
  if (days_billed > 0) per_day = row.integer("usage_milli") / days_billed;
  auto cut = period_intervals(days, minutes, period, zone, per_day);
  RP_TRY(cut);
  return std::optional<rating::IntervalSeries>(std::move(cut->series));
}

Result<rating::AccountFacts> facts_of(Session& session, const Row& row) {
  rating::AccountFacts facts;
  auto peaks = session.query_named(
      "billing/tariff_preview_peaks",
      {row.integer("service_agreement_id"), row.text("period_start"), kPastPeaks});
  RP_TRY(peaks);
  for (auto it = peaks->rbegin(); it != peaks->rend(); ++it) {  // most recent last
    facts.prior_monthly_peaks.push_back(
        Decimal::from_raw(it->integer("peak_demand_milli") * kRawPerMilli));
  }
  return facts;
}

Result<Money> rate(const rating::Tariff& tariff,
                   const std::optional<rating::IntervalSeries>& series, std::int64_t usage_milli,
                   const rating::BillingPeriod& period, const UtilityZone& zone,
                   const rating::AccountFacts& facts) {
  auto rated = series ? rating::rate_intervals(tariff, *series, period, zone, facts)
                      : rating::rate_total(tariff, Decimal::from_raw(usage_milli * kRawPerMilli),
                                           period, facts);
  RP_TRY(rated);
  return rated->total;
}

Result<TariffPreviewBill> preview_bill(Session& session, const Row& row,
                                       const rating::Tariff* stored, const rating::Tariff& proposed,
                                       const UtilityZone& zone) {
  TariffPreviewBill bill;
  bill.account_number = row.text("account_number");
  bill.bill_number = row.integer("bill_number");
  auto start = parse_local_date(row.text("period_start"), "period_start");
  RP_TRY(start);
  auto end = parse_local_date(row.text("period_end"), "period_end");
  RP_TRY(end);
  bill.period = {*start, *end};
  bill.unit = row.text("unit");
  bill.usage_milli = row.integer("usage_milli");
  bill.billed = Money::from_cents(row.integer("charges_cents"));
  auto series = stored_intervals(session, row, bill.period, zone);
  if (!series.ok()) {
    bill.problem = series.error().message;
    return bill;
  }
  bill.interval = series->has_value();
  auto facts = facts_of(session, row);
  RP_TRY(facts);
  auto proposed_total = rate(proposed, *series, bill.usage_milli, bill.period, zone, *facts);
  if (!proposed_total.ok()) {
    bill.problem = "the new tariff cannot rate this bill: " + proposed_total.error().message;
    return bill;
  }
  if (stored == nullptr) {
    bill.problem = "the plan has no stored tariff to compare with";
    return bill;
  }
  auto current_total = rate(*stored, *series, bill.usage_milli, bill.period, zone, *facts);
  if (!current_total.ok()) {
    bill.problem = "the stored tariff cannot rate this bill: " + current_total.error().message;
    return bill;
  }
  bill.proposed = *proposed_total;
  bill.current = *current_total;
  return bill;
}

}  // namespace

Result<TariffPreview> preview_tariff(store::Database& database, const std::string& plan_code,
                                     const rating::Tariff& proposed, std::size_t sample) {
  if (sample < 1 || sample > kLargestTariffPreviewSample) {
    return invalid_input("sample", "sample must be from 1 to " +
                                       std::to_string(kLargestTariffPreviewSample) + " bills");
  }
  if (proposed.versions.empty()) return invalid_input("tariff", "the tariff has no version");
  return database.read<TariffPreview>([&](Session& session) -> Result<TariffPreview> {
    TariffPreview preview;
    preview.plan_code = plan_code;
    preview.version_label = proposed.versions.back().label;
    preview.version_effective = proposed.versions.back().effective;
    auto checked = check_tariff_change(session, plan_code, proposed);
    if (!checked.ok()) {
      if (checked.error().kind == ErrorKind::not_found) return checked.error();
      preview.refused = checked.error();
    }
    auto stored_text = session.query_named("billing/rate_plan_tariff_text", {plan_code});
    RP_TRY(stored_text);
    std::optional<rating::Tariff> stored;
    if (!stored_text->empty() && !stored_text->at(0).is_null("tariff")) {
      auto parsed = rating::parse_tariff(stored_text->at(0).text("tariff"));
      if (!parsed.ok()) {
        return internal_error("the tariff stored on rate plan " + plan_code +
                              " does not read: " + parsed.error().message);
      }
      stored = std::move(*parsed);
    }
    auto zone = store::utility_zone(session);
    RP_TRY(zone);
    const rating::Tariff newest = newest_version_only(proposed);
    auto rows = session.query_named("billing/tariff_preview_sample",
                                    {plan_code, static_cast<std::int64_t>(sample)});
    RP_TRY(rows);
    for (const Row& row : *rows) {
      auto bill = preview_bill(session, row, stored ? &*stored : nullptr, newest, *zone);
      RP_TRY(bill);
      if (bill->current && bill->proposed) {
        ++preview.rated;
        preview.current_total += *bill->current;
        preview.proposed_total += *bill->proposed;
      }
      preview.bills.push_back(std::move(*bill));
    }
    return preview;
  });
}

}  // namespace rp::billing
