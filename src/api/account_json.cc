#include "api/account_json.h"

#include "core/json.h"

namespace rp::api {
namespace {

using nlohmann::json;

json optional_json(const std::optional<std::string>& value) {
  return value ? json(*value) : json(nullptr);
}

json agreement_json(const accounts::ServiceAgreement& agreement) {
  json meters = json::array();
  for (const accounts::Meter& meter : agreement.meters) {
    meters.push_back(
        {{"serial", meter.serial},
         {"kind", meter.kind},
         {"channels", meter.channels},
         {"installed_on", meter.installed_on.empty() ? json(nullptr) : json(meter.installed_on)}});
  }
  return {{"id", agreement.id},
          {"commodity", agreement.commodity},
          {"service_address", address_json(agreement.service_address)},
          {"rate_plan", {{"code", agreement.rate_plan.code}, {"name", agreement.rate_plan.name}}},
          {"start_date", agreement.start_date},
          {"end_date", optional_json(agreement.end_date)},
          {"meters", meters}};
}

}  // namespace

json address_json(const accounts::Address& address) {
  return {{"line1", address.line1},
          {"line2", address.line2},
          {"city", address.city},
          {"state", address.state},
          {"zip", address.zip}};
}

json summary_json(const accounts::AccountSummary& summary) {
  json agreements = json::array();
  for (const auto& agreement : summary.agreements) agreements.push_back(agreement_json(agreement));
  return {{"account_number", summary.account_number},
          {"status", summary.status},
          {"customer_name", summary.customer_name},
          {"balance", money_json(summary.balance)},
          {"service_address",
           summary.service_address ? address_json(*summary.service_address) : json(nullptr)},
          {"agreements", agreements}};
}

json detail_json(const accounts::AccountDetail& detail) {
  json out = summary_json(detail.summary);
  out["customer"] = {{"name", detail.customer.name},
                     {"email", detail.customer.email},
                     {"phone", detail.customer.phone}};
  out["mailing_address"] = address_json(detail.mailing_address);
  out["language"] = detail.language;
  out["bill_cycle"] = detail.bill_cycle;
  out["opened_on"] = detail.opened_on;
  out["closed_on"] = optional_json(detail.closed_on);
  json events = json::array();
  for (const auto& event : detail.events) {
    events.push_back({{"kind", event.kind},
                      {"occurred_at", event.occurred_at},
                      {"actor", event.actor},
                      {"summary", event.summary}});
  }
  out["events"] = events;
  return out;
}

json search_page_json(const accounts::AccountSearchPage& page) {
  json items = json::array();
  for (const auto& hit : page.hits) {
    std::string one_line;
    if (hit.service_address) {
      const auto& a = *hit.service_address;
      one_line = a.line1 + (a.line2.empty() ? "" : " " + a.line2) + ", " + a.city + ", " + a.state +
                 " " + a.zip;
    }
    items.push_back({{"account_number", hit.account_number},
                     {"customer_name", hit.customer_name},
                     {"status", hit.status},
                     {"service_address", one_line},
                     {"zip", hit.service_address ? json(hit.service_address->zip) : json(nullptr)},
                     {"balance", money_json(hit.balance)}});
  }
  return {{"items", items},
          {"next_cursor",
           page.next_after_id ? json(std::to_string(*page.next_after_id)) : json(nullptr)}};
}

}  // namespace rp::api
