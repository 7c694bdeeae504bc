// What staff access costs, measured in-process on a real database (SQLite file, or the
// PostgreSQL server named by the first argument):
//  * resolving an API key and checking a permission, per request (goal: at most 50 us);
//  * resolving a console session (cookie) with its permissions, per request;
//  * `audit verify` over 1,000,000 audit records (goal: 10 s or less), the trail written in
//    bulk with real hashes.
// usage: staff_access_bench [DATABASE_URL] [AUDIT_RECORDS]   (default: a temporary SQLite file,
// 1000000). Prints JSON.

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>

#include "audit/audit_trail.h"
#include "auth/totp.h"
#include "bench_database.h"
#include "bench_support.h"
#include "core/time.h"
#include "staff/api_keys.h"
#include "staff/roles.h"
#include "staff/staff_sign_in.h"
#include "staff/staff_users.h"
#include "store/bulk_insert.h"
#include "store/database.h"
#include "store/migrations.h"

using namespace rp;
using bench::fail;
using bench::microseconds_each;

int main(int argc, char** argv) {
  const std::int64_t records = argc > 2 ? std::stoll(argv[2]) : 1'000'000;
  const auto database = bench::open_bench_database(argc > 1 ? argv[1] : "", "rp-staff-bench");
  store::Database& db = *database;

  // An API key with a cashier's permissions, checked for one of them, as require_staff does.
  auto key =
      db.write<staff::IssuedApiKey>([](store::Session& session) -> Result<staff::IssuedApiKey> {
        RP_TRY(staff::sync_shipped_roles(session));
        auto permissions = staff::role_permissions(session, "cashier");
        RP_TRY(permissions);
        return staff::create_api_key(session, {"bench", *permissions, "system:bench"});
      });
  if (!key.ok()) fail("key", key.error().message);
  bool allowed = true;
  const double key_us = microseconds_each(20000, [&] {
    auto identity = staff::api_key_identity(db, key->key);
    allowed = allowed && identity.ok() && *identity && (*identity)->may("payments.take");
  });

  // A console session: a staff user signed in (enrolled straight in the database).
  auto added = db.write<staff::AddedStaffUser>([](store::Session& session) {
    return staff::add_staff_user(
        session, {"bench@utility.example", "Bench", {"cashier"}, "system:bench", ""});
  });
  if (!added.ok()) fail("staff user", added.error().message);
  auto signed_in = staff::begin_enrolment(db, added->enrol_token, "copper kettle rain 42", "x");
  if (!signed_in.ok()) fail("enrol", signed_in.error().message);
  // The session is opened by the same code a sign-in uses, with the code the app would show.
  auto secret = db.read<std::string>([&](store::Session& session) -> Result<std::string> {
    auto rows = session.query("SELECT mfa_secret FROM staff_users WHERE id = :id", {added->id});
    RP_TRY(rows);
    return rows->at(0).text(0);
  });
  if (!secret.ok()) fail("secret", secret.error().message);
  const auto unix_now =
      std::chrono::duration_cast<std::chrono::seconds>(now().time_since_epoch()).count();
  auto session = staff::finish_enrolment(db, added->enrol_token, auth::totp_code(*secret, unix_now),
                                         "127.0.0.1");
  if (!session.ok()) fail("session", session.error().message);
  const double session_us = microseconds_each(20000, [&] {
    auto found = staff::find_staff_session(db, session->session_token);
    allowed = allowed && found.ok() && *found && (*found)->identity.may("payments.take");
  });
  // The same without the 2-second caches: the first request after one lapses, or after a change.
  const double key_uncached_us = microseconds_each(5000, [&] {
    staff::forget_known_api_keys();
    auto identity = staff::api_key_identity(db, key->key);
    allowed = allowed && identity.ok() && *identity && (*identity)->may("payments.take");
  });
  const double session_uncached_us = microseconds_each(5000, [&] {
    staff::forget_known_staff_sessions();
    auto found = staff::find_staff_session(db, session->session_token);
    allowed = allowed && found.ok() && *found && (*found)->identity.may("payments.take");
  });

  // What the audit trail adds to a change such as a payment: one record appended inside the
  // change's own write (the head locked, the hash chained, the row written), measured per record
  // over writes of 100 records each, as a group commit of payments would hold them.
  constexpr int kAppendWrites = 200;
  constexpr int kAppendsPerWrite = 100;
  const auto append_started = std::chrono::steady_clock::now();
  for (int w = 0; w < kAppendWrites; ++w) {
    auto appended = db.write_work([&](store::Session& s) -> Result<void> {
      for (int i = 0; i < kAppendsPerWrite; ++i) {
        RP_TRY(audit::append_audit(
            s, {"customer:42", "payment.received", "account:100000017", "done",
                R"({"summary":"Payment of $42.00 received","event":{"amount":"42.00"}})",
                "10.0.0.7", "Mozilla/5.0 (X11; Linux x86_64)", "req-1"}));
      }
      return success();
    });
    if (!appended.ok()) fail("append", appended.error().message);
  }
  const double append_us =
      std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - append_started)
          .count() /
      (kAppendWrites * kAppendsPerWrite);
  auto emptied = db.write_work([](store::Session& s) -> Result<void> {
    RP_TRY(
        s.execute_script(s.engine() == store::Engine::postgresql
                             ? "ALTER TABLE audit_records DISABLE TRIGGER USER; "
                               "DELETE FROM audit_records; "
                               "ALTER TABLE audit_records ENABLE TRIGGER USER"
                             : "DROP TRIGGER audit_records_no_delete; DELETE FROM audit_records"));
    return success();
  });
  if (!emptied.ok()) fail("empty the trail", emptied.error().message);

  // The audit trail: `records` records written in bulk with their chained hashes, then checked.
  const auto written_started = std::chrono::steady_clock::now();
  auto written = db.write_work([&](store::Session& s) -> Result<void> {
    std::string previous;
    std::vector<store::Params> rows;
    const std::string at = format_instant(now());
    for (std::int64_t id = 1; id <= records; ++id) {
      const audit::AuditEntry entry{
          "staff:" + std::to_string(id % 40 + 1),      "payment.received",
          "account:" + std::to_string(id % 20000 + 1), "done",
          R"({"amount":"42.00","channel":"cashier"})", "10.0.0.7",
          "Mozilla/5.0 (X11; Linux x86_64)",           "req-" + std::to_string(id)};
      const std::string hash = audit::record_hash(previous, id, at, entry);
      rows.push_back({id, at, entry.actor, entry.action, entry.target, entry.outcome,
                      entry.details_json, entry.client_address, entry.user_agent, entry.request_id,
                      previous, hash});
      previous = hash;
      if (rows.size() == 20000 || id == records) {
        RP_TRY(store::bulk_insert(
            s,
            {"audit_records",
             {"id", "at", "actor", "action", "target", "outcome", "details", "client_address",
              "user_agent", "request_id", "previous_hash", "hash"}},
            rows));
        rows.clear();
      }
    }
    RP_TRY(s.execute("UPDATE audit_head SET last_id = :id, last_hash = :hash WHERE id = 1",
                     {records, previous}));
    return success();
  });
  if (!written.ok()) fail("audit trail", written.error().message);
  const double write_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - written_started).count();
  const auto verify_started = std::chrono::steady_clock::now();
  auto report = audit::verify_audit_trail(db);
  if (!report.ok()) fail("verify", report.error().message);
  const double verify_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - verify_started).count();

  std::printf(
      "{\"database\": \"%s\", \"api_key_check_us\": %.1f, \"console_session_check_us\": %.1f, "
      "\"api_key_uncached_us\": %.1f, \"console_session_uncached_us\": %.1f, "
      "\"audit_append_us\": %.1f, "
      "\"checks_allowed\": %s, \"audit_records\": %lld, \"audit_write_seconds\": %.2f, "
      "\"audit_verify_seconds\": %.2f, \"audit_intact\": %s}\n",
      store::engine_name(db.engine()), key_us, session_us, key_uncached_us, session_uncached_us,
      append_us, allowed ? "true" : "false", static_cast<long long>(report->records), write_seconds,
      verify_seconds, report->intact ? "true" : "false");
  return report->intact && allowed ? 0 : 1;
}
