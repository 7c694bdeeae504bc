#include "api/dashboard_handler.h"

#include <string>
#include <utility>
#include <vector>

#include "api/account_handlers.h"
#include "api/billing_handlers.h"
#include "api/guards.h"
#include "api/payment_handlers.h"
#include "api/usage_handlers.h"
#include "core/time.h"
#include "http/problem.h"

namespace rp::api {
namespace {

using Handler = http::Response (*)(ApiContext&, http::Request&);
using Query = std::vector<std::pair<std::string, std::string>>;

struct Route {
  const char* name;
  Handler handler;
  Query query;
  bool optional;
};

}  // namespace

http::Response join_dashboard(std::vector<DashboardPart> parts) {
  http::Response joined;
  joined.body = "{";
  for (DashboardPart& part : parts) {
    if (part.answer.status != 200 && !part.optional) return std::move(part.answer);
    if (joined.body.size() > 1) joined.body += ',';
    joined.body += '"' + part.name + "\":";
    if (part.answer.status == 200) {
      joined.body += part.answer.body;
      continue;
    }
    joined.body += "null";
    if (part.answer.status >= 500) joined.log_detail = part.name + ": " + part.answer.log_detail;
  }
  joined.body += '}';
  return joined;
}

http::Response dashboard_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_account_access(context, request)) return *refused;
  auto zone = utility_zone(context);
  if (!zone.ok()) return http::problem_from_error(zone.error());
  const LocalDate today = zone->local_date(now());
  const date::year_month month = today.year() / today.month();
  const std::string last_month = format_local_date(LocalDate((month - date::months(1)) / 1));
  const std::string next_month = format_local_date(LocalDate((month + date::months(1)) / 1));

  const Route routes[] = {
      {"bills", account_bills_handler, {{"limit", "5"}}, false},
      {"payments", account_payments_handler, {{"limit", "1"}}, false},
      {"autopay", autopay_handler, {}, false},
      {"payment_methods", payment_methods_handler, {}, false},
      {"preferences", preferences_handler, {}, false},
      {"months",
       usage_handler,
       {{"resolution", "month"}, {"from", last_month}, {"to", next_month}},
       false},
      {"period_to_date", usage_to_date_handler, {}, true},
  };
  std::vector<DashboardPart> parts;
  for (const Route& route : routes) {
    http::Request asked = request;
    asked.query = route.query;
    http::Response answer = route.handler(context, asked);
    const bool failed = answer.status != 200;
    parts.push_back({route.name, route.optional, std::move(answer)});
    if (failed && !route.optional) break;  // the answer is this part's problem
  }
  return join_dashboard(std::move(parts));
}

}  // namespace rp::api
