#include "ledger/adjustments.h"

#include <algorithm>

#include "accounts/account_events.h"
#include "accounts/account_service.h"
#include "accounts/ledger.h"
#include "core/idempotency_key.h"
#include "core/json_writer.h"
#include "core/time.h"
#include "store/utility_settings.h"

namespace rp::ledger {
namespace {

using store::Row;
using store::Session;

Adjustment adjustment_of(const Row& row) {
  Adjustment adjustment;
  adjustment.id = row.integer("id");
  adjustment.account_number = row.text("number");
  adjustment.amount = Money::from_cents(row.integer("amount_cents"));
  adjustment.reason_code = row.text("reason_code");
  adjustment.memo = row.text("memo");
  adjustment.status = row.text("status");
  adjustment.requested_by = row.text("requested_by");
  adjustment.requested_at = row.text("requested_at");
  adjustment.decided_by = row.is_null("decided_by") ? "" : row.text("decided_by");
  adjustment.decided_at = row.is_null("decided_at") ? "" : row.text("decided_at");
  adjustment.decision_note = row.is_null("decision_note") ? "" : row.text("decision_note");
  if (!row.is_null("ledger_entry_id")) adjustment.ledger_entry_id = row.integer("ledger_entry_id");
  return adjustment;
}

Result<void> validate(const AdjustmentRequest& request) {
  RP_TRY(check_stored_key(request.idempotency_key, "idempotency_key"));
  if (request.amount.is_zero()) {
    return invalid_input("amount", "amount must not be zero (negative credits the customer)");
  }
  if (std::find_if(kAdjustmentReasons.begin(), kAdjustmentReasons.end(), [&](const char* code) {
        return request.reason_code == code;
      }) == kAdjustmentReasons.end()) {
    std::string codes;
    for (const char* code : kAdjustmentReasons)
      codes += (codes.empty() ? "" : ", ") + std::string(code);
    return invalid_input("reason_code",
                         "reason_code '" + request.reason_code + "' is not one of " + codes);
  }
  if (request.memo.find_first_not_of(" \t\r\n") == std::string::npos) {
    return invalid_input("memo", "memo is required: say what the adjustment is for");
  }
  return success();
}

bool same_request(const Adjustment& stored, const AdjustmentRequest& request) {
  return stored.account_number == request.account.digits() && stored.amount == request.amount &&
         stored.reason_code == request.reason_code && stored.memo == request.memo;
}

Result<std::string> utility_today(Session& session) {
  auto zone = store::utility_zone(session);
  RP_TRY(zone);
  return format_local_date(zone->local_date(now()));
}

Result<Adjustment> read_adjustment(Session& session, std::int64_t id) {
  auto rows = session.query_named("ledger/adjustment_by_id", {id});
  RP_TRY(rows);
  if (rows->empty()) return not_found("adjustment " + std::to_string(id) + " does not exist");
  return adjustment_of(rows->at(0));
}

std::string event_details(const Adjustment& adjustment) {
  JsonWriter json;
  json.begin_object().key("adjustment_id").number(adjustment.id);
  json.key("amount").string(adjustment.amount.to_string());
  json.key("reason_code").string(adjustment.reason_code).key("memo").string(adjustment.memo);
  json.key("requested_by").string(adjustment.requested_by);
  if (!adjustment.decided_by.empty()) json.key("approved_by").string(adjustment.decided_by);
  json.end_object();
  return json.take();
}

// Posts a pending adjustment: its ledger entry, its answer and an event.
Result<void> post(Session& session, std::int64_t account_id, Adjustment& adjustment,
                  const std::string& decided_by, const std::string& note) {
  auto today = utility_today(session);
  RP_TRY(today);
  const std::string reference = "ADJ-" + std::to_string(adjustment.id);
  auto entry = accounts::post_ledger_entry(
      session, {account_id, accounts::LedgerEntryKind::adjustment, adjustment.amount, *today,
                reference, adjustment.reason_code + ": " + adjustment.memo});
  RP_TRY(entry);
  RP_TRY(session.execute_named(
      "ledger/decide_adjustment",
      {std::string("posted"), decided_by, format_instant(now()), note, *entry, adjustment.id}));
  adjustment.decided_by = decided_by;
  const std::string what = adjustment.amount.is_negative() ? "credit" : "charge";
  accounts::NewAccountEvent event{
      account_id, "adjustment.posted", decided_by.empty() ? adjustment.requested_by : decided_by,
      "A " + what + " of $" +
          (adjustment.amount.is_negative() ? -adjustment.amount : adjustment.amount).to_string() +
          " was posted (" + adjustment.reason_code + ")",
      event_details(adjustment)};
  RP_TRY(accounts::record_event(session, event));
  return success();
}

Result<Adjustment> create(Session& session, const AdjustmentRequest& request) {
  auto account = accounts::find_account_key(session, request.account);
  RP_TRY(account);
  const std::int64_t account_id = account->id;
  auto limit = store::whole_number_setting(session, "adjustment_approval_cents");
  RP_TRY(limit);
  const std::int64_t approval_cents = limit->value_or(kDefaultApprovalCents);
  auto inserted =
      session.query_named("ledger/insert_adjustment",
                          {account_id, request.amount.cents(), request.reason_code, request.memo,
                           request.idempotency_key, request.requested_by, format_instant(now())});
  RP_TRY(inserted);
  auto adjustment = read_adjustment(session, inserted->at(0).integer("id"));
  RP_TRY(adjustment);
  auto earlier =
      session.query_named("ledger/adjusted_without_approval",
                          {account_id, format_instant(now() - kAdjustmentWindow), adjustment->id});
  RP_TRY(earlier);
  const std::int64_t already = earlier->at(0).integer("cents");
  const std::int64_t size = std::abs(request.amount.cents()) + already;
  if (size <= approval_cents) {
    RP_TRY(post(session, account_id, *adjustment, "",
                "within the approval limit of $" + Money::from_cents(approval_cents).to_string()));
  } else {
    accounts::NewAccountEvent event{
        account_id, "adjustment.requested", request.requested_by,
        "An adjustment of $" + request.amount.to_string() +
            " waits for a second person's approval" +
            (already > 0 ? " (with the account's adjustments of the last 30 days it passes the "
                           "approval limit)"
                         : ""),
        event_details(*adjustment)};
    RP_TRY(accounts::record_event(session, event));
  }
  return read_adjustment(session, adjustment->id);
}

Result<Adjustment> decide(store::Database& database, std::int64_t id, const std::string& decided_by,
                          const std::string& note, bool approve) {
  return database.write<Adjustment>([&](Session& session) -> Result<Adjustment> {
    auto adjustment = read_adjustment(session, id);
    RP_TRY(adjustment);
    if (adjustment->status != "pending") {
      return conflict("adjustment " + std::to_string(id) + " is " + adjustment->status +
                      ", not pending");
    }
    if (adjustment->requested_by == decided_by) {
      return conflict("adjustment " + std::to_string(id) +
                      " needs a second person: it was requested by " + decided_by);
    }
    auto rows = session.query_named("ledger/adjustment_by_id", {id});
    RP_TRY(rows);
    const std::int64_t account_id = rows->at(0).integer("account_id");
    if (approve) {
      RP_TRY(post(session, account_id, *adjustment, decided_by, note));
    } else {
      RP_TRY(session.execute_named("ledger/decide_adjustment",
                                   {std::string("rejected"), decided_by, format_instant(now()),
                                    note, store::Value{store::Null{}}, id}));
      accounts::NewAccountEvent event{
          account_id, "adjustment.rejected", decided_by,
          "The adjustment of $" + adjustment->amount.to_string() + " was rejected: " + note,
          event_details(*adjustment)};
      RP_TRY(accounts::record_event(session, event));
    }
    return read_adjustment(session, id);
  });
}

}  // namespace

Result<Adjustment> request_adjustment(store::Database& database, const AdjustmentRequest& request) {
  RP_TRY(validate(request));
  return database.write<Adjustment>([&](Session& session) -> Result<Adjustment> {
    auto earlier = session.query_named("ledger/adjustment_by_key", {request.idempotency_key});
    RP_TRY(earlier);
    if (!earlier->empty()) {
      Adjustment stored = adjustment_of(earlier->at(0));
      if (!same_request(stored, request)) {
        return invalid_input("idempotency_key",
                             "this idempotency key was used for a different adjustment (" +
                                 std::to_string(stored.id) + ")");
      }
      stored.replayed = true;
      return stored;
    }
    return create(session, request);
  });
}

Result<Adjustment> approve_adjustment(store::Database& database, std::int64_t id,
                                      const std::string& decided_by, const std::string& note) {
  return decide(database, id, decided_by, note, true);
}

Result<Adjustment> reject_adjustment(store::Database& database, std::int64_t id,
                                     const std::string& decided_by, const std::string& note) {
  return decide(database, id, decided_by, note, false);
}

Result<std::vector<Adjustment>> pending_adjustments(store::Database& database, std::int64_t after,
                                                    std::size_t limit) {
  if (limit < 1 || limit > 100) {
    return invalid_input("limit", "limit must be from 1 to 100, got " + std::to_string(limit));
  }
  return database.read<std::vector<Adjustment>>(
      [&](Session& session) -> Result<std::vector<Adjustment>> {
        auto rows = session.query_named("ledger/pending_adjustments",
                                        {after, static_cast<std::int64_t>(limit)});
        RP_TRY(rows);
        std::vector<Adjustment> pending;
        for (const Row& row : *rows) pending.push_back(adjustment_of(row));
        return pending;
      });
}

}  // namespace rp::ledger
