#include "orders/webhooks.h"

#include <curl/curl.h>
#include <sodium.h>

#include <algorithm>
#include <cstdio>
#include <limits>

#include "core/json.h"
#include "core/secret_token.h"
#include "notify/curl_start.h"

namespace rp::orders {
namespace {

using store::Row;
using store::Session;

constexpr std::chrono::minutes kLease{5};
constexpr std::size_t kEventsAPass = 1000;

std::chrono::seconds backoff(std::int64_t attempts) {
  const std::int64_t seconds =
      std::min<std::int64_t>(30LL << std::min<std::int64_t>(attempts, 7), 3600);
  return std::chrono::seconds(seconds);
}

std::size_t keep_nothing(char*, std::size_t size, std::size_t count, void*) {
  return size * count;
}

// The body without its delivery id (added when sent: the row's id is known only once written).
std::string payload_of(const Row& event) {
  json details = json::parse(event.text("details"), nullptr, false);
  if (details.is_discarded()) details = json::object();
  json body = {{"event",
                {{"id", event.integer("id")},
                 {"kind", event.text("kind")},
                 {"account", event.text("account_number")},
                 {"occurred_at", event.text("occurred_at")},
                 {"actor", event.text("actor")},
                 {"summary", event.text("summary")},
                 {"details", details}}}};
  return body.dump();
}

}  // namespace

std::string webhook_signature(const std::string& secret, std::int64_t unix_seconds,
                              const std::string& body) {
  const std::string signed_text = std::to_string(unix_seconds) + "." + body;
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(secret.data()),
                              secret.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(signed_text.data()),
                                signed_text.size());
  crypto_auth_hmacsha256_final(&state, mac);
  char hex[crypto_auth_hmacsha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, mac, sizeof mac);
  return "t=" + std::to_string(unix_seconds) + ",v1=" + hex;
}

Result<WebhookEndpoint> add_webhook_endpoint(store::Database& database, const std::string& url,
                                             const std::string& event_prefix,
                                             const std::string& actor) {
  if ((!url.starts_with("https://") && !url.starts_with("http://")) || url.size() > 500) {
    return invalid_input("url", "a webhook's url is https://HOST/PATH (http:// on loopback)");
  }
  if (event_prefix.empty() || event_prefix.size() > 50 ||
      event_prefix.find_first_not_of("abcdefghijklmnopqrstuvwxyz_.") != std::string::npos) {
    return invalid_input("event_prefix",
                         "say which events to send by the start of their kind, such as order.");
  }
  WebhookEndpoint endpoint;
  endpoint.url = url;
  endpoint.event_prefix = event_prefix;
  endpoint.secret = new_secret_token();
  endpoint.created_by = actor;
  endpoint.created_at = format_instant(now());
  auto id = database.write<std::int64_t>([&](Session& session) -> Result<std::int64_t> {
    RP_TRY(session.execute_named("orders/start_webhook_cursor"));
    auto rows =
        session.query_named("orders/insert_webhook_endpoint",
                            {url, endpoint.secret, event_prefix, actor, endpoint.created_at});
    RP_TRY(rows);
    return rows->at(0).integer("id");
  });
  RP_TRY(id);
  endpoint.id = *id;
  return endpoint;
}

Result<void> deactivate_webhook_endpoint(store::Database& database, std::int64_t id) {
  return database.write<void>([&](Session& session) -> Result<void> {
    auto changed = session.execute_named("orders/deactivate_webhook_endpoint", {id});
    RP_TRY(changed);
    if (*changed == 0) return not_found("no webhook endpoint " + std::to_string(id));
    return success();
  });
}

Result<std::vector<WebhookEndpoint>> webhook_endpoints(store::Database& database) {
  return database.read<std::vector<WebhookEndpoint>>(
      [](Session& session) -> Result<std::vector<WebhookEndpoint>> {
        auto rows = session.query_named("orders/webhook_endpoint_list");
        RP_TRY(rows);
        std::vector<WebhookEndpoint> endpoints;
        for (const Row& row : *rows) {
          endpoints.push_back({row.integer("id"), row.text("url"), row.text("event_prefix"),
                               row.integer("active") != 0, "", row.text("created_by"),
                               row.text("created_at")});
        }
        return endpoints;
      });
}

Result<int> queue_webhooks(store::Database& database, std::chrono::seconds settle) {
  // Most utilities have no endpoint: a read says so without taking the writer.
  auto started = database.read<bool>([](Session& session) -> Result<bool> {
    auto cursor = session.query_named("orders/webhook_cursor");
    RP_TRY(cursor);
    return !cursor->empty();
  });
  RP_TRY(started);
  if (!*started) return 0;
  return database.write_bulk<int>([&](Session& session) -> Result<int> {
    auto cursor = session.query_named("orders/webhook_cursor");
    RP_TRY(cursor);
    if (cursor->empty()) return 0;  // no endpoint was ever added
    const std::int64_t after = cursor->at(0).integer("last_event_id");
    auto events = session.query_named("orders/webhook_events",
                                      {after, static_cast<std::int64_t>(kEventsAPass)});
    RP_TRY(events);
    const std::string at = format_instant(now());
    int queued = 0;
    for (const Row& event : *events) {
      auto inserted = session.execute_named(
          "orders/insert_webhook_delivery",
          {event.integer("endpoint_id"), event.integer("id"), payload_of(event), at});
      RP_TRY(inserted);
      queued += static_cast<int>(*inserted);
    }
    // The cursor passes what has settled, and never past a full batch's last event.
    const std::int64_t ceiling = events->size() == kEventsAPass
                                     ? events->back().integer("id")
                                     : std::numeric_limits<std::int64_t>::max();
    auto settled = session.query_named("orders/settled_webhook_event",
                                       {after, after, format_instant(now() - settle)});
    RP_TRY(settled);
    const std::int64_t moved_to = std::min(settled->at(0).integer("settled"), ceiling);
    if (moved_to > after) {
      RP_TRY(
          session.execute_named("notify/move_event_cursor", {moved_to, std::string("webhooks")}));
    }
    return queued;
  });
}

WebhookSender http_webhook_sender() {
  notify::start_curl_once();
  return [](const std::string& url, const std::vector<std::string>& headers,
            const std::string& body) {
    WebhookAnswer answer;
    std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), &curl_easy_cleanup);
    if (!curl) {
      answer.error = "could not start a connection";
      return answer;
    }
    curl_slist* list = nullptr;
    for (const std::string& header : headers) list = curl_slist_append(list, header.c_str());
    curl_easy_setopt(curl.get(), CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl.get(), CURLOPT_HTTPHEADER, list);
    curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDS, body.c_str());
    curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
    curl_easy_setopt(curl.get(), CURLOPT_WRITEFUNCTION, keep_nothing);
    curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT, 10L);
    curl_easy_setopt(curl.get(), CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl.get(), CURLOPT_PROTOCOLS_STR, "http,https");
    const CURLcode code = curl_easy_perform(curl.get());
    curl_slist_free_all(list);
    if (code != CURLE_OK) {
      answer.error = curl_easy_strerror(code);
      return answer;
    }
    curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &answer.status);
    if (answer.status < 200 || answer.status > 299) {
      answer.error = "answered " + std::to_string(answer.status);
    }
    return answer;
  };
}

Result<WebhookPass> deliver_webhooks(store::Database& database, const WebhookSender& send,
                                     std::size_t limit) {
  struct Due {
    std::int64_t id;
    std::string payload;
    std::int64_t attempts;
    std::string url;
    std::string secret;
  };
  const Instant taken_at = now();
  auto due = database.write<std::vector<Due>>([&](Session& session) -> Result<std::vector<Due>> {
    auto rows = session.query_named("orders/due_webhook_deliveries",
                                    {format_instant(taken_at), static_cast<std::int64_t>(limit)});
    RP_TRY(rows);
    std::vector<Due> taken;
    for (const Row& row : *rows) {
      auto claimed = session.execute_named(
          "orders/claim_webhook_delivery",
          {format_instant(taken_at + kLease), row.integer("id"), format_instant(taken_at)});
      RP_TRY(claimed);
      if (*claimed == 1) {
        taken.push_back({row.integer("id"), row.text("payload"), row.integer("attempts"),
                         row.text("url"), row.text("secret")});
      }
    }
    return taken;
  });
  RP_TRY(due);
  WebhookPass pass;
  for (const Due& delivery : *due) {
    // The delivery id goes in the body too, so a receiver that logs bodies can deduplicate.
    json body = json::parse(delivery.payload, nullptr, false);
    body["delivery_id"] = delivery.id;
    const std::string text = body.dump();
    const std::int64_t unix_seconds =
        std::chrono::duration_cast<std::chrono::seconds>(now().time_since_epoch()).count();
    const WebhookAnswer answer = send(
        delivery.url,
        {"Content-Type: application/json", "Ratepayer-Delivery: " + std::to_string(delivery.id),
         "Ratepayer-Signature: " + webhook_signature(delivery.secret, unix_seconds, text)},
        text);
    const bool delivered = answer.status >= 200 && answer.status <= 299;
    const Instant at = now();
    RP_TRY(database.write_work([&](Session& session) -> Result<void> {
      if (delivered) {
        RP_TRY(
            session.execute_named("orders/webhook_delivered", {format_instant(at), delivery.id}));
        return success();
      }
      const bool give_up = delivery.attempts + 1 >= kMostWebhookAttempts;
      RP_TRY(session.execute_named(
          "orders/webhook_not_delivered",
          {answer.error.substr(0, 300), format_instant(at + backoff(delivery.attempts)),
           give_up ? store::Value{format_instant(at)} : store::Value{store::Null{}}, delivery.id}));
      return success();
    }));
    if (delivered) {
      ++pass.delivered;
    } else if (delivery.attempts + 1 >= kMostWebhookAttempts) {
      ++pass.given_up;
    } else {
      ++pass.failed;
    }
  }
  return pass;
}

}  // namespace rp::orders
