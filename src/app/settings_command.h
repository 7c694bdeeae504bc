#pragma once
// `ratepayer settings [--db URL]` lists every utility setting (store/setting_rules.h): its value,
// or that it is not set, and what it means. `ratepayer settings set KEY VALUE` checks and writes
// one, recorded as a "utility.setting_changed" event by "cli:<the operating-system user>" (who
// the machine says is running the command, never a name typed on the command line).

#include <optional>
#include <string>

#include "app/config.h"

namespace rp::app {

// Exit 0 on success, 1 with the error named (nothing written).
int settings_list_command(const Config& config);
int settings_set_command(const Config& config, const std::string& key, const std::string& value);

}  // namespace rp::app
