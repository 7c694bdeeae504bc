#include "accounts/account_events.h"

#include "audit/audit_trail.h"
#include "core/json_writer.h"
#include "core/time.h"

namespace rp::accounts {
namespace {

// The audit record of `event`: the same who and what, aimed at the account by its number.
Result<void> audit_event(store::Session& session, const NewAccountEvent& event) {
  std::string target = "utility";
  if (event.account_id != 0) {
    auto rows = session.query_named("accounts/number_of_account", {event.account_id});
    RP_TRY(rows);
    if (rows->empty()) return not_found("no account has id " + std::to_string(event.account_id));
    target = "account:" + rows->at(0).text("number");
  }
  JsonWriter details;
  details.begin_object().key("summary").string(event.summary);
  details.key("event").json(event.details_json).end_object();
  audit::AuditEntry entry;
  entry.actor = event.actor;
  entry.action = event.kind;
  entry.target = std::move(target);
  entry.details_json = details.take();
  RP_TRY(audit::append_audit(session, entry));
  return {};
}

}  // namespace

Result<std::int64_t> record_event(store::Session& session, const NewAccountEvent& given) {
  if (given.kind.empty()) return invalid_input("kind", "an account event needs a kind");
  // No details are the empty object: an event's details are always JSON (the history answers
  // them as they are, and "" there made the whole page invalid).
  NewAccountEvent event = given;
  if (event.details_json.empty()) event.details_json = "{}";
  store::Value account =
      event.account_id ? store::Value{event.account_id} : store::Value{store::Null{}};
  auto rows = session.query_named(
      "accounts/insert_event",
      {account, event.kind, format_instant(now()), event.actor, event.summary, event.details_json});
  if (!rows.ok()) return rows.error();
  RP_TRY(audit_event(session, event));
  return rows->at(0).integer("id");
}

}  // namespace rp::accounts
