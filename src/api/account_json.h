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
// {"line1", "line2", "city", "state", "zip"}.
void write_address(JsonWriter& out, const accounts::Address& address);

// "owed": what the account owes now, by when and why (billing/amount_owed.h), read in the same
// request; the portal and the staff console show only these figures for "what do I owe".
void write_owed(JsonWriter& out, const billing::AmountOwed& owed);

std::string summary_json(const accounts::AccountSummary& summary, const billing::AmountOwed& owed);
// What staff see of an account beyond what the customer sees.
struct StaffAccountFacts {
  std::int64_t portal_logins = 0;  // customer logins that hold the account
  std::optional<std::string> late_fee_exemption;
  std::int64_t held_bills = 0;  // drafts waiting for staff, not yet sent
};

// With `staff`, a "staff_facts" object: {"portal_logins", "late_fee_exemption", "held_bills"}.
std::string detail_json(const accounts::AccountDetail& detail, const billing::AmountOwed& owed,
                        const StaffAccountFacts* staff = nullptr);
std::string search_page_json(const accounts::AccountSearchPage& page);

}  // namespace rp::api
