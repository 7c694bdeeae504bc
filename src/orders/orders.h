#pragma once
// Service orders over the database (the rules are order_rules.h): creating one, once per
// Idempotency-Key, moving it along with who did it (each move kept with the order and recorded as
// the account event "order.<new status>" in the same transaction), and reading an account's
// orders and the open ones for the dispatcher.
//
// Orders are named to people by their number, "SO" and the id (SO000123).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "accounts/account.h"
#include "accounts/service_start.h"
#include "core/account_number.h"
#include "core/result.h"
#include "core/time.h"
#include "mdm/customer_reads.h"
#include "orders/order_rules.h"
#include "orders/photos.h"
#include "store/database.h"

namespace rp::orders {

inline constexpr std::size_t kLongestDetails = 2000;

struct OrderMove {
  std::string action;
  std::string from_status;
  std::string to_status;
  std::string note;
  std::string actor;
  std::string at;
};

// Where an order's work is, for the crew: the premise and the meters in place on its services.
struct SiteMeter {
  std::string commodity;
  std::string serial;  // "" a service with no meter
  std::string kind;    // ami | amr | manual
  std::string unit;
  bool automatic = false;                   // an interval (AMI) channel
  std::optional<std::string> last_reading;  // register meters: "10300.000"
  std::optional<std::string> last_read_at;
};
struct OrderSite {
  accounts::Address address;
  std::vector<SiteMeter> meters;
};

struct ServiceOrder {
  std::int64_t id = 0;
  std::string number;  // "SO000123"
  std::string account_number;
  std::string account_status;  // pending (an application not activated yet) | active | closed
  OrderKind kind = OrderKind::other;
  OrderStatus status = OrderStatus::received;
  bool needs_visit = true;
  std::string details;
  std::optional<Instant> window_start;
  std::optional<Instant> window_end;
  std::string crew;
  std::string failure_reason;
  std::string external_id;
  std::string requested_by;
  std::string requested_at;
  std::string commodity;                                // the service it is for; "" all of them
  std::string service_date;                             // start/stop: first or last day; "" none
  std::optional<accounts::Address> forwarding_address;  // stop: where the final bill goes
  std::string results;                                  // JSON: reads taken, what was done; "" none
  std::optional<std::int64_t> final_bill_id;            // stop: the final bill made on completion
  std::optional<std::int64_t> final_bill_number;        // its number, once released
  // The area the work is in (the dispatcher's board groups by it): the first five digits of the
  // order's premise's ZIP code and its city; "" when the account has no premise yet.
  std::string area_zip;
  std::string area_city;
  std::optional<OrderSite> site;  // read with the moves (one order), not in lists
  std::vector<OrderMove> moves;   // oldest first
  std::vector<Photo> photos;      // read with the moves, oldest first (photos.h)
  bool replayed = false;          // the answer to a request made before with the same key
};

// A service to start at a premise: its service point and the rate plan chosen (by code).
struct ChosenService {
  std::int64_t service_point_id = 0;
  std::string rate_plan_code;
};

struct NewOrder {
  OrderKind kind = OrderKind::other;
  bool needs_visit = true;
  std::string details;      // 0-2,000 characters
  std::string external_id;  // "" none
  std::string commodity;    // electric | water | gas | sewer; "" every service of the account
  // stop_service: the last day of service, required: from `service_date_past_days` (setting,
  // default 3) before the utility's today to 90 days after, on or after service started.
  std::string service_date;
  std::optional<accounts::Address> forwarding_address;  // stop_service: where the final bill goes
  std::optional<std::int64_t> premise_id;  // start, transfer: where service starts (applications.h)
  // transfer: the services started at premise_id the day after service_date (the last day here).
  std::vector<ChosenService> services;
};

// The longest a stop may be asked for ahead of its last day, and how far back its last day may be
// unless the utility's setting `service_date_past_days` says otherwise.
inline constexpr int kLongestNoticeDays = 90;
inline constexpr int kServiceDatePastDays = 3;

// "SO000123" -> 123. Errors: invalid_input ("order").
Result<std::int64_t> parse_order_number(const std::string& text);
std::string order_number(std::int64_t id);

// Creates the order (status received, "order.received"), or, for a key used before on the
// account, returns that order (replayed). Errors: not_found (account); invalid_input naming
// details, external_id, commodity (not a service of the account), service_date (missing,
// malformed, too far back or ahead, before service started), forwarding_address.<field>, or
// idempotency_key when the key was used for a different request; conflict when the external id
// names another order, or a stop is asked for an account with no service or one with a stop
// already open.
Result<ServiceOrder> create_order(store::Database& database, const AccountNumber& account,
                                  const NewOrder& order, const std::string& idempotency_key,
                                  const std::string& actor);

struct MoveRequest {
  OrderAction action = OrderAction::schedule;
  Actor actor_kind = Actor::staff;
  std::optional<Instant> window_start;  // schedule, reschedule: required, start before end
  std::optional<Instant> window_end;
  std::string crew;                // dispatch: required
  std::string note;                // fail: the reason, required; otherwise optional
  bool approval_required = false;  // the utility's setting, for results that change billing
  // complete: the readings taken (order_results.h), checked against each meter's history.
  std::vector<mdm::CustomerRead> reads;
  // complete, meter_exchange and meter_install: the meter put in (required).
  std::optional<accounts::NewMeter> new_meter;
  // With a new register meter: its dial as put in ("1204.5"; "" is 0, a new meter's), the reading
  // its first bill starts from (billing/bill_meter_usage.h).
  std::string new_meter_reading;
  // The same move sent again with this key (a field page resending a queued completion) returns
  // the order as it is (replayed) instead of moving it twice. "" none.
  std::string idempotency_key;
};

// Moves order `id` of `account` (a customer may reach only their own account's orders). A move
// that completes the order writes its results in the same transaction (order_results.h).
// Errors: not_found; conflict "order-move-not-allowed" (order_rules.h); invalid_input naming
// window, crew, note, reads (order_results.h) or idempotency_key (used for another move);
// the results' errors.
Result<ServiceOrder> move_order(store::Database& database, const AccountNumber& account,
                                std::int64_t id, const MoveRequest& request,
                                const std::string& actor);

// Completes the stops and transfers that need no visit (every meter AMI) once their last day is
// over in the utility's zone, as "system:orders" (a scheduled job, every minute); at most `limit`
// a pass. An order that cannot complete (a transfer whose new premise was taken meanwhile) stays
// for staff and the others go on. Errors: the database's.
struct DuePass {
  int completed = 0;
  int stuck = 0;
  std::string first_problem;  // the first stuck order and why
};
Result<DuePass> complete_due_orders(store::Database& database, std::size_t limit = 500);

// The order a work-management system knows by `external_id`. Errors: not_found.
Result<std::int64_t> order_by_external_id(store::Database& database,
                                          const std::string& external_id);

// The account order `id` belongs to (for staff routes that name only the order). Errors:
// not_found.
Result<AccountNumber> order_account(store::Database& database, std::int64_t id);

// Whether results that change billing wait for a supervisor (utility setting
// orders_need_approval, 0 or 1, default 0). Errors: a bad stored setting.
Result<bool> approval_required(store::Database& database);

// One order of the account, with its moves. Errors: not_found (also for another account's).
Result<ServiceOrder> account_order(store::Database& database, const AccountNumber& account,
                                   std::int64_t id);

// The account's orders, newest first. Errors: not_found.
Result<std::vector<ServiceOrder>> account_orders(store::Database& database,
                                                 const AccountNumber& account);

// Which open orders a list shows; "" is any.
struct OpenOrderFilter {
  std::string kind;  // "start_service"
  std::string crew;  // windows only: the crew dispatched
  std::string area;  // the five-digit ZIP code of the work (ServiceOrder::area_zip)
};

// Open orders (not completed or cancelled) whose window starts in [from, to), or, when
// `unscheduled`, those waiting for a window (none yet, or a visit that failed), oldest first, at
// most `limit`, narrowed by `filter`.
Result<std::vector<ServiceOrder>> open_orders(store::Database& database, Instant from, Instant to,
                                              bool unscheduled, std::size_t limit,
                                              const OpenOrderFilter& filter = {});

}  // namespace rp::orders
