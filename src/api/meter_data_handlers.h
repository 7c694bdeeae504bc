#pragma once
// Meter data over HTTP: the JSON batch of interval reads (POST /api/v1/reads), a customer's meter
// reading (POST /api/v1/accounts/{number}/meter-reads) and the staff VEE exception queue
// (GET /api/v1/staff/vee-exceptions, POST .../{id}/accept | edit | estimate).

#include "api/api.h"
#include "http/request.h"
#include "http/response.h"

namespace rp::api {

http::Response ingest_reads_handler(ApiContext& context, http::Request& request);
http::Response customer_meter_read_handler(ApiContext& context, http::Request& request);
http::Response list_vee_exceptions_handler(ApiContext& context, http::Request& request);
http::Response accept_vee_exception_handler(ApiContext& context, http::Request& request);
http::Response edit_vee_exception_handler(ApiContext& context, http::Request& request);
http::Response estimate_vee_exception_handler(ApiContext& context, http::Request& request);
// POST /api/v1/staff/vee-exceptions/{id}/reread {"note"?}: a meter re-read order for a held
// register read (orders/rereads.h); 201 {"order", "account"}, or 200 with replayed when asked
// before.
http::Response reread_vee_exception_handler(ApiContext& context, http::Request& request);

}  // namespace rp::api
