#pragma once
// The HTTP API: thin handlers that parse a request, call one service function and render JSON.
// Business rules never live here (see src/accounts and friends).

#include <optional>
#include <string>
#include <vector>

#include "http/metrics.h"
#include "http/request.h"
#include "http/router.h"
#include "store/database.h"

namespace rp::api {

class BillRunJobs;
class AccountFeed;
}  // namespace rp::api
namespace rp::audit {
class DeferredAudit;
}  // namespace rp::audit
namespace rp::auth {
struct LoginSettings;
}  // namespace rp::auth
namespace rp::notify {
class EmailDispatcher;
struct SmsWebhookSettings;
}  // namespace rp::notify
namespace rp::orders {
class HeadEnd;
}  // namespace rp::orders
namespace rp::outages {
class StatusBoard;
}  // namespace rp::outages
namespace rp::payments {
class PaymentProcessor;
class TestProcessor;
class AchOriginator;
}  // namespace rp::payments
namespace rp::api {

struct ApiContext {
  store::Database& database;
  http::Metrics& metrics;
  // Runs bill runs started over the API in the background; null: starting one answers 503.
  BillRunJobs* bill_runs = nullptr;
  // Charges payments; null: taking one answers 503.
  payments::PaymentProcessor* processor = nullptr;
  // The test processor's tokenization (POST /api/v1/payment-methods/test-tokens); null when the
  // utility uses a real gateway, whose own page tokenizes the card in the browser.
  payments::TestProcessor* test_processor = nullptr;
  // The utility's own ACH origination: bank accounts customers enter are sealed in its vault
  // (POST /api/v1/bank-accounts). Null: that route answers 503.
  payments::AchOriginator* ach = nullptr;
  // Customer logins (auth/logins.h). Null: the customer routes answer 503 and account routes take
  // the staff token only.
  const auth::LoginSettings* logins = nullptr;
  // Sends queued email at once after a commit that queued some; null: the next poll sends it.
  notify::EmailDispatcher* mail = nullptr;
  // Pushes account events to signed-in customers' open pages (GET /api/v1/me/events); null:
  // that route answers 503.
  AccountFeed* feed = nullptr;
  // The test doubles this server runs in place of an outside party, as /healthz names them
  // ("card processor: test cards only"); empty when it runs none.
  std::vector<std::string> test_doubles = {};
  // Writes the audit records of staff reads in batches a moment later; null: each read's record
  // is written before the answer (tests).
  audit::DeferredAudit* read_audit = nullptr;
  // Checks the SMS provider's signed posts (inbound texts, delivery statuses); null: those routes
  // answer 503.
  const notify::SmsWebhookSettings* sms = nullptr;
  // Customers' outage status, from memory (outages/status_board.h); null: those routes answer
  // 503.
  const outages::StatusBoard* outage_status = nullptr;
  // The AMI head-end (orders/head_end.h), pinged before a restoration is announced; null: none
  // configured (restorations stand on staff's word).
  orders::HeadEnd* head_end = nullptr;
};

// Registers every route: /healthz, /metrics, /api/v1/openapi.json, staff account search, detail
// and creation, and the customer-facing account summary. `context` must outlive the router.
void add_routes(http::Router& router, ApiContext& context);

// The portal page's data (http/static_files.h PageData) for a signed-in visitor:
// {"me": <what GET /api/v1/me answers>}, or nullopt when the request has no live session (or the
// database cannot say). The portal starts from it instead of asking GET /api/v1/me.
std::optional<std::string> portal_page_data(ApiContext& context, const http::Request& request);

// The OpenAPI document (docs/openapi.yaml, embedded at build time) as JSON text.
const std::string& openapi_json();

}  // namespace rp::api
