#include "accounts/service_stop.h"

#include "accounts/account_events.h"
#include "accounts/account_service.h"
#include "core/json_writer.h"
#include "core/time.h"

namespace rp::accounts {
namespace {

struct OpenAgreement {
  std::int64_t id = 0;
  std::string commodity;
  std::string start_date;
  std::string billed_until;  // first day not billed; empty when never billed
};

Result<std::vector<OpenAgreement>> open_agreements(store::Session& session,
                                                   std::int64_t account_id) {
  auto rows = session.query_named("accounts/open_agreements_of_account", {account_id});
  RP_TRY(rows);
  std::vector<OpenAgreement> agreements;
  for (const store::Row& row : *rows) {
    agreements.push_back({row.integer("id"), row.text("commodity"), row.text("start_date"),
                          row.is_null("billed_until") ? "" : row.text("billed_until")});
  }
  return agreements;
}

// Dates are ISO text, so text order is date order.
Result<void> check_last_day(const OpenAgreement& agreement, const std::string& last_day) {
  if (last_day < agreement.start_date) {
    return invalid_input("last_day", "the last day " + last_day + " is before " +
                                         agreement.commodity + " service started on " +
                                         agreement.start_date);
  }
  if (!agreement.billed_until.empty() && last_day < agreement.billed_until) {
    auto until = parse_local_date(agreement.billed_until, "billed_until");
    RP_TRY(until);
    return conflict(agreement.commodity + " service is billed through " +
                    format_local_date(LocalDate(date::sys_days(*until) - date::days(1))) +
                    ", after the last day " + last_day + ": cancel that bill first");
  }
  return success();
}

std::string event_details(const std::vector<OpenAgreement>& agreements,
                          const std::string& last_day) {
  JsonWriter json;
  json.begin_object().key("last_day").string(last_day).key("agreements").begin_array();
  for (const OpenAgreement& agreement : agreements) {
    json.begin_object().key("id").number(agreement.id);
    json.key("commodity").string(agreement.commodity).end_object();
  }
  json.end_array().end_object();
  return json.take();
}

}  // namespace

Result<std::int64_t> stop_service_in(store::Session& session, const AccountNumber& account,
                                     const MoveOut& move_out) {
  auto day = parse_local_date(move_out.last_day, "last_day");
  RP_TRY(day);
  const std::string last_day = format_local_date(*day);
  auto found = find_account_key(session, account);
  RP_TRY(found);
  const std::int64_t account_id = found->id;
  auto agreements = open_agreements(session, account_id);
  RP_TRY(agreements);
  if (agreements->empty()) {
    return conflict("account " + account.formatted() + " has no service to stop");
  }
  for (const OpenAgreement& agreement : *agreements) RP_TRY(check_last_day(agreement, last_day));
  for (const OpenAgreement& agreement : *agreements) {
    RP_TRY(session.execute_named("accounts/end_agreement", {last_day, agreement.id}));
  }
  NewAccountEvent event{
      account_id, "service.stopped", move_out.actor,
      "Service stops after " + last_day + " (" + std::to_string(agreements->size()) +
          " services); " +
          (move_out.final_bill_now ? "the final bill follows at once"
                                   : "the final bill follows with the cycle's next run"),
      event_details(*agreements, last_day)};
  RP_TRY(record_event(session, event));
  return static_cast<std::int64_t>(agreements->size());
}

Result<std::int64_t> stop_service(store::Database& database, const AccountNumber& account,
                                  const MoveOut& move_out) {
  RP_TRY(parse_local_date(move_out.last_day, "last_day"));
  return database.write<std::int64_t>(
      [&](store::Session& session) { return stop_service_in(session, account, move_out); });
}

}  // namespace rp::accounts
