#pragma once
// Replies staff keep for common questions, in English and Spanish (the customer's language picks
// which the console offers). Saving a title that exists in that language replaces its text.

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "store/database.h"

namespace rp::messaging {

struct CannedReply {
  std::int64_t id = 0;
  std::string title;     // 1-80 characters
  std::string language;  // en | es
  std::string body;      // 1-4,000 characters
  std::string changed_by;
  std::string changed_at;
};

// Every canned reply, by language then title.
Result<std::vector<CannedReply>> canned_replies(store::Database& database);

// Creates or replaces (same title and language) a canned reply. Errors: invalid_input naming
// title, language or body.
Result<std::vector<CannedReply>> save_canned_reply(store::Database& database,
                                                   const CannedReply& reply,
                                                   const std::string& actor);

// Errors: not_found.
Result<std::vector<CannedReply>> delete_canned_reply(store::Database& database, std::int64_t id);

}  // namespace rp::messaging
