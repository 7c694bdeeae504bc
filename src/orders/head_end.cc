#include "orders/head_end.h"

#include <curl/curl.h>

#include "core/json.h"
#include "notify/curl_start.h"

namespace rp::orders {
namespace {

std::size_t keep_answer(char* data, std::size_t size, std::size_t count, void* answer) {
  static_cast<std::string*>(answer)->append(data, size * count);
  return size * count;
}

struct Answer {
  long status = 0;
  json body;
};

class HttpHeadEnd final : public HeadEnd {
 public:
  explicit HttpHeadEnd(HeadEndSettings settings) : settings_(std::move(settings)) {
    while (!settings_.url.empty() && settings_.url.back() == '/') settings_.url.pop_back();
    notify::start_curl_once();
  }

  Result<HeadEndAccepted> send(const HeadEndCommand& command) override {
    const json body = {
        {"command", command.command}, {"meter", command.meter}, {"reference", command.reference}};
    auto answer = request("/v1/commands", body.dump());
    RP_TRY(answer);
    if (answer->status == 400 || answer->status == 404 || answer->status == 422) {
      return invalid_input("meter", "the head-end refused to " + command.command + " meter " +
                                        command.meter + ": " + words(*answer));
    }
    if (answer->status != 202 && answer->status != 200) {
      return unavailable("the head-end did not take the command (" +
                         std::to_string(answer->status) + "): " + words(*answer));
    }
    const json& b = answer->body;
    if (!b.is_object() || !b.contains("transaction_id") || !b["transaction_id"].is_string() ||
        !b.contains("expires_at") || !b["expires_at"].is_string()) {
      return unavailable("the head-end's answer has no transaction_id and expires_at");
    }
    auto expires = parse_instant(b["expires_at"].get<std::string>(), "expires_at");
    if (!expires.ok()) return unavailable("the head-end's expires_at does not read");
    return HeadEndAccepted{b["transaction_id"].get<std::string>(), *expires};
  }

  Result<HeadEndOutcome> outcome(const std::string& transaction_id) override {
    auto answer = request("/v1/commands/" + transaction_id, "");
    RP_TRY(answer);
    if (answer->status == 404) {
      return not_found("the head-end does not know transaction " + transaction_id);
    }
    const json& b = answer->body;
    if (answer->status != 200 || !b.is_object() || !b.contains("status") ||
        !b["status"].is_string()) {
      return unavailable("the head-end did not say how transaction " + transaction_id + " went (" +
                         std::to_string(answer->status) + ")");
    }
    HeadEndOutcome outcome{b["status"].get<std::string>(), b.value("reason", std::string())};
    if (outcome.status != "pending" && outcome.status != "succeeded" &&
        outcome.status != "failed") {
      return unavailable("the head-end answered an unknown status '" + outcome.status + "'");
    }
    return outcome;
  }

  Result<std::vector<MeterPingAnswer>> ping(const std::vector<std::string>& meters,
                                            const std::string& reference) override {
    const json body = {{"meters", meters}, {"reference", reference}};
    auto answer = request("/v1/pings", body.dump());
    RP_TRY(answer);
    const json& b = answer->body;
    if (answer->status != 200 || !b.is_object() || !b.contains("meters") ||
        !b["meters"].is_array()) {
      return unavailable("the head-end did not answer the ping (" + std::to_string(answer->status) +
                         "): " + words(*answer));
    }
    std::vector<MeterPingAnswer> answers;
    for (const json& item : b["meters"]) {
      if (!item.is_object() || !item.contains("meter") || !item["meter"].is_string()) continue;
      MeterPingAnswer one{item["meter"].get<std::string>(), std::nullopt};
      if (item.contains("energized") && item["energized"].is_boolean()) {
        one.energized = item["energized"].get<bool>();
      }
      answers.push_back(std::move(one));
    }
    return answers;
  }

 private:
  static std::string words(const Answer& answer) {
    if (answer.body.is_object() && answer.body.contains("error") &&
        answer.body["error"].is_string()) {
      return answer.body["error"].get<std::string>();
    }
    return "status " + std::to_string(answer.status);
  }

  // A POST of `body` (a GET when empty) to `path`.
  Result<Answer> request(const std::string& path, const std::string& body) {
    std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), &curl_easy_cleanup);
    if (!curl) return unavailable("could not start a connection to the head-end");
    const std::string url = settings_.url + path;
    const std::string bearer = "Authorization: Bearer " + settings_.token;
    curl_slist* headers = curl_slist_append(nullptr, bearer.c_str());
    headers = curl_slist_append(headers, "Content-Type: application/json");
    std::string text;
    curl_easy_setopt(curl.get(), CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl.get(), CURLOPT_HTTPHEADER, headers);
    if (!body.empty()) {
      curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDS, body.c_str());
      curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
    }
    curl_easy_setopt(curl.get(), CURLOPT_WRITEFUNCTION, keep_answer);
    curl_easy_setopt(curl.get(), CURLOPT_WRITEDATA, &text);
    curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT, settings_.timeout_seconds);
    curl_easy_setopt(curl.get(), CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl.get(), CURLOPT_PROTOCOLS_STR, "http,https");
    const CURLcode code = curl_easy_perform(curl.get());
    curl_slist_free_all(headers);
    if (code != CURLE_OK) {
      return unavailable("the head-end at " + settings_.url +
                         " did not answer: " + curl_easy_strerror(code));
    }
    Answer answer;
    curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &answer.status);
    answer.body = json::parse(text, nullptr, false);
    if (answer.status == 401 || answer.status == 403) {
      return unavailable("the head-end refused Ratepayer's token (" +
                         std::to_string(answer.status) + ")");
    }
    return answer;
  }

  HeadEndSettings settings_;
};

}  // namespace

std::unique_ptr<HeadEnd> http_head_end(const HeadEndSettings& settings) {
  return std::make_unique<HttpHeadEnd>(settings);
}

}  // namespace rp::orders
