#pragma once
// Starting service over HTTP (orders/applications.h): finding a premise by address and applying
// for service, open to anyone (a new customer has no sign-in yet; a public caller is throttled),
// and activating an application (staff, accounts.open). Shapes in docs/openapi.yaml.

#include "api/api.h"
#include "http/request.h"
#include "http/response.h"

namespace rp::api {

http::Response find_premises_handler(ApiContext& context, http::Request& request);
http::Response apply_for_service_handler(ApiContext& context, http::Request& request);
http::Response activate_application_handler(ApiContext& context, http::Request& request);

}  // namespace rp::api
