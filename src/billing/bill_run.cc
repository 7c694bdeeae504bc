#include "billing/bill_run.h"

#include <algorithm>
#include <chrono>
#include <future>
#include <limits>

#include "billing/bill_run_facts.h"
#include "billing/bill_run_write.h"
#include "core/batch_priority.h"
#include "rating/tariff_format.h"
#include "store/utility_settings.h"

namespace rp::billing {
namespace {

using store::Row;
using store::Session;

Result<std::vector<LocalDate>> parse_holidays(const std::string& text) {
  std::vector<LocalDate> holidays;
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t comma = text.find(',', begin);
    if (comma == std::string::npos) comma = text.size();
    std::string item = text.substr(begin, comma - begin);
    while (!item.empty() && item.front() == ' ') item.erase(item.begin());
    while (!item.empty() && item.back() == ' ') item.pop_back();
    if (!item.empty()) {
      auto date = parse_local_date(item, "bill_holidays");
      if (!date.ok()) {
        return invalid_input("bill_holidays", "setting bill_holidays: '" + item +
                                                  "' is not a date (YYYY-MM-DD, comma-separated)");
      }
      holidays.push_back(*date);
    }
    begin = comma + 1;
  }
  return holidays;
}

Result<std::map<std::string, Neighbours>> read_neighbours(Session& session, const RunContext& run) {
  auto rows = session.query_named("billing/previous_run_usage",
                                  {std::int64_t{run.cycle}, format_local_date(run.read_date)});
  RP_TRY(rows);
  std::map<std::string, std::vector<std::int64_t>> usage;
  for (const store::Row& row : *rows) {
    auto start = parse_local_date(row.text("period_start"), "period_start");
    auto end = parse_local_date(row.text("period_end"), "period_end");
    RP_TRY(start);
    RP_TRY(end);
    const std::int32_t days = days_in({*start, *end});
    if (days > 0) usage[row.text("rate_plan_code")].push_back(row.integer("usage_milli") / days);
  }
  std::map<std::string, Neighbours> neighbours;
  for (auto& [code, values] : usage) neighbours[code] = summarise_neighbours(std::move(values));
  return neighbours;
}

// Validates the request and builds the run's context (without the run id and plans).
Result<RunContext> plan_run(const BillingSettings& settings, const BillRunRequest& request) {
  if (request.cycle < 1 || request.cycle > settings.calendar.cycle_count) {
    return invalid_input("cycle", "cycle " + std::to_string(request.cycle) + " is not one of the " +
                                      std::to_string(settings.calendar.cycle_count) +
                                      " bill cycles (1-" +
                                      std::to_string(settings.calendar.cycle_count) + ")");
  }
  if (!request.read_date.ok()) return invalid_input("read_date", "the read date is not a date");
  const date::year_month month = request.read_date.year() / request.read_date.month();
  const CycleDates scheduled = cycle_dates(settings.calendar, request.cycle, month);
  if (scheduled.read_date != request.read_date) {
    return invalid_input("read_date", "cycle " + std::to_string(request.cycle) + " reads on " +
                                          format_local_date(scheduled.read_date) +
                                          " that month, not " +
                                          format_local_date(request.read_date));
  }
  const LocalDate today = settings.zone.local_date(now());
  if (date::sys_days(request.read_date) > date::sys_days(today)) {
    return invalid_input("read_date", "the read date " + format_local_date(request.read_date) +
                                          " is after today (" + format_local_date(today) + " in " +
                                          settings.zone.name() + ")");
  }
  if (request.chunk_accounts == 0) return invalid_input("chunk_accounts", "a chunk needs accounts");
  RunContext run{.settings = settings};
  run.cycle = request.cycle;
  run.read_date = request.read_date;
  run.bill_date = scheduled.bill_date;
  run.due_date = due_date_of(settings, scheduled.bill_date);
  run.cycle_period = cycle_period(settings.calendar, request.cycle, month);
  run.since =
      LocalDate(date::sys_days(run.cycle_period.start) - date::days(kEndedAgreementLookBackDays));
  run.started_by = request.started_by;
  return run;
}

// Finds the run of (cycle, read date) or starts it, counting the accounts it will bill.
Result<void> find_or_start_run(store::Database& database, RunContext& run,
                               BillRunProgress& progress) {
  return database.write_work([&](Session& session) -> Result<void> {
    const std::string read_date = format_local_date(run.read_date);
    auto found = session.query_named("billing/run_by_cycle", {std::int64_t{run.cycle}, read_date});
    RP_TRY(found);
    if (!found->empty()) {
      run.run_id = found->at(0).integer("id");
      progress.accounts = found->at(0).integer("accounts");
      return success();
    }
    auto inserted = session.query_named(
        "billing/insert_run", {std::int64_t{run.cycle}, read_date, format_local_date(run.bill_date),
                               format_instant(now()), run.started_by});
    RP_TRY(inserted);
    run.run_id = inserted->at(0).integer("id");
    auto counted =
        session.query_named("billing/count_run_accounts",
                            {std::int64_t{run.cycle}, read_date, format_local_date(run.since)});
    RP_TRY(counted);
    progress.accounts = counted->at(0).integer("account_count");
    RP_TRY(session.execute_named("billing/set_run_accounts", {progress.accounts, run.run_id}));
    return success();
  });
}

Result<void> add_totals(Session& session, std::int64_t run_id, BillRunProgress& progress) {
  auto rows = session.query_named("billing/run_totals", {run_id});
  RP_TRY(rows);
  progress.released = progress.held = progress.cancelled = 0;
  progress.charges_cents = progress.held_charges_cents = 0;
  for (const store::Row& row : *rows) {
    const std::string status = row.text("status");
    if (status == "released") {
      progress.released = row.integer("bill_count");
      progress.charges_cents = row.integer("charges_cents");
    } else if (status == "held") {
      progress.held = row.integer("bill_count");
      progress.held_charges_cents = row.integer("charges_cents");
    } else if (status == "cancelled") {
      progress.cancelled = row.integer("bill_count");
    }
  }
  auto problems = session.query_named("billing/run_problem_count", {run_id});
  RP_TRY(problems);
  progress.problems = problems->at(0).integer("problem_count");
  return success();
}

// Reads the plans and the neighbour summaries the run's checks compare with.
Result<void> read_run_references(Session& session, RunContext& run) {
  auto plans = read_rate_plans(session);
  RP_TRY(plans);
  run.plans = std::move(*plans);
  auto neighbours = read_neighbours(session, run);
  RP_TRY(neighbours);
  run.neighbours = std::move(*neighbours);
  return success();
}

// One chunk read in one snapshot and drafted; last_account 0 when the run has no account left.
struct DraftedChunk {
  std::vector<AccountOutcome> outcomes;
  std::int64_t last_account = 0;
};

Result<DraftedChunk> read_and_draft(store::Database& database, const RunContext& run,
                                    std::int64_t after, std::size_t limit) {
  run_this_thread_as_batch_work();
  auto facts = database.read<ChunkFacts>(
      [&](Session& session) { return read_chunk(session, run, after, limit); });
  RP_TRY(facts);
  DraftedChunk chunk;
  if (facts->agreements.empty()) return chunk;
  chunk.last_account = facts->agreements.back().account_id;
  chunk.outcomes = draft_chunk(run, *facts);
  return chunk;
}

}  // namespace

Result<BillingSettings> read_billing_settings(Session& session) {
  auto zone = store::utility_zone(session);
  RP_TRY(zone);
  BillingSettings settings{*zone, {}, 21, {}};
  auto due = store::whole_number_setting(session, "bill_due_days");
  RP_TRY(due);
  if (*due) settings.due_days = static_cast<std::int32_t>(**due);
  auto holidays = store::utility_setting(session, "bill_holidays");
  RP_TRY(holidays);
  if (*holidays) {
    auto parsed = parse_holidays(**holidays);
    RP_TRY(parsed);
    settings.calendar.holidays = std::move(*parsed);
  }
  return settings;
}

Result<std::map<std::int64_t, RatePlan>> read_rate_plans(Session& session) {
  auto rows = session.query_named("billing/rate_plan_tariffs");
  RP_TRY(rows);
  std::map<std::int64_t, RatePlan> plans;
  for (const store::Row& row : *rows) {
    RatePlan plan{row.integer("id"), row.text("code"), row.text("commodity"), std::nullopt};
    if (!row.is_null("tariff")) {
      auto tariff = rating::parse_tariff(row.text("tariff"));
      if (!tariff.ok()) {
        return internal_error("the stored tariff of rate plan " + plan.code +
                              " does not read: " + tariff.error().message);
      }
      plan.tariff = std::move(*tariff);
    }
    plans.emplace(plan.id, std::move(plan));
  }
  return plans;
}

std::size_t next_chunk_accounts(std::size_t written, std::chrono::microseconds took,
                                std::chrono::microseconds budget, std::size_t largest) {
  const std::size_t smallest = std::min(kBillRunSmallestChunk, largest);
  if (written == 0 || took.count() <= 0 || budget.count() <= 0) return largest;
  const double at_budget = static_cast<double>(written) * static_cast<double>(budget.count()) /
                           static_cast<double>(took.count());
  if (at_budget >= static_cast<double>(largest)) return largest;
  return std::max(smallest, static_cast<std::size_t>(at_budget));
}

LocalDate due_date_of(const BillingSettings& settings, LocalDate bill_date) {
  LocalDate due(date::sys_days(bill_date) + date::days(settings.due_days));
  return is_business_day(settings.calendar, due) ? due : next_business_day(settings.calendar, due);
}

Result<BillingSettings> load_billing_settings(store::Database& database) {
  return database.read<BillingSettings>(
      [](Session& session) -> Result<BillingSettings> { return read_billing_settings(session); });
}

Result<BillRunProgress> run_bills(store::Database& database, const BillRunRequest& request,
                                  const AfterBillChunk& after_chunk) {
  auto settings = load_billing_settings(database);
  RP_TRY(settings);
  auto planned = plan_run(*settings, request);
  RP_TRY(planned);
  RunContext run = std::move(*planned);
  BillRunProgress progress;
  progress.cycle = run.cycle;
  progress.read_date = run.read_date;
  progress.bill_date = run.bill_date;
  progress.status = "running";
  RP_TRY(find_or_start_run(database, run, progress));
  progress.run_id = run.run_id;
  RP_TRY(database.read_work([&](Session& session) -> Result<void> {
    RP_TRY(read_run_references(session, run));
    return add_totals(session, run.run_id, progress);
  }));
  // Accounts with problems from an earlier pass are retried: the count is this pass's.
  progress.problems = 0;
  // Pipelined: while one chunk is written (the single writer), the next is read and drafted on
  // another thread. The next chunk's facts never depend on the chunk being written (different
  // accounts; plans and neighbours are fixed for the run), so the overlap changes nothing billed.
  // The size follows the last write's pace; the chunk read meanwhile is one size behind.
  // Only SQLite's one writer makes a payment wait for a chunk; PostgreSQL writes side by side, and
  // there larger chunks (fewer round trips) bill faster.
  const std::chrono::microseconds write_budget = database.engine() == store::Engine::sqlite
                                                     ? request.write_budget
                                                     : std::chrono::microseconds{0};
  std::size_t chunk_accounts = write_budget.count() > 0
                                   ? std::min(kBillRunFirstChunk, request.chunk_accounts)
                                   : request.chunk_accounts;
  auto next = std::async(std::launch::async, read_and_draft, std::ref(database), std::cref(run),
                         std::int64_t{0}, chunk_accounts);
  while (true) {
    Result<DraftedChunk> chunk = next.get();
    RP_TRY(chunk);
    if (chunk->last_account == 0) break;
    next = std::async(std::launch::async, read_and_draft, std::ref(database), std::cref(run),
                      chunk->last_account, chunk_accounts);
    const std::string at = format_instant(now());
    std::chrono::microseconds took{0};
    auto written = database.write_bulk<ChunkWritten>([&](Session& session) {
      const auto started = std::chrono::steady_clock::now();
      auto outcome = write_chunk(session, run, chunk->outcomes, at);
      took = std::chrono::duration_cast<std::chrono::microseconds>(
          std::chrono::steady_clock::now() - started);
      return outcome;
    });
    RP_TRY(written);  // (the next chunk's read finishes before `next` is destroyed)
    chunk_accounts =
        next_chunk_accounts(chunk->outcomes.size(), took, write_budget, request.chunk_accounts);
    progress.released += written->released;
    progress.held += written->held;
    progress.charges_cents += written->charges_cents;
    progress.held_charges_cents += written->held_charges_cents;
    progress.problems += written->problems;
    if (after_chunk && !after_chunk(progress)) return progress;
  }
  RP_TRY(database.write_work([&](Session& session) -> Result<void> {
    RP_TRY(session.execute_named("billing/finish_run", {format_instant(now()), run.run_id}));
    return success();
  }));
  progress.status = "done";
  return progress;
}

Result<BillRunProgress> open_bill_run(store::Database& database, const BillRunRequest& request) {
  auto settings = load_billing_settings(database);
  RP_TRY(settings);
  auto planned = plan_run(*settings, request);
  RP_TRY(planned);
  BillRunProgress progress;
  RP_TRY(find_or_start_run(database, *planned, progress));
  return bill_run_progress(database, planned->run_id);
}

Result<RunContext> load_run_context(store::Database& database, std::int64_t run_id,
                                    const std::string& actor) {
  auto progress = bill_run_progress(database, run_id);
  RP_TRY(progress);
  auto settings = load_billing_settings(database);
  RP_TRY(settings);
  BillRunRequest request{progress->cycle, progress->read_date, actor, kBillRunChunkAccounts};
  auto planned = plan_run(*settings, request);
  RP_TRY(planned);
  RunContext run = std::move(*planned);
  run.run_id = run_id;
  RP_TRY(database.read_work([&](Session& session) { return read_run_references(session, run); }));
  return run;
}

Result<std::optional<std::int64_t>> redraft_account(Session& session, const RunContext& run,
                                                    std::int64_t account_id,
                                                    std::int64_t replaces_bill_id,
                                                    const std::string& at) {
  auto facts = read_chunk(session, run, account_id - 1, 1);
  RP_TRY(facts);
  if (facts->agreements.empty() || facts->agreements.front().account_id != account_id) {
    return std::optional<std::int64_t>{};
  }
  std::vector<AccountOutcome> outcomes = draft_chunk(run, *facts);
  for (AccountOutcome& outcome : outcomes) outcome.replaces_bill_id = replaces_bill_id;
  RP_TRY(write_chunk(session, run, outcomes, at));
  auto bill = session.query_named("billing/run_bill_of_account", {run.run_id, account_id});
  RP_TRY(bill);
  if (bill->empty()) return std::optional<std::int64_t>{};
  return std::optional<std::int64_t>{bill->at(0).integer("id")};
}

namespace {

Result<BillRunProgress> read_progress(Session& session, std::int64_t run_id) {
  auto rows = session.query_named("billing/run_by_id", {run_id});
  RP_TRY(rows);
  if (rows->empty()) return not_found("bill run " + std::to_string(run_id) + " does not exist");
  const store::Row& row = rows->at(0);
  BillRunProgress progress;
  progress.run_id = row.integer("id");
  progress.cycle = static_cast<int>(row.integer("cycle"));
  auto read_date = parse_local_date(row.text("read_date"), "read_date");
  auto bill_date = parse_local_date(row.text("bill_date"), "bill_date");
  RP_TRY(read_date);
  RP_TRY(bill_date);
  progress.read_date = *read_date;
  progress.bill_date = *bill_date;
  progress.status = row.text("status");
  progress.accounts = row.integer("accounts");
  RP_TRY(add_totals(session, run_id, progress));
  return progress;
}

}  // namespace

Result<BillRunProgress> bill_run_progress(store::Database& database, std::int64_t run_id) {
  return database.read<BillRunProgress>(
      [&](Session& session) { return read_progress(session, run_id); });
}

Result<std::vector<BillRunProgress>> bill_runs(store::Database& database, std::int64_t before_id,
                                               std::size_t limit) {
  if (limit < 1 || limit > 100) return invalid_input("limit", "limit must be between 1 and 100");
  if (before_id < 0) return invalid_input("cursor", "cursor must be one a page gave");
  const std::int64_t before = before_id == 0 ? std::numeric_limits<std::int64_t>::max() : before_id;
  return database.read<std::vector<BillRunProgress>>([&](Session& session)
                                                         -> Result<std::vector<BillRunProgress>> {
    auto ids = session.query_named("billing/run_ids", {before, static_cast<std::int64_t>(limit)});
    RP_TRY(ids);
    std::vector<BillRunProgress> runs;
    for (const store::Row& row : *ids) {
      auto progress = read_progress(session, row.integer("id"));
      RP_TRY(progress);
      runs.push_back(std::move(*progress));
    }
    return runs;
  });
}

Result<std::vector<BillRunProblem>> bill_run_problems(store::Database& database,
                                                      std::int64_t run_id, const std::string& after,
                                                      std::size_t limit) {
  if (limit < 1 || limit > 100) {
    return invalid_input("limit", "limit must be from 1 to 100, got " + std::to_string(limit));
  }
  RP_TRY(bill_run_progress(database, run_id));  // not_found for an unknown run
  return database.read<std::vector<BillRunProblem>>(
      [&](Session& session) -> Result<std::vector<BillRunProblem>> {
        auto rows = session.query_named("billing/run_problems",
                                        {run_id, after, static_cast<std::int64_t>(limit)});
        RP_TRY(rows);
        std::vector<BillRunProblem> problems;
        for (const Row& row : *rows) {
          BillRunProblem problem;
          problem.account_number = row.text("number");
          if (!row.is_null("service_agreement_id")) {
            problem.agreement_id = row.integer("service_agreement_id");
          }
          problem.problem = row.text("problem");
          problem.noted_at = row.text("noted_at");
          problems.push_back(std::move(problem));
        }
        return problems;
      });
}

}  // namespace rp::billing
