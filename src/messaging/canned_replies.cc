#include "messaging/canned_replies.h"

#include "core/time.h"
#include "messaging/thread_store.h"

namespace rp::messaging {
namespace {

using store::Row;
using store::Session;

Result<std::vector<CannedReply>> all_in(Session& session) {
  auto rows = session.query_named("messaging/canned_replies");
  RP_TRY(rows);
  std::vector<CannedReply> replies;
  for (const Row& row : *rows) {
    replies.push_back({row.integer("id"), row.text("title"), row.text("language"), row.text("body"),
                       row.text("changed_by"), row.text("changed_at")});
  }
  return replies;
}

}  // namespace

Result<std::vector<CannedReply>> canned_replies(store::Database& database) {
  return database.read<std::vector<CannedReply>>(all_in);
}

Result<std::vector<CannedReply>> save_canned_reply(store::Database& database,
                                                   const CannedReply& reply,
                                                   const std::string& actor) {
  if (reply.title.empty() || detail::characters(reply.title) > 80 ||
      reply.title.find_first_of("\r\n") != std::string::npos) {
    return invalid_input("title", "a canned reply's title is one line of 1 to 80 characters");
  }
  if (reply.language != "en" && reply.language != "es") {
    return invalid_input("language", "a canned reply is in English (en) or Spanish (es)");
  }
  if (reply.body.find_first_not_of(" \t\r\n") == std::string::npos ||
      detail::characters(reply.body) > 4000) {
    return invalid_input("body", "a canned reply's text is 1 to 4,000 characters");
  }
  return database.write<std::vector<CannedReply>>(
      [&](Session& session) -> Result<std::vector<CannedReply>> {
        RP_TRY(session.execute_named(
            "messaging/insert_canned_reply",
            {reply.title, reply.language, reply.body, actor, format_instant(now())}));
        return all_in(session);
      });
}

Result<std::vector<CannedReply>> delete_canned_reply(store::Database& database, std::int64_t id) {
  return database.write<std::vector<CannedReply>>(
      [&](Session& session) -> Result<std::vector<CannedReply>> {
        auto deleted = session.execute_named("messaging/delete_canned_reply", {id});
        RP_TRY(deleted);
        if (*deleted == 0) return not_found("no canned reply " + std::to_string(id));
        return all_in(session);
      });
}

}  // namespace rp::messaging
