#include "app/letter_commands.h"

#include <fstream>
#include <iostream>

#include "app/commands.h"
#include "app/open_database.h"
#include "notify/letters.h"

namespace rp::app {

int letters_export_command(const Config& config, const std::optional<std::string>& out) {
  configure_logging(config);
  auto database = open_migrated_database(config);
  if (!database.ok()) return command_failed(database.error());
  auto letters = notify::letters_to_print(**database);
  if (!letters.ok()) return command_failed(letters.error());
  if (letters->empty()) {
    std::cerr << "no letters to print; no file written\n";
    return 0;
  }
  const std::string csv = notify::letters_csv(*letters);
  if (out) {
    std::ofstream file(*out, std::ios::binary | std::ios::trunc);
    file << csv;
    if (!file.flush()) {
      return command_failed(
          invalid_input("out", "cannot write " + *out + "; no letter was marked exported"));
    }
  } else {
    std::cout << csv << std::flush;
    if (!std::cout)
      return command_failed(invalid_input("out", "cannot write the letters to standard output"));
  }
  std::vector<std::int64_t> ids;
  for (const notify::Letter& letter : *letters) ids.push_back(letter.id);
  if (auto marked = notify::mark_letters_exported(**database, ids); !marked.ok()) {
    return command_failed(marked.error());
  }
  std::cerr << letters->size() << (letters->size() == 1 ? " letter" : " letters")
            << " exported for printing\n";
  return 0;
}

}  // namespace rp::app
