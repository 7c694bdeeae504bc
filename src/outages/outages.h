#pragma once
// Outages over the database (migration 0058): customers' reports and meters' last gasps come in
// as signals, the prediction pass groups those not yet in an outage into outages on devices
// (prediction.h), and a customer asking is told of the outage already known at their premise.
//
//  * A report names a premise (a signed-in customer's own, or one found by address) and what is
//    wrong: out, partial (some lights), flicker (came back by itself: recorded, never an outage),
//    wires_down (reported like out; the page says the safety message first). The premise's
//    electric service point is the one reported for.
//  * A report from a point already dark in an open outage joins it at once; a second report of
//    the same point to the same outage is counted once (kept, marked duplicate) and acknowledged.
//  * Meter events from the head-end (last_gasp, power_restored) name a meter by serial; one we do
//    not know is rejected and kept in meter_event_rejects, the rest recorded.
//  * The prediction pass (run by the server every few seconds) first restores, in their open
//    outages, the homes whose meters said their power came back after it went out (an outage all
//    of whose homes are back is restored, by system:outages); then takes the unplaced signals of
//    the last kPredictionWindowHours, joins those whose point is dark in an open outage, predicts
//    the rest, and opens an outage per prediction, listing every service point under its device
//    as out; an open outage under a new, larger one is merged into it.
//
// Every outage change records who made it: a customer, staff, an API key or `system:outages`.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/account_number.h"
#include "core/result.h"
#include "core/time.h"
#include "outages/outage_rules.h"
#include "outages/prediction.h"
#include "store/database.h"

namespace rp::outages {

inline constexpr int kPredictionWindowHours = 12;
inline constexpr std::size_t kMostDetails = 1000;
// Reports an hour from one public caller (by address) and from one signed-in customer; an
// integration's key (a phone system) is not limited.
inline constexpr std::int64_t kPublicReportsPerHour = 10;
inline constexpr std::int64_t kCustomerReportsPerHour = 30;

enum class ReportKind { out, partial, flicker, wires_down };
std::optional<ReportKind> parse_report_kind(std::string_view text);
std::string_view report_kind_name(ReportKind kind);

// An outage as customers and staff see it.
struct Outage {
  std::int64_t id = 0;
  std::string number;  // "OUT000123"
  OutageStatus status = OutageStatus::reported;
  OutageCause cause = OutageCause::unknown;
  DeviceKind device_kind = DeviceKind::service_point;
  std::int64_t device_id = 0;
  std::string device_name;  // as staff know it ("T-97477-0012"; a home's first address line)
  bool planned = false;
  std::string began_at;
  std::string etr;     // "" none
  std::string etr_by;  // who set it: "system:history" (etr_history.h) or the staff member
  std::string crew;
  std::string public_note;
  std::int64_t customers_out = 0;
  std::int64_t customers_total = 0;
  std::string updated_at;
  std::string restored_at;
};

struct OutageReport {
  std::optional<AccountNumber> account;  // signed in: the premise must be one of its services
  std::int64_t premise_id = 0;
  // Or, signed out, the phone number on the account (any US form): its one home with electric
  // service now is the one reported for.
  std::string account_phone;
  ReportKind kind = ReportKind::out;
  std::string callback_phone;  // "" none: 10 digits, or +1 and 10 digits
  std::string details;         // 0-1,000 characters
};

struct ReportAnswer {
  std::int64_t signal_id = 0;
  bool duplicate = false;       // this premise had already reported this outage
  std::optional<Outage> known;  // the open outage the premise is in, if one is known
};

// Errors (nothing written): invalid_input naming premise (not served with electricity, or not
// one of the signed-in account's), callback_phone or details; not_found for the account;
// invalid_input "phone" coded outage-phone-not-matched (no account with that phone has electric
// service now) or outage-phone-several-homes (use the address);
// throttled past kPublicReportsPerHour ("public:" actors) or kCustomerReportsPerHour
// ("customer:" and "sms:" actors).
Result<ReportAnswer> report_outage(store::Database& database, const OutageReport& report,
                                   const std::string& actor);

struct ServedPremise {
  std::int64_t id = 0;
  std::string line1, line2, city, state, zip;
};

// The premises where the account has electric service now (or had it in the last 30 days).
// Errors: none for an unknown account (an empty list).
Result<std::vector<ServedPremise>> account_premises(store::Database& database,
                                                    const AccountNumber& account);

// The open outage premise `premise_id` is dark in, if any (what a customer is shown first).
Result<std::optional<Outage>> outage_at_premise(store::Database& database, std::int64_t premise_id);

enum class MeterEventKind { last_gasp, power_restored };

struct MeterEvent {
  std::string meter_serial;
  MeterEventKind kind = MeterEventKind::last_gasp;
  Instant occurred_at{};
};

struct MeterEventsRecorded {
  std::int64_t accepted = 0;
  std::int64_t rejected = 0;  // unknown meters, kept in meter_event_rejects
};

// Records a head-end's batch (at most 10,000) in one transaction. Errors: invalid_input "events"
// for an empty or too large batch.
Result<MeterEventsRecorded> record_meter_events(store::Database& database,
                                                const std::vector<MeterEvent>& events,
                                                const std::string& actor);

struct PredictionPass {
  std::int64_t signals = 0;   // unplaced signals looked at
  std::int64_t joined = 0;    // placed in an outage already open
  std::int64_t opened = 0;    // outages opened
  std::int64_t merged = 0;    // open outages merged into a larger one
  std::int64_t restored = 0;  // homes restored because their meters said the power is back
};

// One prediction pass (see above), in one transaction.
Result<PredictionPass> predict_pass(store::Database& database, const PredictionRules& rules = {});

// "OUT000123".
std::string outage_number(std::int64_t id);
// "OUT000123" (or "123") -> 123. Errors: not_found for anything else.
Result<std::int64_t> parse_outage_number(std::string_view text);

struct OutageMoveRecord {
  std::string
      action;  // open, confirm, assign_crew, ..., etr, restore, restore_part, merge, take_in
  std::string from_status;
  std::string to_status;
  std::string note;
  std::string etr;  // an etr move: the time set
  std::string actor;
  std::string at;
};

struct OutageDetail {
  Outage outage;
  std::vector<OutageMoveRecord> moves;  // oldest first
};

// Open outages (most customers out first), then those ended in the last `ended_hours` (newest
// first); at most `limit` of each.
Result<std::vector<Outage>> outages_for_staff(store::Database& database, std::size_t limit,
                                              int ended_hours = 24);

// Errors: not_found.
Result<OutageDetail> outage_detail(store::Database& database, std::int64_t id);

}  // namespace rp::outages
