#pragma once
// Helpers for reading and writing API bodies with nlohmann::json. Money travels as a string of
// decimal dollars plus a currency (docs/design.md, "HTTP API conventions") because JSON numbers are
// binary floating point in most clients. Every error is invalid_input naming the body field.

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/money.h"
#include "core/result.h"

namespace rp {

using json = nlohmann::json;

// {"amount":"123.45","currency":"USD"}.
json money_json(Money amount);

// body[field] as a string. Errors when `body` is not an object, the field is missing or null, or
// it is not a JSON string.
Result<std::string> required_string(const json& body, const char* field);

// body[field] as a string, or nullopt when the field is absent or null. Errors when `body` is not
// an object or the field holds something other than a string.
Result<std::optional<std::string>> optional_string(const json& body, const char* field);

// body[field] as Money. The value must be a JSON string accepted by Money::parse ("12.34");
// a JSON number is rejected with a message asking for a string. Errors name `field`.
Result<Money> required_money(const json& body, const char* field);

// Like required_money, but absent or null gives nullopt.
Result<std::optional<Money>> optional_money(const json& body, const char* field);

}  // namespace rp
