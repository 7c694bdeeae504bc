#pragma once
// JSON renderings of account values, as documented in docs/openapi.yaml. Money is a string of
// decimal dollars with its currency: {"amount":"123.45","currency":"USD"}.

#include <nlohmann/json.hpp>

#include "accounts/account.h"
#include "accounts/account_service.h"

namespace rp::api {

nlohmann::json address_json(const accounts::Address& address);
nlohmann::json summary_json(const accounts::AccountSummary& summary);
nlohmann::json detail_json(const accounts::AccountDetail& detail);
nlohmann::json search_page_json(const accounts::AccountSearchPage& page);

}  // namespace rp::api
