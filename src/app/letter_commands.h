#pragma once
// `ratepayer letters export [--out FILE]`: every letter not yet exported (notify/letters.h), as
// one CSV file for the utility's print-and-mail vendor. The letters are marked exported (and
// their text, which may hold a one-time code, cleared) only after the file is written.

#include <optional>
#include <string>

#include "app/config.h"

namespace rp::app {

// Exit 0 on success (also with no letters: says so and writes no file), 1 with the error named.
int letters_export_command(const Config& config, const std::optional<std::string>& out);

}  // namespace rp::app
