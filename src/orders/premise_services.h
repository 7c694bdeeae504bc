#pragma once
// A premise's service points and the services a customer chooses there (a rate plan per point,
// among the residential plans of its commodity), for applications and transfers. Internal to the
// orders service.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "accounts/account.h"
#include "orders/orders.h"
#include "store/session.h"

namespace rp::orders {

struct PremisePoint {
  std::int64_t id = 0;
  std::string commodity;
  std::string meter_kind;  // "" none
};

struct Premise {
  accounts::Address address;
  std::vector<PremisePoint> points;
};

// Errors: invalid_input "premise" when it does not exist or has no service point (not served).
Result<Premise> read_premise(store::Session& session, std::int64_t premise_id);

// The chosen services as (service point, rate plan id). Errors: invalid_input "services" (none,
// more than 4), "services[i].service_point" (not at the premise), "services[i]" (twice),
// "services[i].rate_plan" (not a residential plan of the point's commodity).
Result<std::vector<std::pair<std::int64_t, std::int64_t>>> chosen_services(
    store::Session& session, const Premise& premise, const std::vector<ChosenService>& services);

// Errors: conflict "premise-served" when a chosen point is in service on or after `start_date`.
Result<void> require_free_from(store::Session& session, const Premise& premise,
                               const std::vector<std::pair<std::int64_t, std::int64_t>>& chosen,
                               const std::string& start_date);

}  // namespace rp::orders
