#pragma once
// Request guards shared by handlers.

#include <optional>
#include <string_view>

#include "core/account_number.h"
#include "http/request.h"
#include "http/response.h"

namespace rp::api {

// Returns a 401/503 problem unless the request carries `Authorization: Bearer <staff_token>`.
// The comparison takes the same time wherever the tokens differ.
std::optional<http::Response> require_staff(const http::Request& request,
                                            std::string_view staff_token);

// Parses the {number} path parameter; a malformed number is a 404 (indistinguishable from an
// account the caller may not see) whose detail says the number looks mistyped.
Result<AccountNumber> account_number_param(const http::Request& request);

}  // namespace rp::api
