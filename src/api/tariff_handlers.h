#pragma once
// Rate plans and their tariffs over HTTP (billing/rate_plan_tariffs.h): the plans with each
// tariff's versions, a tariff as its file, and storing a new one.

#include "api/api.h"
#include "http/request.h"
#include "http/response.h"

namespace rp::api {

// GET /api/v1/staff/rate-plans: {"rate_plans": [{"code", "name", "commodity", "customer_class",
// "billed_through" (the last day billed, or null), "tariff": null or {"name", "unit",
// "versions": [{"effective", "label"}]}}]}.
http::Response rate_plans_handler(ApiContext& context, http::Request& request);

// GET /api/v1/staff/rate-plans/{code}/tariff: the stored tariff as a file in the tariff format
// (docs/tariffs.md); 404 for an unknown plan or one without a tariff.
http::Response rate_plan_tariff_handler(ApiContext& context, http::Request& request);

// PUT /api/v1/staff/rate-plans/{code}/tariff with a tariff file as the body: checks it and stores
// it (tariffs.change); 200 with the plan as the list shows it. 422 naming what does not read or
// a unit the plan cannot bill; 409 for a change to days already billed; 404 for an unknown plan.
http::Response store_rate_plan_tariff_handler(ApiContext& context, http::Request& request);

}  // namespace rp::api
