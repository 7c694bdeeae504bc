#include "outages/etr_history.h"

#include <algorithm>

namespace rp::outages {

using std::chrono::minutes;

std::optional<minutes> median_restoration(std::vector<minutes> durations) {
  if (durations.size() < kLeastHistory) return std::nullopt;
  std::sort(durations.begin(), durations.end());
  const std::size_t middle = durations.size() / 2;
  if (durations.size() % 2 == 1) return durations[middle];
  return (durations[middle - 1] + durations[middle]) / 2;
}

minutes default_restoration(DeviceKind kind) {
  switch (kind) {
    case DeviceKind::service_point:
    case DeviceKind::area:  // a main break: hours of digging
      return minutes(240);
    case DeviceKind::transformer:
      return minutes(180);
    case DeviceKind::feeder:
    case DeviceKind::substation:
      return minutes(120);
  }
  return minutes(180);
}

Instant etr_from(Instant began, minutes restoration, Instant now) {
  Instant etr = began + restoration;
  if (etr <= now) etr = now + std::chrono::hours(1);
  const auto quarter = std::chrono::duration_cast<std::chrono::seconds>(minutes(15)).count();
  const auto seconds = etr.time_since_epoch().count();
  const auto rounded = (seconds + quarter - 1) / quarter * quarter;
  return Instant(std::chrono::seconds(rounded));
}

namespace {

std::string duration_words(minutes length) {
  const auto hours = length.count() / 60;
  const auto rest = length.count() % 60;
  if (hours == 0) return std::to_string(rest) + " min";
  return std::to_string(hours) + " h" + (rest ? " " + std::to_string(rest) + " min" : "");
}

Result<std::vector<minutes>> durations_of(store::Session& session, DeviceKind kind,
                                          std::string_view cause, Instant now) {
  const std::string since = format_instant(now - std::chrono::hours(24 * 365));
  const std::string cause_text(cause);
  auto rows =
      session.query_named("outages/restoration_history",
                          {std::string(device_kind_name(kind)), since, cause_text, cause_text});
  RP_TRY(rows);
  std::vector<minutes> durations;
  for (const store::Row& row : *rows) {
    auto began = parse_instant(row.text("began_at"), "began_at");
    auto restored = parse_instant(row.text("restored_at"), "restored_at");
    if (!began.ok() || !restored.ok() || *restored < *began) continue;
    durations.push_back(std::chrono::duration_cast<minutes>(*restored - *began));
  }
  return durations;
}

}  // namespace

Result<EtrEstimate> estimate_etr(store::Session& session, DeviceKind kind, std::string_view cause,
                                 Instant began, Instant now) {
  const std::string kind_words = std::string(device_kind_name(kind)) == "service_point"
                                     ? std::string("single-home")
                                     : std::string(device_kind_name(kind));
  if (!cause.empty() && cause != "unknown") {
    auto same_cause = durations_of(session, kind, cause, now);
    RP_TRY(same_cause);
    if (auto median = median_restoration(*same_cause)) {
      return EtrEstimate{etr_from(began, *median, now),
                         "median of " + std::to_string(same_cause->size()) + " " + kind_words +
                             " outages caused by " + std::string(cause) + ": " +
                             duration_words(*median)};
    }
  }
  auto all = durations_of(session, kind, "", now);
  RP_TRY(all);
  if (auto median = median_restoration(*all)) {
    return EtrEstimate{etr_from(began, *median, now), "median of " + std::to_string(all->size()) +
                                                          " " + kind_words +
                                                          " outages: " + duration_words(*median)};
  }
  const minutes fallback = default_restoration(kind);
  return EtrEstimate{etr_from(began, fallback, now),
                     std::string(kind == DeviceKind::area ? "default for an " : "default for a ") +
                         kind_words + " outage: " + duration_words(fallback)};
}

}  // namespace rp::outages
