#pragma once
// JSON renderings of account values, as documented in docs/openapi.yaml, written straight to text
// (these are the hottest responses). Money is a string of decimal dollars with its currency:
// {"amount":"123.45","currency":"USD"}.

#include <string>

#include "accounts/account.h"
#include "accounts/account_service.h"
#include "core/json_writer.h"
#include "core/money.h"

namespace rp::api {

// {"amount":"123.45","currency":"USD"}
void write_money(JsonWriter& out, Money amount);

std::string summary_json(const accounts::AccountSummary& summary);
std::string detail_json(const accounts::AccountDetail& detail);
std::string search_page_json(const accounts::AccountSearchPage& page);

}  // namespace rp::api
