#include "core/json.h"

namespace rp {
namespace {

// The JSON type of `value` in the words a client developer uses.
std::string type_name(const json& value) {
  return value.type_name();
}

// body[field], or nullptr when absent or null; an error when `body` is not an object.
Result<const json*> find_field(const json& body, const char* field) {
  if (!body.is_object()) {
    return invalid_input(field, "the request body must be a JSON object with a \"" +
                                    std::string(field) + "\" field");
  }
  const auto it = body.find(field);
  if (it == body.end() || it->is_null()) return static_cast<const json*>(nullptr);
  return &*it;
}

Result<Money> to_money(const json& value, const char* field) {
  if (!value.is_string()) {
    return invalid_input(field, std::string(field) +
                                    " must be a string of decimal dollars like "
                                    "\"12.34\", not a JSON " +
                                    type_name(value) +
                                    "; send amounts as strings so no cents are lost");
  }
  return Money::parse(value.get_ref<const std::string&>(), field);
}

}  // namespace

json money_json(Money amount) {
  return json{{"amount", amount.to_string()}, {"currency", "USD"}};
}

Result<std::optional<std::string>> optional_string(const json& body, const char* field) {
  Result<const json*> value = find_field(body, field);
  if (!value.ok()) return value.error();
  if (*value == nullptr) return std::optional<std::string>();
  if (!(*value)->is_string()) {
    return invalid_input(
        field, std::string(field) + " must be a string, not a JSON " + type_name(**value));
  }
  return std::optional<std::string>((*value)->get<std::string>());
}

Result<std::string> required_string(const json& body, const char* field) {
  Result<std::optional<std::string>> value = optional_string(body, field);
  if (!value.ok()) return value.error();
  if (!value->has_value()) return invalid_input(field, std::string(field) + " is required");
  return std::move(**value);
}

Result<std::optional<Money>> optional_money(const json& body, const char* field) {
  Result<const json*> value = find_field(body, field);
  if (!value.ok()) return value.error();
  if (*value == nullptr) return std::optional<Money>();
  Result<Money> money = to_money(**value, field);
  if (!money.ok()) return money.error();
  return std::optional<Money>(*money);
}

Result<Money> required_money(const json& body, const char* field) {
  Result<std::optional<Money>> value = optional_money(body, field);
  if (!value.ok()) return value.error();
  if (!value->has_value()) return invalid_input(field, std::string(field) + " is required");
  return **value;
}

}  // namespace rp
