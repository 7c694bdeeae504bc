#pragma once
// Starting service for an account at a premise: the premise (found by address or created), the
// service point for the commodity, the meter installation, the rate plan assignment and the service
// agreement, with a "service.started" event, all in one transaction.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/account.h"
#include "core/account_number.h"
#include "core/result.h"
#include "store/database.h"

namespace rp::accounts {

struct NewMeterChannel {
  std::string name;                     // "kWh"
  std::string unit;                     // kWh | kW | gal | CCF | therm
  std::optional<int> interval_minutes;  // 5/15/30/60, or none for a register
};

struct NewMeter {
  std::string serial;
  std::string kind;  // ami | amr | manual
  std::vector<NewMeterChannel> channels;
};

// A meter as given: a serial (1-40 characters), a kind, and each channel with a name, a unit and
// an interval (none for a register). Errors: invalid_input naming `<field>.serial`,
// `<field>.kind` or `<field>.channels` (`field`: "meter" when starting service, "new_meter" when
// a technician puts one in).
Result<void> validate_meter(const NewMeter& meter, std::string_view field = "meter");

struct NewService {
  Address service_address;
  std::string commodity;  // electric | water | gas | sewer
  std::string rate_plan_code;
  std::string start_date;  // local date
  std::optional<NewMeter> meter;
};

// Defines (or renames) a rate plan. Errors: invalid_input for an empty code or unknown commodity.
Result<void> define_rate_plan(store::Database& database, const RatePlanRef& plan,
                              const std::string& commodity);

// Errors: invalid_input naming the field; not_found for an unknown account or rate plan;
// conflict for a meter serial already in use or a closed account.
Result<std::int64_t> start_service(store::Database& database, const AccountNumber& account,
                                   const NewService& service, const std::string& actor);

// Installs `meter` (with its channels) on service point `service_point_id` from `installed_on`,
// inside the caller's transaction. Errors: invalid_input naming meter.serial, meter.kind or
// meter.channels; conflict "meter.serial" when the serial is already installed.
Result<void> install_meter(store::Session& session, const NewMeter& meter,
                           std::int64_t service_point_id, const std::string& installed_on);

// Starts an agreement for account `account_id` on an existing service point (a move-in where the
// utility already serves), from `start_date`, inside the caller's transaction, with a
// "service.started" event; returns the agreement's id. Errors: invalid_input "start_date"
// (malformed); conflict when the service point is still in service on or after the start date
// (another account's agreement, or this one's): that one's move-out must come first.
Result<std::int64_t> start_at_service_point(store::Session& session, std::int64_t account_id,
                                            std::int64_t service_point_id,
                                            std::int64_t rate_plan_id,
                                            const std::string& start_date,
                                            const std::string& actor);

}  // namespace rp::accounts
