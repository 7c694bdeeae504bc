#pragma once
// Field crews over HTTP (orders/crews.h): the crews with their bookings on a day, for the
// dispatcher's board (accounts.read), and listing or changing a crew's visits a day
// (orders.dispatch). Shapes in docs/openapi.yaml.

#include "api/api.h"
#include "http/request.h"
#include "http/response.h"

namespace rp::api {

// GET ?day=YYYY-MM-DD (the utility's today when absent): {"day", "crews": [{"name",
// "orders_per_day" (null: no limit), "active", "booked"}]}.
http::Response crews_handler(ApiContext& context, http::Request& request);
// POST {"name", "orders_per_day", "active" (true when absent)}: the crew as saved.
http::Response save_crew_handler(ApiContext& context, http::Request& request);

}  // namespace rp::api
