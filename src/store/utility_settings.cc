#include "store/utility_settings.h"

#include <charconv>

namespace rp::store {

Result<std::optional<std::string>> utility_setting(Session& session, const std::string& key) {
  auto rows = session.query_named("store/utility_setting", {key});
  RP_TRY(rows);
  if (rows->empty()) return std::optional<std::string>{};
  return std::optional<std::string>{rows->at(0).text(0)};
}

Result<UtilityZone> utility_zone(Session& session) {
  auto name = utility_setting(session, "time_zone");
  RP_TRY(name);
  return UtilityZone::find(name->value_or("America/Los_Angeles"));
}

Result<std::optional<std::int64_t>> whole_number_setting(Session& session, const std::string& key,
                                                         std::int64_t minimum,
                                                         std::int64_t maximum) {
  auto text = utility_setting(session, key);
  RP_TRY(text);
  if (!*text) return std::optional<std::int64_t>{};
  const std::string& value = **text;
  std::int64_t number = 0;
  auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
  if (error != std::errc() || end != value.data() + value.size() || number < minimum ||
      number > maximum) {
    return invalid_input(key, "setting " + key + ": '" + value + "' is not a whole number from " +
                                  std::to_string(minimum) + " to " + std::to_string(maximum));
  }
  return std::optional<std::int64_t>{number};
}

}  // namespace rp::store
