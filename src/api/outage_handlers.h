#pragma once
// Outages over HTTP (outages/outages.h, outages/outage_moves.h): the staff's list and one
// outage with its moves (accounts.read); their moves, restoration time and restoring
// (outages.manage); and the head-end's meter events (meter_data.ingest). Shapes in
// docs/openapi.yaml.

#include "api/api.h"
#include "http/request.h"
#include "http/response.h"

namespace rp::outages {
struct Outage;
}  // namespace rp::outages

namespace rp::api {

http::Response staff_outages_handler(ApiContext& context, http::Request& request);
http::Response staff_outage_handler(ApiContext& context, http::Request& request);
http::Response move_outage_handler(ApiContext& context, http::Request& request);
http::Response outage_etr_handler(ApiContext& context, http::Request& request);
http::Response meter_events_handler(ApiContext& context, http::Request& request);

// Customers: reporting (by address, open to anyone and throttled; or for an account's own
// premise, signed in or by an integration with outages.report) and the status they read.
http::Response public_outage_report_handler(ApiContext& context, http::Request& request);
http::Response account_outage_report_handler(ApiContext& context, http::Request& request);
http::Response outage_status_handler(ApiContext& context, http::Request& request);
http::Response account_outages_handler(ApiContext& context, http::Request& request);
// The map of affected areas (outages/outage_map.h): open to anyone, from the status snapshot.
http::Response outage_map_handler(ApiContext& context, http::Request& request);

// The outage console's reading (outages/outage_views.h, accounts.read): the storm summary, the
// signals by device, and an account's outage history.
http::Response outage_summary_handler(ApiContext& context, http::Request& request);
http::Response outage_signals_handler(ApiContext& context, http::Request& request);
http::Response account_outage_history_handler(ApiContext& context, http::Request& request);
// Opening an outage by hand (outages/staff_outages.h, outages.manage): planned work, a main break.
http::Response open_outage_handler(ApiContext& context, http::Request& request);
// {"outage": <the staff's view of it>}, as the outage routes answer.
std::string staff_outage_json(const outages::Outage& outage);

// Addresses an account follows for outage alerts (outages/announcements.h).
http::Response followed_addresses_handler(ApiContext& context, http::Request& request);
http::Response follow_address_handler(ApiContext& context, http::Request& request);
http::Response unfollow_address_handler(ApiContext& context, http::Request& request);

}  // namespace rp::api
