#pragma once
// Outbound webhooks, so a utility's own work-management or field-service system can follow
// service orders (and take over dispatch through the staff API): each account event whose kind
// starts with an endpoint's prefix ("order.") is POSTed to it as JSON.
//
//  * queue_webhooks follows the event log with its own cursor ("webhooks" in event_cursors) and
//    writes one delivery per (endpoint, event) (a unique key: re-reading an event queues nothing
//    twice). Like the notices it re-reads events newer than `settle` each pass, so an event that
//    commits late on PostgreSQL is not skipped.
//  * deliver_webhooks sends what is due: POST with headers
//      Ratepayer-Delivery: <delivery id>     (the receiver drops a delivery id it has seen)
//      Ratepayer-Signature: t=<unix seconds>,v1=<hex HMAC-SHA-256 of "<t>.<body>" under the secret>
//    A 2xx answer is delivered; anything else (or no answer in 10 s) is tried again after 30 s,
//    1, 2, 4 ... minutes, at most an hour apart, and given up after kMostWebhookAttempts.
//    At least once: a crash between the receiver's answer and the mark sends it again.
//
// Body: {"delivery_id", "event": {"id", "kind", "account", "occurred_at", "actor", "summary",
// "details"}}.

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/time.h"
#include "store/database.h"

namespace rp::orders {

inline constexpr int kMostWebhookAttempts = 12;

struct WebhookEndpoint {
  std::int64_t id = 0;
  std::string url;
  std::string event_prefix;
  bool active = true;
  std::string secret;  // only when just created
  std::string created_by;
  std::string created_at;
};

// Adds an endpoint with a new secret (returned once). Errors: invalid_input "url" (not http(s)://,
// longer than 500), "event_prefix" (empty, or not "order." or another kind's start).
Result<WebhookEndpoint> add_webhook_endpoint(store::Database& database, const std::string& url,
                                             const std::string& event_prefix,
                                             const std::string& actor);
// Errors: not_found.
Result<void> deactivate_webhook_endpoint(store::Database& database, std::int64_t id);
Result<std::vector<WebhookEndpoint>> webhook_endpoints(store::Database& database);

// One producer pass: deliveries for events after the cursor. Returns how many were queued.
Result<int> queue_webhooks(store::Database& database,
                           std::chrono::seconds settle = std::chrono::seconds(60));

// Sends one request: the status (0 when nothing answered) and, for the log, why.
struct WebhookAnswer {
  long status = 0;
  std::string error;
};
using WebhookSender = std::function<WebhookAnswer(
    const std::string& url, const std::vector<std::string>& headers, const std::string& body)>;
// The libcurl sender (10 s timeout).
WebhookSender http_webhook_sender();

struct WebhookPass {
  int delivered = 0;
  int failed = 0;    // to be tried again
  int given_up = 0;  // after kMostWebhookAttempts
};
// Sends up to `limit` due deliveries. Errors: the database's.
Result<WebhookPass> deliver_webhooks(store::Database& database, const WebhookSender& send,
                                     std::size_t limit = 50);

// "t=...,v1=..." for `body` sent at `unix_seconds` under `secret` (for receivers and tests).
std::string webhook_signature(const std::string& secret, std::int64_t unix_seconds,
                              const std::string& body);

}  // namespace rp::orders
