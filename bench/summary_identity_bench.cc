// The account summary request with and without resolving who is calling, side by side in one run,
// in-process on a real database (SQLite file, or the PostgreSQL server named by the first
// argument): the whole request as the server answers it (routing, the API key's identity and
// permission, the staff read's audit record queued, the summary read, the JSON), then the
// identity part alone, so what identity adds to a request is the difference. One thread, so the
// requests/s are per core. Goal (issue: staff identity): identity adds at most 50 us.
// usage: summary_identity_bench [DATABASE_URL]   Prints JSON.

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>

#include "accounts/testing/account_fixtures.h"
#include "api/api.h"
#include "api/guards.h"
#include "audit/deferred_audit.h"
#include "bench_database.h"
#include "bench_support.h"
#include "http/dispatch.h"
#include "http/metrics.h"
#include "http/router.h"
#include "http/url.h"
#include "staff/api_keys.h"
#include "staff/roles.h"
#include "store/database.h"
#include "store/migrations.h"

using namespace rp;
using bench::fail;
using bench::microseconds_each;

int main(int argc, char** argv) {
  const auto database = bench::open_bench_database(argc > 1 ? argv[1] : "", "rp-summary-bench");
  store::Database& db = *database;
  const AccountNumber account = accounts::testing::open_sample_account(db);
  auto key =
      db.write<staff::IssuedApiKey>([](store::Session& session) -> Result<staff::IssuedApiKey> {
        RP_TRY(staff::sync_shipped_roles(session));
        auto permissions = staff::role_permissions(session, "customer_service");
        RP_TRY(permissions);
        return staff::create_api_key(session, {"summary bench", *permissions, "system:bench"});
      });
  if (!key.ok()) fail("key", key.error().message);

  http::Metrics metrics;
  http::Router router;
  audit::DeferredAudit reads(db);
  api::ApiContext context{db, metrics};
  context.read_audit = &reads;
  api::add_routes(router, context);

  const std::string target = "/api/v1/accounts/" + account.digits() + "/summary";
  auto request = [&] {
    http::Request made;
    made.method = "GET";
    made.target = target;
    auto parsed = http::parse_target(target);
    made.path = parsed->path;
    made.query = parsed->query;
    made.headers = {{"authorization", "Bearer " + key->key}, {"user-agent", "bench"}};
    made.request_id = "bench";
    made.remote_address = "127.0.0.1";
    return made;
  };
  int ok = 0;
  constexpr int kTimes = 20000;
  for (int i = 0; i < 200; ++i) {  // warm: the key cache, the statement caches
    http::Request warm = request();
    (void)http::dispatch(router, nullptr, warm);
  }
  const double whole_us = microseconds_each(kTimes, [&] {
    http::Request one = request();
    ok += http::dispatch(router, nullptr, one).status == 200 ? 1 : 0;
  });
  // The identity part alone: the same request, routed once, then only require_staff.
  http::Request routed = request();
  (void)http::dispatch(router, nullptr, routed);
  const double identity_us = microseconds_each(kTimes, [&] {
    routed.actor.clear();
    ok += api::require_staff(context, routed) ? 0 : 1;
  });
  if (auto flushed = reads.flush(); !flushed.ok()) fail("audit", flushed.error().message);
  std::printf(
      "{\"database\": \"%s\", \"summary_request_us\": %.1f, \"identity_us\": %.1f, "
      "\"summary_per_second_per_core\": %.0f, \"summary_per_second_per_core_without_identity\": "
      "%.0f, \"answered\": %d, \"expected\": %d}\n",
      store::engine_name(db.engine()), whole_us, identity_us, 1e6 / whole_us,
      1e6 / (whole_us - identity_us), ok, 2 * kTimes);
  return ok == 2 * kTimes ? 0 : 1;
}
