#include "accounts/account_history.h"

#include <algorithm>
#include <limits>
#include <set>

#include "accounts/account_service.h"

namespace rp::accounts {
namespace {

bool is_kind_group(const std::string& text) {
  return !text.empty() && text.size() <= 40 && std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || c == '_';
  });
}

}  // namespace

Result<HistoryPage> account_history(store::Database& database, const AccountNumber& number,
                                    const HistoryQuery& query) {
  if (!query.kind_group.empty() && !is_kind_group(query.kind_group)) {
    return invalid_input("kind", "kind is a kind of event such as bill, payment or note");
  }
  if (query.limit < 1 || query.limit > 200) {
    return invalid_input("limit", "limit must be between 1 and 200");
  }
  if (query.before_id < 0) return invalid_input("cursor", "cursor must be one a page gave");
  const std::int64_t before =
      query.before_id == 0 ? std::numeric_limits<std::int64_t>::max() : query.before_id;
  std::string kinds_in_group;
  for (char c : query.kind_group) {
    if (c == '_') kinds_in_group += '\\';
    kinds_in_group += c;
  }
  kinds_in_group += ".%";
  return database.read<HistoryPage>([&](store::Session& session) -> Result<HistoryPage> {
    auto account = find_account_key(session, number);
    RP_TRY(account);
    auto rows = session.query_named(
        "accounts/history_of_account",
        {account->id, before, std::int64_t{query.kind_group.empty() ? 1 : 0}, query.kind_group,
         kinds_in_group, static_cast<std::int64_t>(query.limit + 1)});
    RP_TRY(rows);
    HistoryPage page;
    for (const store::Row& row : *rows) {
      if (page.entries.size() == query.limit) {
        page.next_before_id = page.entries.back().id;
        break;
      }
      page.entries.push_back(
          HistoryEntry{.id = row.integer("id"),
                       .kind = row.text("kind"),
                       .occurred_at = row.text("occurred_at"),
                       .actor = row.text("actor"),
                       .summary = row.text("summary"),
                       .details_json = row.text("details").empty() ? "{}" : row.text("details")});
    }
    auto kinds = session.query_named("accounts/event_kinds_of_account", {account->id});
    RP_TRY(kinds);
    std::set<std::string> groups;
    for (const store::Row& row : *kinds) {
      std::string kind = row.text("kind");
      groups.insert(kind.substr(0, kind.find('.')));
    }
    page.kind_groups.assign(groups.begin(), groups.end());
    return page;
  });
}

}  // namespace rp::accounts
