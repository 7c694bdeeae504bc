#pragma once
// The read half of a bill run (bill_run.h): one chunk of accounts' agreements, their billing
// history, meters, interval days and register reads, read in one snapshot, and turned into the
// section inputs bill drafting needs (bill_draft.h). Internal to the billing service.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "billing/bill_checks.h"
#include "billing/bill_draft.h"
#include "billing/bill_run.h"
#include "billing/bill_usage.h"
#include "mdm/interval_day.h"
#include "rating/tariff.h"
#include "store/session.h"

namespace rp::billing {

struct RatePlan {
  std::int64_t id = 0;
  std::string code;
  std::string commodity;
  std::optional<rating::Tariff> tariff;  // none: the plan has no tariff yet
};

// How far before a run's cycle period an ended agreement is still looked at for its final bill.
inline constexpr int kEndedAgreementLookBackDays = 90;

// What every chunk of a run shares (read-only while chunks are drafted).
struct RunContext {
  BillingSettings settings;
  std::int64_t run_id = 0;
  int cycle = 0;
  LocalDate read_date{};
  LocalDate bill_date{};
  LocalDate due_date{};
  rating::BillingPeriod cycle_period{};  // the cycle's period ending on read_date
  LocalDate since{};                     // agreements ended before this are not looked at
  std::string started_by{};
  std::map<std::int64_t, RatePlan> plans{};        // by id
  std::map<std::string, Neighbours> neighbours{};  // by rate plan code
};

struct AgreementFacts {
  std::int64_t account_id = 0;
  std::string account_number;
  std::int64_t agreement_id = 0;
  std::string commodity;
  std::int64_t premise_id = 0;
  std::int64_t plan_id = 0;
  std::string plan_code;
  LocalDate start_date;
  std::optional<LocalDate> end_date;  // the last day of service
  std::int64_t service_point_id = 0;
};

struct SectionHistory {
  rating::BillingPeriod period;
  std::int64_t usage_milli = 0;
  std::int64_t charges_cents = 0;
  bool estimated = false;
  std::optional<std::int64_t> end_read_milli;
  std::int64_t peak_demand_milli = 0;
  bool released = false;
};

struct MeterChannel {
  std::int64_t meter_id = 0;
  std::string serial;
  std::optional<LocalDate> installed_on;  // none: in place for as long as billing knows
  std::optional<LocalDate> removed_on;
  std::int64_t channel_id = 0;
  std::string unit;
  std::optional<std::int32_t> interval_minutes;  // none: a register
  int dial_digits = 0;                           // 0: the unit's default
};

struct RegisterRead {
  Instant taken_at;
  std::int64_t milli_units = 0;
};

struct ChunkFacts {
  std::vector<AgreementFacts> agreements;  // by account, then agreement
  std::unordered_map<std::int64_t, std::vector<SectionHistory>>
      history;  // by agreement, newest first
  std::unordered_map<std::int64_t, std::vector<MeterChannel>> channels;  // by service point
  std::unordered_map<std::int64_t, std::vector<mdm::IntervalDay>> days;  // by channel
  std::unordered_map<std::int64_t, std::vector<RegisterRead>> reads;     // by channel, oldest first
};

// The billing settings (zone, cycle calendar, due days); errors: invalid_input naming the setting
// when a stored value is bad.
Result<BillingSettings> read_billing_settings(store::Session& session);

// Every rate plan with its tariff parsed, by id. Errors: internal_error when a stored tariff does
// not read.
Result<std::map<std::int64_t, RatePlan>> read_rate_plans(store::Session& session);

// Reads the next chunk: up to `limit` unbilled accounts of the run after account `after`.
// An empty `agreements` means the run has no account left to draft.
Result<ChunkFacts> read_chunk(store::Session& session, const RunContext& run, std::int64_t after,
                              std::size_t limit);

// One account's drafting outcome: a draft, or the problem that stopped it.
struct AccountOutcome {
  std::int64_t account_id = 0;
  std::string account_number;
  std::vector<SectionInput> inputs;  // the draft's sections point into these
  std::optional<BillDraft> draft;    // none when nothing is due or there is a problem
  std::string problem;               // why the account could not be billed
  std::int64_t problem_agreement = 0;
  std::int64_t replaces_bill_id = 0;  // a rebill: the cancelled bill this one replaces
};

// The meter channel an agreement is billed on: on the meter in place during the period starting
// on `start` (the latest installed that was not removed before it), its interval channel, else
// its register channel (a demand channel, kW, never). Null when the service point has no meter.
const MeterChannel* billing_channel(const std::vector<MeterChannel>& channels, LocalDate start);

// Drafts every account of the chunk (pure over the facts).
std::vector<AccountOutcome> draft_chunk(const RunContext& run, const ChunkFacts& facts);

// The due date of a bill dated `bill_date`: due_days later, moved to the next business day.
LocalDate due_date_of(const BillingSettings& settings, LocalDate bill_date);

// The context of run `run_id` (its dates, plans and neighbours) for drafting single accounts again,
// with `actor` recorded on what is written. Errors: not_found for an unknown run.
Result<RunContext> load_run_context(store::Database& database, std::int64_t run_id,
                                    const std::string& actor);

// Drafts account `account_id` of `run` again and writes its bill (released or held) inside the
// caller's write transaction; the caller has cancelled the account's bill in the run first.
// `replaces_bill_id` (0: none) links the new bill to the cancelled one. Returns the new bill's id,
// or none when there is nothing to bill (no service in the period) or a problem was recorded.
Result<std::optional<std::int64_t>> redraft_account(store::Session& session, const RunContext& run,
                                                    std::int64_t account_id,
                                                    std::int64_t replaces_bill_id,
                                                    const std::string& at);

}  // namespace rp::billing
