#include "messaging/inbox.h"

#include <algorithm>

#include "accounts/account_events.h"
#include "core/json_writer.h"
#include "messaging/thread_store.h"

namespace rp::messaging {
namespace {

using store::Row;
using store::Session;

constexpr int kFiguresDays = 30;

struct ThreadFacts {
  std::int64_t account_id = 0;
  std::string status;
};

Result<ThreadFacts> thread_facts(Session& session, std::int64_t thread_id) {
  auto rows = session.query_named("messaging/thread_by_id", {thread_id});
  RP_TRY(rows);
  if (rows->empty()) return not_found("no message thread " + std::to_string(thread_id));
  return ThreadFacts{rows->at(0).integer("account_id"), rows->at(0).text("status")};
}

Result<void> record(Session& session, std::int64_t account_id, const std::string& kind,
                    std::int64_t thread_id, const std::string& actor, const std::string& summary) {
  JsonWriter details;
  details.begin_object().key("thread").number(thread_id).end_object();
  RP_TRY(accounts::record_event(session, {account_id, kind, actor, summary, details.take()}));
  return success();
}

bool staff_actor(const std::string& name) {
  const std::size_t prefix = name.starts_with("staff:") ? 6 : name.starts_with("api_key:") ? 8 : 0;
  if (prefix == 0 || name.size() == prefix || name.size() > 40) return false;
  return std::all_of(name.begin() + static_cast<std::ptrdiff_t>(prefix), name.end(),
                     [](char c) { return c >= '0' && c <= '9'; });
}

std::int64_t minutes_between(const std::string& from, const std::string& to) {
  auto a = parse_instant(from, "from");
  auto b = parse_instant(to, "to");
  if (!a.ok() || !b.ok()) return 0;
  return std::chrono::duration_cast<std::chrono::minutes>(*b - *a).count();
}

// The nearest-rank percentile of sorted `values`.
std::int64_t percentile(const std::vector<std::int64_t>& values, int percent) {
  const std::size_t rank = (values.size() * static_cast<std::size_t>(percent) + 99) / 100;
  return values[std::max<std::size_t>(rank, 1) - 1];
}

}  // namespace

Result<InboxView> parse_inbox_view(const std::string& name) {
  if (name == "unassigned") return InboxView::unassigned;
  if (name == "mine") return InboxView::mine;
  if (name == "waiting") return InboxView::waiting;
  if (name == "closed") return InboxView::closed;
  return invalid_input("view", "the inbox views are unassigned, mine, waiting and closed");
}

Result<ThreadPage> inbox(store::Database& database, InboxView view, const std::string& me,
                         const std::string& cursor, std::size_t limit) {
  auto start = detail::parse_cursor(cursor, view == InboxView::closed);
  RP_TRY(start);
  return database.read<ThreadPage>([&](Session& session) -> Result<ThreadPage> {
    switch (view) {
      case InboxView::unassigned:
        return detail::page_of(session, "messaging/inbox_unassigned", {}, *start, limit);
      case InboxView::mine:
        return detail::page_of(session, "messaging/inbox_mine", {me}, *start, limit);
      case InboxView::waiting:
        return detail::page_of(session, "messaging/inbox_waiting", {}, *start, limit);
      case InboxView::closed:
        break;
    }
    return detail::page_of(session, "messaging/inbox_closed", {}, *start, limit);
  });
}

Result<Thread> staff_thread(store::Database& database, std::int64_t thread_id) {
  return database.read<Thread>(
      [&](Session& session) { return detail::read_thread(session, thread_id, true); });
}

Result<Thread> staff_reply(store::Database& database, std::int64_t thread_id,
                           const std::string& body, bool internal, const std::string& actor) {
  auto text = detail::checked_body(body);
  RP_TRY(text);
  return database.write<Thread>([&](Session& session) -> Result<Thread> {
    auto facts = thread_facts(session, thread_id);
    RP_TRY(facts);
    const std::string at = format_instant(now());
    RP_TRY(detail::add_message(session, facts->account_id, thread_id, true, internal, actor, *text,
                               {}, at));
    if (!internal) {
      RP_TRY(session.execute_named("messaging/utility_replied", {at, at, thread_id}));
      RP_TRY(record(session, facts->account_id, "message.replied", thread_id, actor,
                    "The utility answered a message"));
    }
    return detail::read_thread(session, thread_id, true);
  });
}

Result<Thread> assign_thread(store::Database& database, std::int64_t thread_id,
                             const std::string& assignee, const std::string& actor) {
  if (!assignee.empty() && !staff_actor(assignee)) {
    return invalid_input("assigned_to", "assign to a staff member (\"staff:...\"), or to nobody");
  }
  return database.write<Thread>([&](Session& session) -> Result<Thread> {
    auto facts = thread_facts(session, thread_id);
    RP_TRY(facts);
    RP_TRY(session.execute_named(
        "messaging/assign_thread",
        {assignee.empty() ? store::Value(store::Null{}) : store::Value(assignee), thread_id}));
    RP_TRY(record(
        session, facts->account_id, "message.assigned", thread_id, actor,
        assignee.empty() ? "Message thread unassigned" : "Message thread assigned to " + assignee));
    return detail::read_thread(session, thread_id, true);
  });
}

Result<Thread> close_thread(store::Database& database, std::int64_t thread_id,
                            const std::string& actor) {
  return database.write<Thread>([&](Session& session) -> Result<Thread> {
    auto facts = thread_facts(session, thread_id);
    RP_TRY(facts);
    if (facts->status == "closed") {
      return conflict("message thread " + std::to_string(thread_id) + " is closed already")
          .coded("thread-closed");
    }
    RP_TRY(session.execute_named("messaging/close_thread", {format_instant(now()), thread_id}));
    RP_TRY(record(session, facts->account_id, "message.closed", thread_id, actor,
                  "Message thread closed"));
    return detail::read_thread(session, thread_id, true);
  });
}

Result<Thread> link_thread(store::Database& database, std::int64_t thread_id,
                           std::optional<std::int64_t> bill_number,
                           const std::string& payment_confirmation, const std::string& actor) {
  return database.write<Thread>([&](Session& session) -> Result<Thread> {
    auto facts = thread_facts(session, thread_id);
    RP_TRY(facts);
    store::Value bill = store::Null{};
    if (bill_number) {
      auto rows =
          session.query_named("messaging/bill_of_account", {facts->account_id, *bill_number});
      RP_TRY(rows);
      if (rows->empty()) {
        return invalid_input("bill",
                             "the thread's account has no bill " + std::to_string(*bill_number));
      }
      bill = rows->at(0).integer("id");
    }
    store::Value payment = store::Null{};
    if (!payment_confirmation.empty()) {
      auto rows = session.query_named("messaging/payment_of_account",
                                      {facts->account_id, payment_confirmation});
      RP_TRY(rows);
      if (rows->empty()) {
        return invalid_input("payment",
                             "the thread's account has no payment " + payment_confirmation);
      }
      payment = rows->at(0).integer("id");
    }
    RP_TRY(session.execute_named("messaging/link_thread", {bill, payment, thread_id}));
    RP_TRY(record(session, facts->account_id, "message.linked", thread_id, actor,
                  "Message thread linked"));
    return detail::read_thread(session, thread_id, true);
  });
}

Result<Attachment> staff_attachment(store::Database& database, std::int64_t attachment_id) {
  return database.read<Attachment>([&](Session& session) -> Result<Attachment> {
    auto stored = detail::read_attachment(session, attachment_id);
    RP_TRY(stored);
    return std::move(stored->attachment);
  });
}

Result<InboxFigures> inbox_figures(store::Database& database, const std::string& me, Instant at) {
  return database.read<InboxFigures>([&](Session& session) -> Result<InboxFigures> {
    InboxFigures figures;
    auto counts = session.query_named("messaging/inbox_counts", {me});
    RP_TRY(counts);
    const Row& row = counts->at(0);
    figures.unassigned = row.integer("unassigned");
    figures.mine = row.integer("mine");
    figures.waiting = row.integer("waiting");
    figures.open = row.integer("open");
    if (!row.is_null("oldest_open_at")) figures.oldest_open_at = row.text("oldest_open_at");
    const std::string since = format_instant(at - std::chrono::hours(24 * kFiguresDays));
    auto opened = session.query_named("messaging/first_replies_since", {since});
    RP_TRY(opened);
    std::vector<std::int64_t> minutes;
    for (const Row& thread : *opened) {
      ++figures.opened;
      if (thread.is_null("first_reply_at")) continue;
      minutes.push_back(minutes_between(thread.text("opened_at"), thread.text("first_reply_at")));
    }
    figures.answered = static_cast<std::int64_t>(minutes.size());
    if (!minutes.empty()) {
      std::sort(minutes.begin(), minutes.end());
      figures.first_reply_median_minutes = percentile(minutes, 50);
      figures.first_reply_p90_minutes = percentile(minutes, 90);
    }
    return figures;
  });
}

}  // namespace rp::messaging
