#pragma once
// Internal to store/: a Session over one SOCI connection. Only soci_session.cc includes SOCI.

#include <memory>
#include <string>

#include "core/result.h"
#include "store/session.h"

namespace rp::store {

// Opens one connection. `connect_string` is SOCI's: "db=<path> timeout=5" for sqlite3, a libpq
// conninfo or URI for postgresql. Errors: unavailable, with the engine's message.
Result<std::unique_ptr<Session>> open_soci_session(Engine engine,
                                                   const std::string& connect_string);

}  // namespace rp::store
