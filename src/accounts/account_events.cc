#include "accounts/account_events.h"

#include "core/time.h"

namespace rp::accounts {

Result<std::int64_t> record_event(store::Session& session, const NewAccountEvent& event) {
  if (event.kind.empty()) return invalid_input("kind", "an account event needs a kind");
  store::Value account =
      event.account_id ? store::Value{event.account_id} : store::Value{store::Null{}};
  auto rows = session.query_named(
      "accounts/insert_event",
      {account, event.kind, format_instant(now()), event.actor, event.summary, event.details_json});
  if (!rows.ok()) return rows.error();
  return rows->at(0).integer("id");
}

}  // namespace rp::accounts
