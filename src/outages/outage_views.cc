#include "outages/outage_views.h"

#include <map>
#include <set>

#include "outages/outage_store.h"

namespace rp::outages {

using store::Row;
using store::Session;

namespace {

std::string text_or_empty(const Row& row, std::string_view column) {
  return row.is_null(column) ? std::string() : row.text(column);
}

// The customers out over time from each outage's counts: the sum of every outage's latest count,
// one point a minute at most (the minute's last), starting at `since`.
std::vector<CustomersOutAt> customers_out_over_time(const std::vector<Row>& counts,
                                                    const std::string& since) {
  struct Change {
    std::string at;
    std::int64_t outage = 0, customers_out = 0;
  };
  std::vector<Change> changes;
  std::map<std::int64_t, std::string> ended;  // a final status ends its count at updated_at
  for (const Row& row : counts) {
    changes.push_back({row.text("at"), row.integer("outage_id"), row.integer("customers_out")});
    const std::string status = row.text("status");
    if (status == "restored" || status == "merged" || status == "cancelled") {
      ended[row.integer("outage_id")] = row.text("updated_at");
    }
  }
  for (const auto& [outage, at] : ended) changes.push_back({at, outage, 0});
  std::stable_sort(changes.begin(), changes.end(),
                   [](const Change& a, const Change& b) { return a.at < b.at; });

  std::map<std::int64_t, std::int64_t> current;
  std::int64_t total = 0;
  std::vector<CustomersOutAt> points;
  bool started = false;
  for (const Change& change : changes) {
    if (change.at >= since && !started) {
      points.push_back({since, total});
      started = true;
    }
    std::int64_t& count = current[change.outage];
    total += change.customers_out - count;
    count = change.customers_out;
    if (!started) continue;
    const std::string minute = change.at.substr(0, 16);
    if (!points.empty() && points.back().at.substr(0, 16) == minute) {
      points.back() = {change.at, total};
    } else {
      points.push_back({change.at, total});
    }
  }
  if (!started) points.push_back({since, total});
  return points;
}

}  // namespace

Result<StormSummary> storm_summary(store::Database& database, Instant today_began) {
  return database.read<StormSummary>([&](Session& session) -> Result<StormSummary> {
    StormSummary summary;
    const Instant at = now();
    summary.as_of = format_instant(at);
    auto dark = session.query_named("outages/summary_dark_points", {summary.as_of});
    RP_TRY(dark);
    if (!dark->empty()) {
      summary.customers_out = (*dark)[0].integer("dark");
      summary.outages_open = (*dark)[0].integer("outages");
    }
    auto restored =
        session.query_named("outages/summary_restored_since", {format_instant(today_began)});
    RP_TRY(restored);
    if (!restored->empty()) summary.restored_today = (*restored)[0].integer("restored");

    const Instant first_hour = std::chrono::floor<std::chrono::hours>(at) - std::chrono::hours(23);
    auto hours =
        session.query_named("outages/summary_signals_by_hour", {format_instant(first_hour)});
    RP_TRY(hours);
    std::map<std::string, SignalHour> by_hour;
    for (const Row& row : *hours) {
      const std::string hour = row.text("hour") + ":00:00Z";
      by_hour[hour] = {hour, row.integer("reports"), row.integer("last_gasps")};
    }
    for (int step = 0; step < 24; ++step) {
      const std::string hour = format_instant(first_hour + std::chrono::hours(step));
      auto found = by_hour.find(hour);
      summary.hours.push_back(found == by_hour.end() ? SignalHour{hour, 0, 0} : found->second);
    }

    const std::string since = format_instant(at - std::chrono::hours(24));
    auto counts = session.query_named("outages/summary_counts_since", {since});
    RP_TRY(counts);
    summary.customers_out_over_time = customers_out_over_time(*counts, since);
    return summary;
  });
}

Result<std::vector<DeviceSignals>> signals_by_device(store::Database& database, int hours,
                                                     std::size_t limit) {
  return database.read<std::vector<DeviceSignals>>(
      [&](Session& session) -> Result<std::vector<DeviceSignals>> {
        const std::string since = format_instant(now() - std::chrono::hours(hours));
        auto rows = session.query_named("outages/signals_by_transformer",
                                        {since, static_cast<std::int64_t>(limit)});
        RP_TRY(rows);
        std::vector<DeviceSignals> devices;
        for (const Row& row : *rows) {
          DeviceSignals device;
          device.transformer_id = row.integer("id");
          device.name = row.text("name");
          device.feeder = row.text("feeder");
          device.points = row.integer("points");
          device.reports = row.integer("reports");
          device.last_gasps = row.integer("last_gasps");
          if (row.integer("unplaced") == 0 && !row.is_null("outage_id")) {
            device.outage = outage_number(row.integer("outage_id"));
          }
          devices.push_back(std::move(device));
        }
        return devices;
      });
}

Result<OutageParts> outage_parts(store::Database& database, const Outage& outage) {
  return database.read<OutageParts>([&](Session& session) -> Result<OutageParts> {
    OutageParts parts;
    auto rows = session.query_named("outages/outage_transformers", {outage.id});
    RP_TRY(rows);
    std::map<std::int64_t, OutageDevice> feeders;
    std::vector<OutageDevice> transformers;
    for (const Row& row : *rows) {
      OutageDevice transformer;
      transformer.kind = DeviceKind::transformer;
      transformer.id = row.integer("id");
      transformer.name = row.text("name");
      transformer.customers_total = row.integer("total");
      transformer.customers_out = row.integer("dark");
      OutageDevice& feeder = feeders[row.integer("feeder_id")];
      feeder.kind = DeviceKind::feeder;
      feeder.id = row.integer("feeder_id");
      feeder.name = row.text("feeder_name");
      feeder.customers_total += transformer.customers_total;
      feeder.customers_out += transformer.customers_out;
      transformers.push_back(std::move(transformer));
    }
    if (feeders.size() > 1) {
      for (auto& [id, feeder] : feeders) parts.devices.push_back(std::move(feeder));
    }
    if (transformers.size() > 1) {
      for (OutageDevice& transformer : transformers)
        parts.devices.push_back(std::move(transformer));
    }
    if (static_cast<std::size_t>(outage.customers_total) <= kMostHomesListed) {
      auto homes = session.query_named("outages/outage_homes",
                                       {outage.id, static_cast<std::int64_t>(kMostHomesListed)});
      RP_TRY(homes);
      for (const Row& row : *homes) {
        OutageHome home;
        home.service_point = row.integer("service_point_id");
        home.premise = row.integer("premise_id");
        home.line1 = row.text("line1");
        home.city = row.text("city");
        home.dark = row.integer("dark") == 1;
        home.restored_at = text_or_empty(row, "restored_at");
        if (!row.is_null("moved_to")) home.moved_to = outage_number(row.integer("moved_to"));
        parts.homes.push_back(std::move(home));
      }
    }
    return parts;
  });
}

Result<std::vector<AccountOutage>> account_outage_history(store::Database& database,
                                                          const AccountNumber& account) {
  return database.read<std::vector<AccountOutage>>(
      [&](Session& session) -> Result<std::vector<AccountOutage>> {
        const std::string since = format_instant(now() - std::chrono::days(731));
        auto rows = session.query_named("outages/account_outage_history",
                                        {account.digits(), since, std::int64_t{200}});
        RP_TRY(rows);
        std::vector<AccountOutage> history;
        std::set<std::int64_t> seen;
        for (const Row& row : *rows) {
          if (!seen.insert(row.integer("id")).second) continue;
          AccountOutage outage;
          outage.number = outage_number(row.integer("id"));
          outage.status = row.text("status");
          outage.cause = row.text("cause");
          outage.began_at = row.text("began_at");
          outage.restored_at = text_or_empty(row, "restored_at");
          outage.line1 = row.text("line1");
          outage.city = row.text("city");
          outage.reports = row.integer("reports");
          history.push_back(std::move(outage));
        }
        return history;
      });
}

Result<std::optional<RestoredAtPremise>> recently_restored(store::Database& database,
                                                           std::int64_t premise_id, int hours) {
  return database.read<
      std::optional<RestoredAtPremise>>([&](Session& session)
                                            -> Result<std::optional<RestoredAtPremise>> {
    const std::string since = format_instant(now() - std::chrono::hours(hours));
    auto rows = session.query_named("outages/recently_restored_at_premise", {premise_id, since});
    RP_TRY(rows);
    if (rows->empty()) return std::optional<RestoredAtPremise>();
    auto outage = outage_from((*rows)[0]);
    RP_TRY(outage);
    RestoredAtPremise restored;
    restored.outage = std::move(*outage);
    restored.outage.device_name.clear();
    restored.restored_at = (*rows)[0].text("point_restored_at");
    return std::optional<RestoredAtPremise>(std::move(restored));
  });
}

Result<std::optional<Outage>> planned_ahead(store::Database& database, std::int64_t premise_id) {
  return database.read<std::optional<Outage>>(
      [&](Session& session) -> Result<std::optional<Outage>> {
        auto rows = session.query_named("outages/planned_ahead_at_premise",
                                        {premise_id, format_instant(now())});
        RP_TRY(rows);
        if (rows->empty()) return std::optional<Outage>();
        auto outage = outage_from((*rows)[0]);
        RP_TRY(outage);
        outage->device_name.clear();
        return std::optional<Outage>(std::move(*outage));
      });
}

}  // namespace rp::outages
