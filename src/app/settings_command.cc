#include "app/settings_command.h"

#include <pwd.h>
#include <unistd.h>

#include <iostream>
#include <map>

#include "app/open_database.h"
#include "store/setting_rules.h"
#include "store/utility_settings.h"

namespace rp::app {
namespace {

// "cli:maria": the operating-system account running the command.
std::string cli_actor() {
  const passwd* user = getpwuid(geteuid());
  return std::string("cli:") + (user != nullptr ? user->pw_name : std::to_string(geteuid()));
}

}  // namespace

int settings_list_command(const Config& config) {
  configure_logging(config);
  auto database = open_migrated_database(config);
  if (!database.ok()) return command_failed(database.error());
  auto stored = (*database)->read<std::vector<std::pair<std::string, std::string>>>(
      [](store::Session& session) { return store::all_utility_settings(session); });
  if (!stored.ok()) return command_failed(stored.error());
  std::map<std::string, std::string> values(stored->begin(), stored->end());
  for (const store::SettingRule& rule : store::setting_rules()) {
    const std::string key(rule.key);
    std::cout << "# " << rule.meaning << "\n";
    if (key.ends_with('.')) {
      bool any = false;
      for (const auto& [stored_key, value] : values) {
        if (stored_key.starts_with(key)) {
          std::cout << stored_key << " = " << value << "\n";
          any = true;
        }
      }
      if (!any) std::cout << key << "<...>  (not set: the defaults)\n";
      continue;
    }
    auto found = values.find(key);
    if (found == values.end()) {
      std::cout << key << "  (not set"
                << (rule.when_unset.empty() ? std::string()
                                            : ": " + std::string(rule.when_unset) + " applies")
                << ")\n";
    } else {
      std::string shown = found->second;
      for (std::size_t at = 0; (at = shown.find('\n', at)) != std::string::npos; at += 2) {
        shown.replace(at, 1, "\\n");
      }
      std::cout << key << " = " << shown << "\n";
    }
  }
  return 0;
}

int settings_set_command(const Config& config, const std::string& key, const std::string& value) {
  configure_logging(config);
  auto database = open_migrated_database(config);
  if (!database.ok()) return command_failed(database.error());
  const std::string actor = cli_actor();
  auto changed = (*database)->write_work([&](store::Session& session) {
    return store::change_utility_setting(session, key, value, actor);
  });
  if (!changed.ok()) return command_failed(changed.error());
  std::cerr << key << " set\n";
  return 0;
}

}  // namespace rp::app
