#pragma once
// Service orders over HTTP (orders/orders.h): an account's orders (the customer asks for a meter
// re-read, an investigation or something else; staff for any kind), cancelling one, and the
// staff's moves and open-order list. Shapes in docs/openapi.yaml.
//
// Who moves what: a customer only cancels (while nobody is on the way); staff with orders.field
// report the field's moves (depart, arrive, complete, fail); orders.dispatch is needed for the
// dispatcher's (schedule, reschedule, dispatch, cancel, approve, reject).

#include "api/api.h"
#include "http/request.h"
#include "http/response.h"

#include <string>

#include "orders/orders.h"

namespace rp::api {

// The {order} path parameter: "SO000123", or with `database`, "ext:<external id>" (a
// work-management system's name for it). Errors: not_found.
Result<std::int64_t> order_param(const http::Request& request, store::Database* database = nullptr);

// {"order": {...}, "account": account_number (when given), "replayed": ...}.
std::string order_json(const orders::ServiceOrder& order, const std::string& account_number = "");

http::Response account_orders_handler(ApiContext& context, http::Request& request);
http::Response create_order_handler(ApiContext& context, http::Request& request);
http::Response account_order_handler(ApiContext& context, http::Request& request);
http::Response cancel_order_handler(ApiContext& context, http::Request& request);
http::Response move_order_handler(ApiContext& context, http::Request& request);
http::Response open_orders_handler(ApiContext& context, http::Request& request);
// One order for staff by its number or, for a work-management system, "ext:<its external id>".
http::Response staff_order_handler(ApiContext& context, http::Request& request);
// The outbound webhook endpoints (orders/webhooks.h): list, add (the secret answered once), remove.
http::Response webhooks_handler(ApiContext& context, http::Request& request);
http::Response add_webhook_handler(ApiContext& context, http::Request& request);
http::Response remove_webhook_handler(ApiContext& context, http::Request& request);

}  // namespace rp::api
