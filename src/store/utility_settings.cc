#include "store/utility_settings.h"

#include <nlohmann/json.hpp>

#include <charconv>

#include "core/assert.h"
#include "store/setting_rules.h"

namespace rp::store {

Result<std::optional<std::string>> utility_setting(Session& session, const std::string& key) {
  auto rows = session.query_named("store/utility_setting", {key});
  RP_TRY(rows);
  if (rows->empty()) return std::optional<std::string>{};
  return std::optional<std::string>{rows->at(0).text("value")};
}

Result<UtilityZone> utility_zone(Session& session) {
  auto name = utility_setting(session, "time_zone");
  RP_TRY(name);
  return UtilityZone::find(name->value_or(std::string(kDefaultTimeZone)));
}

Result<std::string> utility_name(Session& session) {
  auto name = utility_setting(session, "name");
  RP_TRY(name);
  return name->value_or(std::string(kDefaultUtilityName));
}

Result<std::optional<std::int64_t>> whole_number_setting(Session& session, std::string_view key) {
  const SettingRule* rule = find_setting_rule(key);
  RP_ASSERT(rule != nullptr && rule->kind == SettingKind::whole_number,
            "a whole-number setting has its rule in setting_rules.cc");
  auto text = utility_setting(session, std::string(key));
  RP_TRY(text);
  if (!*text) return std::optional<std::int64_t>{};
  RP_TRY(check_setting_value(*rule, key, **text));
  std::int64_t number = 0;
  std::from_chars((*text)->data(), (*text)->data() + (*text)->size(), number);
  return std::optional<std::int64_t>{number};
}

Result<std::vector<std::pair<std::string, std::string>>> all_utility_settings(Session& session) {
  auto rows = session.query_named("store/all_utility_settings");
  RP_TRY(rows);
  std::vector<std::pair<std::string, std::string>> settings;
  for (const Row& row : *rows) settings.emplace_back(row.text("key"), row.text("value"));
  return settings;
}

Result<void> change_utility_setting(Session& session, std::string_view key, std::string_view value,
                                    const std::string& actor) {
  const std::string name(key);
  const SettingRule* rule = find_setting_rule(key);
  if (rule == nullptr) {
    return invalid_input(
        name, "no setting is named " + name + "; `ratepayer settings` lists every setting");
  }
  RP_TRY(check_setting_value(*rule, key, value));
  auto before = utility_setting(session, name);
  RP_TRY(before);
  if (*before && **before == value) return success();
  if (rule->kind == SettingKind::time_zone) {
    auto bills = session.query_named("store/any_bill");
    RP_TRY(bills);
    if (!bills->empty()) {
      Error refused = conflict(
          "the time zone cannot change once bills exist: their periods and due dates were "
          "computed in " +
          before->value_or(std::string(kDefaultTimeZone)) +
          ", and every local day after would disagree with them");
      refused.field = name;
      return refused;
    }
  }
  RP_TRY(session.execute_named("store/upsert_utility_setting", {name, std::string(value)}));
  const nlohmann::json details = {
      {"key", name},
      {"from", before->has_value() ? nlohmann::json(**before) : nlohmann::json(nullptr)},
      {"to", std::string(value)}};
  RP_TRY(session.execute_named(
      "store/insert_setting_event",
      {format_instant(now()), actor, "Setting " + name + " changed", details.dump()}));
  return success();
}

}  // namespace rp::store
