#pragma once
// JSON renderings of account values, as documented in docs/openapi.yaml, written straight to text
// (these are the hottest responses). Money is a string of decimal dollars with its currency:
// {"amount":"123.45","currency":"USD"}.

#include <string>

#include "accounts/account.h"
#include "accounts/account_service.h"
#include "billing/amount_owed.h"
#include "core/json_writer.h"
#include "core/money.h"

namespace rp::api {

// {"amount":"123.45","currency":"USD"}
void write_money(JsonWriter& out, Money amount);

// "owed": what the account owes now, by when and why (billing/amount_owed.h), read in the same
// request; the portal and the staff console show only these figures for "what do I owe".
void write_owed(JsonWriter& out, const billing::AmountOwed& owed);

std::string summary_json(const accounts::AccountSummary& summary, const billing::AmountOwed& owed);
std::string detail_json(const accounts::AccountDetail& detail, const billing::AmountOwed& owed);
std::string search_page_json(const accounts::AccountSearchPage& page);

}  // namespace rp::api
