#include "orders/account_closing.h"

#include <limits>

#include "accounts/account_events.h"
#include "core/json_writer.h"
#include "store/utility_settings.h"

namespace rp::orders {

using store::Row;
using store::Session;

constexpr std::int64_t kLastId = std::numeric_limits<std::int64_t>::max();

Result<ClosingPass> close_settled_accounts(store::Database& database, std::size_t limit) {
  auto settled = database.read<store::Rows>([&](Session& session) {
    return session.query_named("orders/settled_accounts",
                               {std::int64_t{0}, kLastId, static_cast<std::int64_t>(limit)});
  });
  RP_TRY(settled);
  ClosingPass pass;
  for (const Row& row : *settled) {
    const std::int64_t account_id = row.integer("id");
    const std::string number = row.text("number");
    auto closed = database.write<bool>([&](Session& session) -> Result<bool> {
      // Asked again inside the write: a payment reversed or an order opened meanwhile keeps it.
      auto still =
          session.query_named("orders/settled_accounts", {account_id, account_id, std::int64_t{1}});
      RP_TRY(still);
      if (still->empty()) return false;
      auto zone = store::utility_zone(session);
      RP_TRY(zone);
      const std::string day = format_local_date(zone->local_date(now()));
      auto updated = session.execute_named("orders/close_account", {day, account_id});
      RP_TRY(updated);
      if (*updated == 0) return false;
      JsonWriter details;
      details.begin_object().key("closed_on").string(day).end_object();
      RP_TRY(accounts::record_event(
          session,
          {account_id, "account.closed", "system:accounts",
           "Account closed: the final bill is settled and no service remains", details.take()}));
      return true;
    });
    RP_TRY(closed);
    if (*closed) ++pass.closed;
  }
  return pass;
}

}  // namespace rp::orders
