#pragma once
// Applications for service: a new customer starts service at a premise the utility serves.
//
//  * find_premises: the premise list is the truth; an address with no service point is one the
//    utility does not serve, said plainly by the caller (no match).
//  * apply_for_service: one transaction writes the person (with the identity the utility asks
//    for: a birth date, the last four digits of an ID number, never a full SSN), a *pending*
//    account, and a start_service order (received) naming the premise, the start day and, per
//    service point, the rate plan chosen among the residential plans of its commodity. Once per
//    Idempotency-Key. Nothing starts yet: the back office sees the application.
//  * activate_application: staff activate it in one transaction: the account becomes active on
//    its bill cycle, each chosen service point gets its agreement from the start day (refused
//    while another account is still in service there), and the order needs a visit when a meter
//    must be read by hand (or there is none); with only AMI meters it completes at once (the
//    start read comes from the meter's data).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "accounts/account.h"
#include "core/account_number.h"
#include "core/result.h"
#include "orders/orders.h"
#include "store/database.h"

namespace rp::orders {

struct RatePlanChoice {
  std::string code;
  std::string name;
};

struct PremiseService {
  std::string commodity;
  std::int64_t service_point_id = 0;
  std::vector<RatePlanChoice> plans;  // residential plans of the commodity with a tariff
};

struct PremiseMatch {
  std::int64_t id = 0;
  accounts::Address address;
  std::vector<PremiseService> services;  // by commodity
};

// Premises whose first line starts with `line1` (case ignored; at least 3 characters), in `zip`
// when given; at most 10. Errors: invalid_input "address" (too short), "zip" (not 5 digits).
Result<std::vector<PremiseMatch>> find_premises(store::Database& database, const std::string& line1,
                                                const std::string& zip);

struct Application {
  std::int64_t premise_id = 0;
  std::string start_date;               // from service_date_past_days back to 90 days ahead
  std::vector<ChosenService> services;  // at least one, each a point of the premise
  accounts::Person customer;
  std::string birth_date;  // required when the setting start_requires_birth_date is 1
  std::string id_last4;    // 4 digits; required when start_requires_id_last4 is 1
  std::optional<accounts::Address> mailing_address;  // none: the premise's address
  std::string language = "en";
  bool paperless = false;
};

struct Applied {
  AccountNumber account = AccountNumber::from_sequence(0);
  ServiceOrder order;
};

// Applications a public caller may make an hour (then throttled).
inline constexpr std::int64_t kApplicationsPerHour = 5;

// Errors (nothing written): invalid_input naming the field (premise, start_date, services,
// services[i].rate_plan, customer.name, customer.email, customer.phone, birth_date, id_last4,
// mailing_address.<field>, language, idempotency_key reused for another application); conflict
// "premise-served" when a chosen service is in another customer's name on the start day;
// throttled when `actor` made kApplicationsPerHour in the last hour.
Result<Applied> apply_for_service(store::Database& database, const Application& application,
                                  const std::string& idempotency_key, const std::string& actor);

struct Activation {
  int bill_cycle = 0;  // 1..20; 0: keep the cycle given at application (the premise's last)
};

// Errors (nothing written): not_found (no such order); conflict when the order is not a
// received application of a pending account, or "premise-served"; invalid_input "bill_cycle".
Result<ServiceOrder> activate_application(store::Database& database, std::int64_t order_id,
                                          const Activation& activation, const std::string& actor);

}  // namespace rp::orders
