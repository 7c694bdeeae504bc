#pragma once
// `ratepayer ingest FILE...`: meter reads from files into the database (mdm/ingest.h), one report
// per file. Exit code 0 when every file was ingested (rejected lines included: they are
// reported and stored), 1 when any file could not be (the others are still ingested).

#include <optional>
#include <string>
#include <vector>

#include "app/config.h"

namespace rp::app {

struct IngestCommandOptions {
  std::vector<std::string> files;
  std::optional<std::string> format;  // csv | greenbutton | json | register_csv; else guessed
  std::string meter;                  // Green Button: the meter of every reading
  bool json = false;                  // one JSON report per line instead of text
};

int ingest_command(const Config& config, const IngestCommandOptions& options);

}  // namespace rp::app
