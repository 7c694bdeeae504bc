#include "notify/usage_thresholds.h"

#include <map>

#include "accounts/account_events.h"
#include "core/json_writer.h"
#include "core/time.h"

namespace rp::notify {
namespace {

using store::Row;
using store::Session;

constexpr int kClosedShownDays = 30;
constexpr std::int64_t kUsageAlertsShown = 12;
constexpr std::size_t kLongestResolution = 500;

Result<std::int64_t> account_id_of(Session& session, const AccountNumber& account) {
  auto rows = session.query_named("notify/account_for_choices", {account.digits()});
  RP_TRY(rows);
  if (rows->empty()) return not_found("no account has number " + account.formatted());
  return rows->at(0).integer("id");
}

std::optional<std::int64_t> optional_integer(const Row& row, const char* column) {
  if (row.is_null(column)) return std::nullopt;
  return row.integer(column);
}

std::string optional_text(const Row& row, const char* column) {
  return row.is_null(column) ? std::string() : row.text(column);
}

LeakAlertSeen leak_from(const Row& row, bool with_account) {
  LeakAlertSeen leak;
  leak.id = row.integer("id");
  if (with_account) {
    leak.account_number = row.text("account_number");
    leak.customer = row.text("customer");
  }
  leak.commodity = row.text("commodity");
  leak.meter = row.text("meter");
  leak.unit = row.text("unit");
  leak.kind = row.text("kind");
  leak.found_on = row.text("found_on");
  leak.least_per_hour_milli = optional_integer(row, "least_per_hour_milli");
  leak.use_per_day_milli = row.integer("use_per_day_milli");
  leak.usual_per_day_milli = optional_integer(row, "usual_per_day_milli");
  leak.status = row.text("status");
  leak.closed_by = optional_text(row, "closed_by");
  leak.closed_at = optional_text(row, "closed_at");
  leak.resolution = optional_text(row, "resolution");
  leak.created_at = row.text("created_at");
  return leak;
}

struct StoredThreshold {
  std::int64_t id = 0;
  std::optional<std::int64_t> value;  // cents or percent
};

Result<std::map<std::string, StoredThreshold>> stored_thresholds(Session& session,
                                                                 std::int64_t account_id) {
  auto rows = session.query_named("notify/usage_thresholds_of_account", {account_id});
  RP_TRY(rows);
  std::map<std::string, StoredThreshold> stored;
  for (const Row& row : *rows) {
    const std::string basis = row.text("basis");
    stored[basis] = {row.integer("id"), basis == "amount" ? optional_integer(row, "amount_cents")
                                                          : optional_integer(row, "percent")};
  }
  return stored;
}

Result<AccountAlerts> alerts_in(Session& session, std::int64_t account_id) {
  AccountAlerts alerts;
  auto stored = stored_thresholds(session, account_id);
  RP_TRY(stored);
  for (const auto& [basis, threshold] : *stored) {
    if (!threshold.value) continue;
    if (basis == "amount") alerts.thresholds.amount = Money::from_cents(*threshold.value);
    if (basis == "last_bill") alerts.thresholds.last_bill_percent = threshold.value;
    if (basis == "last_year") alerts.thresholds.last_year_percent = threshold.value;
  }
  auto usage =
      session.query_named("notify/usage_alerts_of_account", {account_id, kUsageAlertsShown});
  RP_TRY(usage);
  for (const Row& row : *usage) {
    alerts.usage.push_back({row.integer("id"), row.text("basis"), row.text("period_start"),
                            row.text("found_on"), Money::from_cents(row.integer("so_far_cents")),
                            Money::from_cents(row.integer("projected_cents")),
                            row.integer("estimated") != 0});
  }
  const std::string since = format_instant(now() - std::chrono::hours(24 * kClosedShownDays));
  auto leaks = session.query_named("notify/leak_alerts_of_account", {account_id, since});
  RP_TRY(leaks);
  for (const Row& row : *leaks) alerts.leaks.push_back(leak_from(row, false));
  return alerts;
}

Result<void> check_choice(const ThresholdChoice& choice) {
  if (choice.amount &&
      (choice.amount->cents() < 100 || choice.amount->cents() > kLargestThresholdCents)) {
    return invalid_input("amount",
                         "a bill amount to be told about is between $1.00 and $100,000.00");
  }
  auto check_percent = [](const std::optional<std::int64_t>& percent,
                          const char* field) -> Result<void> {
    if (percent && (*percent < 1 || *percent > kLargestThresholdPercent)) {
      return invalid_input(field, "a percent to be told about is a whole number from 1 to 1000");
    }
    return success();
  };
  RP_TRY(check_percent(choice.last_bill_percent, "last_bill_percent"));
  RP_TRY(check_percent(choice.last_year_percent, "last_year_percent"));
  return success();
}

}  // namespace

Result<AccountAlerts> account_alerts(store::Database& database, const AccountNumber& account) {
  return database.read<AccountAlerts>([&](Session& session) -> Result<AccountAlerts> {
    auto id = account_id_of(session, account);
    RP_TRY(id);
    return alerts_in(session, *id);
  });
}

Result<AccountAlerts> set_thresholds(store::Database& database, const AccountNumber& account,
                                     const ThresholdChoice& choice, const std::string& actor) {
  RP_TRY(check_choice(choice));
  return database.write<AccountAlerts>([&](Session& session) -> Result<AccountAlerts> {
    auto id = account_id_of(session, account);
    RP_TRY(id);
    auto stored = stored_thresholds(session, *id);
    RP_TRY(stored);
    const std::string at = format_instant(now());
    const std::vector<std::pair<std::string, std::optional<std::int64_t>>> wanted{
        {"amount",
         choice.amount ? std::optional<std::int64_t>(choice.amount->cents()) : std::nullopt},
        {"last_bill", choice.last_bill_percent},
        {"last_year", choice.last_year_percent}};
    JsonWriter details;
    details.begin_object();
    bool changed = false;
    for (const auto& [basis, value] : wanted) {
      auto found = stored->find(basis);
      const std::optional<std::int64_t> before =
          found == stored->end() ? std::nullopt : found->second.value;
      if (before == value) continue;
      changed = true;
      RP_TRY(session.execute_named("notify/delete_usage_threshold", {*id, basis}));
      if (value) {
        const bool amount = basis == "amount";
        RP_TRY(session.execute_named(
            "notify/insert_usage_threshold",
            {*id, basis, amount ? store::Value(*value) : store::Value(store::Null{}),
             amount ? store::Value(store::Null{}) : store::Value(*value), actor, at}));
      }
      details.key(basis).begin_object();
      auto write = [&](const char* key, const std::optional<std::int64_t>& v) {
        details.key(key);
        if (!v) {
          details.null();
        } else if (basis == "amount") {
          details.string(Money::from_cents(*v).to_string());
        } else {
          details.number(*v);
        }
      };
      write("before", before);
      write("after", value);
      details.end_object();
    }
    details.end_object();
    if (changed) {
      RP_TRY(accounts::record_event(session, {*id, "thresholds.changed", actor,
                                              "High-usage alerts changed", details.take()}));
    }
    return alerts_in(session, *id);
  });
}

Result<LeakAlertSeen> close_leak_alert(store::Database& database, const AccountNumber& account,
                                       std::int64_t id, const std::string& resolution,
                                       const std::string& actor) {
  if (resolution.empty() || resolution.size() > kLongestResolution) {
    return invalid_input("resolution", "say what was found or done, in 1 to 500 characters");
  }
  return database.write<LeakAlertSeen>([&](Session& session) -> Result<LeakAlertSeen> {
    auto account_id = account_id_of(session, account);
    RP_TRY(account_id);
    auto found = session.query_named("notify/leak_alert_by_id", {id});
    RP_TRY(found);
    if (found->empty() || found->at(0).integer("account_id") != *account_id) {
      return not_found("account " + account.formatted() + " has no leak alert " +
                       std::to_string(id));
    }
    if (found->at(0).text("status") != "open") {
      return conflict("leak alert " + std::to_string(id) + " is closed already")
          .coded("leak-closed");
    }
    RP_TRY(session.execute_named("notify/close_leak_alert",
                                 {actor, format_instant(now()), resolution, id, *account_id}));
    JsonWriter details;
    details.begin_object().key("leak_alert").number(id).key("resolution").string(resolution);
    details.end_object();
    RP_TRY(
        accounts::record_event(session, {*account_id, "leak.closed", actor,
                                         "Possible leak closed: " + resolution, details.take()}));
    auto alerts = alerts_in(session, *account_id);
    RP_TRY(alerts);
    for (const LeakAlertSeen& leak : alerts->leaks) {
      if (leak.id == id) return leak;
    }
    return internal_error("leak alert " + std::to_string(id) + " closed but not found");
  });
}

Result<LeakQueuePage> leak_queue(store::Database& database, const std::string& status,
                                 std::int64_t after, std::size_t limit) {
  if (status != "open" && status != "closed") {
    return invalid_input("status", "the leak queue lists status=open or status=closed");
  }
  return database.read<LeakQueuePage>([&](Session& session) -> Result<LeakQueuePage> {
    auto rows = session.query_named("notify/leak_alerts_page",
                                    {status, after, static_cast<std::int64_t>(limit + 1)});
    RP_TRY(rows);
    LeakQueuePage page;
    for (const Row& row : *rows) {
      if (page.alerts.size() == limit) {
        page.next_after = page.alerts.back().id;
        break;
      }
      page.alerts.push_back(leak_from(row, true));
    }
    return page;
  });
}

}  // namespace rp::notify
