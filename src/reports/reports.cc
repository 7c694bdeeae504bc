#include "reports/reports.h"

#include <map>
#include <set>

#include "billing/bill_run.h"
#include "store/utility_settings.h"

namespace rp::reports {
namespace {

using store::Row;
using store::Session;

constexpr int kLongestRangeDays = 366;

LocalDate days_before(LocalDate day, int days) {
  return LocalDate{date::sys_days(day) - date::days{days}};
}

ReportColumn money(const char* key, const char* label) {
  return {key, label, ColumnKind::money};
}
ReportColumn count(const char* key, const char* label) {
  return {key, label, ColumnKind::count};
}

std::int64_t number_of(const ReportCell& cell) {
  const auto* number = std::get_if<std::int64_t>(&cell);
  return number == nullptr ? 0 : *number;
}

// One totals row: the label, then the sum of every count and money column (blank otherwise).
ReportRow totals_of(const ReportTable& table, const std::string& label) {
  ReportRow total;
  for (std::size_t column = 0; column < table.columns.size(); ++column) {
    const ColumnKind kind = table.columns[column].kind;
    if (column == 0) {
      total.emplace_back(label);
    } else if (kind == ColumnKind::count || kind == ColumnKind::money) {
      std::int64_t sum = 0;
      for (const ReportRow& row : table.rows) sum += number_of(row[column]);
      total.emplace_back(sum);
    } else {
      total.emplace_back(std::string());
    }
  }
  return total;
}

// --- aging ------------------------------------------------------------------------------------

Result<ReportTable> aging(Session& session, ReportTable table, LocalDate today) {
  table.columns = {{"customer_class", "Customer class", ColumnKind::text},
                   count("accounts_owing", "Accounts owing"),
                   money("current", "Current"),
                   money("days_30", "30-59 days"),
                   money("days_60", "60-89 days"),
                   money("days_90_plus", "90+ days"),
                   money("credit", "Credit balances"),
                   money("total", "Total")};
  const std::string d30 = format_local_date(days_before(today, 30));
  const std::string d60 = format_local_date(days_before(today, 60));
  const std::string d90 = format_local_date(days_before(today, 90));
  auto rows = session.query_named("reports/aging_by_class",
                                  {d30, d30, d60, d60, d90, d30, d30, d60, d60, d90});
  RP_TRY(rows);
  for (const Row& row : *rows) {
    ReportRow line{row.text("customer_class")};
    std::int64_t total = 0;
    for (const char* column :
         {"owing", "current_cents", "days_30", "days_60", "days_90_plus", "credit"}) {
      line.emplace_back(row.integer(column));
      if (std::string_view(column) != "owing") total += row.integer(column);
    }
    line.emplace_back(total);
    table.rows.push_back(std::move(line));
  }
  table.totals.push_back(totals_of(table, "All classes"));
  table.chart_x = "customer_class";
  table.chart_series = {"current", "days_30", "days_60", "days_90_plus"};
  return table;
}

// --- revenue ----------------------------------------------------------------------------------

Result<ReportTable> revenue(Session& session, ReportTable table) {
  table.columns = {{"month", "Month", ColumnKind::date},
                   {"rate_plan", "Rate plan", ColumnKind::text},
                   {"rate_plan_name", "Rate plan name", ColumnKind::text},
                   count("services_billed", "Services billed"),
                   money("charges", "Billed charges")};
  auto rows = session.query_named("reports/revenue_by_plan",
                                  {format_local_date(table.from), format_local_date(table.to)});
  RP_TRY(rows);
  for (const Row& row : *rows) {
    table.rows.push_back({row.text("month"), row.text("rate_plan_code"), row.text("plan_name"),
                          row.integer("sections"), row.integer("charges_cents")});
  }
  table.totals.push_back(totals_of(table, "All months"));
  table.chart_x = "month";
  table.chart_series = {"charges"};
  return table;
}

// --- bill runs --------------------------------------------------------------------------------

Result<ReportTable> bill_runs(store::Database& database, ReportTable table) {
  table.columns = {{"bill_date", "Bill date", ColumnKind::date},
                   count("cycle", "Cycle"),
                   count("run", "Run"),
                   {"status", "Status", ColumnKind::text},
                   count("accounts", "Accounts"),
                   count("released", "Released"),
                   count("held", "Held"),
                   count("cancelled", "Cancelled"),
                   count("problems", "Problems"),
                   money("charges", "Charges released")};
  auto ids = database.read<std::vector<std::int64_t>>(
      [&](Session& session) -> Result<std::vector<std::int64_t>> {
        auto rows =
            session.query_named("reports/runs_billed_between",
                                {format_local_date(table.from), format_local_date(table.to)});
        RP_TRY(rows);
        std::vector<std::int64_t> found;
        for (const Row& row : *rows) found.push_back(row.integer("id"));
        return found;
      });
  RP_TRY(ids);
  // Each run counted as its own page counts it (billing/bill_run.h).
  for (std::int64_t id : *ids) {
    auto run = billing::bill_run_progress(database, id);
    RP_TRY(run);
    table.rows.push_back({format_local_date(run->bill_date), std::int64_t{run->cycle}, run->run_id,
                          run->status, run->accounts, run->released, run->held, run->cancelled,
                          run->problems, run->charges_cents});
  }
  ReportRow total = totals_of(table, "All runs");
  total[1] = std::string();  // cycle and run numbers do not add up
  total[2] = std::string();
  table.totals.push_back(std::move(total));
  table.chart_x = "bill_date";
  table.chart_series = {"released", "held", "problems"};
  return table;
}

// --- payments ---------------------------------------------------------------------------------

Result<ReportTable> payments(Session& session, ReportTable table) {
  const std::vector<std::string> channels = {"web", "autopay", "phone", "cashier", "lockbox"};
  const std::vector<std::string> methods = {"card", "bank", "cash", "check"};
  table.columns = {
      {"day", "Day", ColumnKind::date}, count("payments", "Payments"), money("amount", "Amount")};
  for (const std::string& channel : channels) {
    table.columns.push_back({channel, "By " + channel, ColumnKind::count});
  }
  for (const std::string& method : methods) {
    table.columns.push_back({method, "By " + method, ColumnKind::count});
  }
  table.columns.push_back({"digital_share", "Digital share", ColumnKind::percent});
  auto rows = session.query_named("reports/payments_by_day",
                                  {format_local_date(table.from), format_local_date(table.to)});
  RP_TRY(rows);
  std::map<std::string, std::map<std::string, std::int64_t>> by_day;  // day -> column -> value
  for (const Row& row : *rows) {
    auto& day = by_day[row.text("day")];
    const std::int64_t n = row.integer("payment_count");
    day["payments"] += n;
    day["amount"] += row.integer("cents");
    day[row.text("channel")] += n;
    day[row.text("method")] += n;
  }
  auto line_of = [&](const std::string& label, std::map<std::string, std::int64_t>& day) {
    ReportRow line{label, day["payments"], day["amount"]};
    for (const std::string& channel : channels) line.emplace_back(day[channel]);
    for (const std::string& method : methods) line.emplace_back(day[method]);
    line.emplace_back(share_bp(day["web"] + day["autopay"], day["payments"]));
    return line;
  };
  std::map<std::string, std::int64_t> all;
  for (auto& [day, values] : by_day) {
    for (const auto& [key, value] : values) all[key] += value;
    table.rows.push_back(line_of(day, values));
  }
  table.totals.push_back(line_of("All days", all));
  table.chart_x = "day";
  table.chart_series = {"web", "autopay", "phone", "cashier", "lockbox"};
  return table;
}

// --- holds and exceptions ---------------------------------------------------------------------

Result<ReportTable> holds(Session& session, ReportTable table, const UtilityZone& zone) {
  table.columns = {{"day", "Day", ColumnKind::date},
                   count("bills_held", "Bills held"),
                   count("holds_resolved", "Holds resolved"),
                   count("exceptions_opened", "Read exceptions opened"),
                   count("exceptions_resolved", "Read exceptions resolved")};
  const std::string start = format_instant(zone.start_of_day(table.from));
  const std::string end = format_instant(zone.end_of_day(table.to));
  std::map<LocalDate, std::set<std::int64_t>> held;
  std::map<LocalDate, std::array<std::int64_t, 3>> counts;  // resolved, opened, exc. resolved
  // The local day of a stored instant, when it falls in the range.
  auto day_of = [&](const Row& row, const char* column) -> std::optional<LocalDate> {
    if (row.is_null(column)) return std::nullopt;
    const std::string at = row.text(column);
    if (at < start || at >= end) return std::nullopt;
    auto instant = parse_instant(at, column);
    if (!instant.ok()) return std::nullopt;
    return zone.local_date(*instant);
  };
  auto hold_rows = session.query_named("reports/holds_between", {start, end, start, end});
  RP_TRY(hold_rows);
  for (const Row& row : *hold_rows) {
    if (auto day = day_of(row, "created_at")) held[*day].insert(row.integer("bill_id"));
    if (auto day = day_of(row, "resolved_at")) counts[*day][0] += 1;
  }
  auto exception_rows = session.query_named("reports/exceptions_between", {start, end, start, end});
  RP_TRY(exception_rows);
  for (const Row& row : *exception_rows) {
    if (auto day = day_of(row, "created_at")) counts[*day][1] += 1;
    if (auto day = day_of(row, "resolved_at")) counts[*day][2] += 1;
  }
  for (const auto& [day, bills] : held) counts[day];  // a day with holds only
  for (const auto& [day, values] : counts) {
    auto found = held.find(day);
    const std::int64_t bills = found == held.end() ? 0 : std::ssize(found->second);
    table.rows.push_back({format_local_date(day), bills, values[0], values[1], values[2]});
  }
  table.totals.push_back(totals_of(table, "All days"));
  table.chart_x = "day";
  table.chart_series = {"bills_held", "exceptions_opened"};
  return table;
}

// --- portal adoption --------------------------------------------------------------------------

Result<ReportTable> portal_adoption(Session& session, ReportTable table, Instant now_instant) {
  table.columns = {{"measure", "Measure", ColumnKind::text},
                   count("count", "Count"),
                   count("of", "Of"),
                   {"share", "Share", ColumnKind::percent}};
  const std::string from = format_local_date(table.from);
  const std::string to = format_local_date(table.to);
  auto rows = session.query_named("reports/portal_adoption",
                                  {format_instant(now_instant - std::chrono::days{30}), from, to,
                                   from, to, from, to, from, to});
  RP_TRY(rows);
  const Row& row = rows->at(0);
  const std::int64_t active = row.integer("active_accounts");
  auto measure = [&](const char* label, std::int64_t part, std::int64_t whole) {
    table.rows.push_back({std::string(label), part, whole, share_bp(part, whole)});
  };
  measure("Active accounts with a portal login", row.integer("with_login"), active);
  measure("Active accounts whose login was used in the last 30 days", row.integer("login_used"),
          active);
  measure("Active accounts on paperless billing", row.integer("paperless"), active);
  measure("Payments made in the portal or by autopay", row.integer("portal_payments"),
          row.integer("payments"));
  measure("Payment arrangements the customer set up in the portal",
          row.integer("portal_arrangements"), row.integer("arrangements"));
  table.chart_x = "measure";
  table.chart_series = {"share"};
  return table;
}

// --- cashier drawers --------------------------------------------------------------------------

Result<ReportTable> cashier_drawers(Session& session, ReportTable table) {
  table.columns = {{"day", "Day", ColumnKind::date},
                   {"cashier", "Cashier", ColumnKind::text},
                   {"method", "Method", ColumnKind::text},
                   count("payments", "Payments"),
                   money("amount", "Amount")};
  auto rows = session.query_named("reports/cashier_drawers",
                                  {format_local_date(table.from), format_local_date(table.to)});
  RP_TRY(rows);
  for (const Row& row : *rows) {
    table.rows.push_back({row.text("day"), row.text("cashier_name"), row.text("method"),
                          row.integer("payment_count"), row.integer("cents")});
  }
  table.totals.push_back(totals_of(table, "All drawers"));
  table.chart_x = "day";
  table.chart_series = {"amount"};
  return table;
}

}  // namespace

const std::vector<ReportInfo>& report_catalog() {
  static const std::vector<ReportInfo> kCatalog = {
      {"aging", "Aging by customer class",
       "What is owed today, by how long past due, for each customer class", false},
      {"revenue", "Billed revenue by rate plan",
       "Charges of the bills sent, by month of the bill date and rate plan", true},
      {"bill_runs", "Bills per cycle and run",
       "Each bill run dated in the range: accounts, bills released, held and cancelled, problems",
       true},
      {"payments", "Payments by channel and method",
       "Payments received each day, by channel and method, and the share made digitally", true},
      {"holds", "Held bills and read exceptions",
       "Bills held and holds resolved, meter read exceptions opened and resolved, each day", true},
      {"portal_adoption", "Portal adoption and self-service",
       "Portal logins, recent use and paperless billing today; the self-service share of the "
       "range's payments and arrangements",
       true},
      {"cashier_drawers", "Cashier drawers",
       "Counter payments each cashier took each day, by method", true},
  };
  return kCatalog;
}

Result<ReportTable> run_report(store::Database& database, const ReportRequest& request) {
  const ReportInfo* info = nullptr;
  for (const ReportInfo& candidate : report_catalog()) {
    if (candidate.name == request.name) info = &candidate;
  }
  if (info == nullptr) return not_found("no report is named " + request.name);
  if (info->ranged) {
    if (date::sys_days(request.from) > date::sys_days(request.to)) {
      return invalid_input("from", "from " + format_local_date(request.from) + " is after to " +
                                       format_local_date(request.to));
    }
    if ((date::sys_days(request.to) - date::sys_days(request.from)).count() >= kLongestRangeDays) {
      return invalid_input("to", "a report covers at most 366 days");
    }
  }
  auto zone =
      database.read<UtilityZone>([](Session& session) { return store::utility_zone(session); });
  RP_TRY(zone);
  const Instant now_instant = now();
  const LocalDate today = zone->local_date(now_instant);
  ReportTable table;
  table.name = info->name;
  table.title = info->title;
  table.from = info->ranged ? request.from : today;
  table.to = info->ranged ? request.to : today;
  if (info->name == "bill_runs") return bill_runs(database, std::move(table));
  return database.read<ReportTable>([&](Session& session) -> Result<ReportTable> {
    // A report sorts and hashes a year of rows: on PostgreSQL give this transaction the memory to
    // do it without spilling to disk (the server's default is sized for short transactions).
    if (session.engine() == store::Engine::postgresql) {
      RP_TRY(session.execute("SET LOCAL work_mem = '64MB'"));
    }
    if (info->name == "aging") return aging(session, std::move(table), today);
    if (info->name == "revenue") return revenue(session, std::move(table));
    if (info->name == "payments") return payments(session, std::move(table));
    if (info->name == "holds") return holds(session, std::move(table), *zone);
    if (info->name == "portal_adoption")
      return portal_adoption(session, std::move(table), now_instant);
    return cashier_drawers(session, std::move(table));
  });
}

}  // namespace rp::reports
