#pragma once
// Test support: what the newest email in the outbox to an address carries, read before the
// dispatcher sends it (sending clears the body).

#include <string>

#include "store/database.h"
#include "store/testing/test_database.h"

namespace rp::notify::testing {

// The text after `marker` up to the end of its line in the newest email to `to` (the token of
// an emailed link: "?token=", "/not-me?token="); empty when there is none.
inline std::string emailed_token(store::Database& database, const std::string& to,
                                 const std::string& marker = "?token=") {
  auto rows = store::testing::query(database, "SELECT body FROM email_outbox WHERE to_address = '" +
                                                  to + "' ORDER BY id DESC LIMIT 1");
  if (rows.empty()) return "";
  const std::string body = rows[0].text(0);
  const auto at = body.find(marker);
  if (at == std::string::npos) return "";
  return body.substr(at + marker.size(), body.find('\n', at) - at - marker.size());
}

}  // namespace rp::notify::testing
