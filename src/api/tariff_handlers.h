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
// (docs/tariffs.md); with ?effective=YYYY-MM-DD only that version, as a tariff file of its own.
// 404 for an unknown plan, one without a tariff, or no version effective that day; 422 for a
// date that does not read.
http::Response rate_plan_tariff_handler(ApiContext& context, http::Request& request);

// PUT /api/v1/staff/rate-plans/{code}/tariff with a tariff file as the body: checks it and stores
// it (tariffs.change); 200 with the plan as the list shows it. 422 naming what does not read or
// a unit the plan cannot bill; 409 for a change to days already billed; 404 for an unknown plan.
http::Response store_rate_plan_tariff_handler(ApiContext& context, http::Request& request);

// POST /api/v1/staff/rate-plans/{code}/tariff/preview?sample=25 with a tariff file as the body:
// its effect on a sample of the plan's latest bills (billing/tariff_preview.h), writing nothing.
// {"rate_plan", "version": {"label", "effective"}, "refused": null or {"field", "detail"} (why
// storing it would be refused), "sampled", "rated", "current_total", "proposed_total", "change",
// "change_basis_points" (null when current_total is zero), "bills": [{"account_number",
// "bill_number", "period_start", "period_end" (last day), "usage", "unit", "rated_from"
// (intervals | total), "billed", "current", "proposed", "change" (null with a problem),
// "problem"}]}. 422 naming "sample" (1-100) or what in the tariff does not read; 404 for an
// unknown plan.
http::Response preview_rate_plan_tariff_handler(ApiContext& context, http::Request& request);

}  // namespace rp::api
