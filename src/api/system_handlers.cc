#include "api/system_handlers.h"

#include "api/guards.h"
#include "http/problem.h"
#include "store/utility_settings.h"

namespace rp::api {

http::Response health_handler(ApiContext& context, http::Request&) {
  auto checked =
      context.database.read<std::int64_t>([](store::Session& session) -> Result<std::int64_t> {
        auto rows = session.query("SELECT 1 AS alive");
        if (!rows.ok()) return rows.error();
        return rows->at(0).integer("alive");
      });
  if (!checked.ok()) {
    return http::problem(503, "unhealthy", "The database is not answering",
                         checked.error().message);
  }
  http::Response ok = http::json_response(
      200, {{"status", "ok"},
            {"database", store::engine_name(context.database.engine())},
            {"card_processor", context.test_processor != nullptr ? "test" : "none"},
            {"test_doubles", context.test_doubles}});
  ok.set_header("Cache-Control", "no-store");
  return ok;
}

http::Response metrics_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  return http::text_response(200, context.metrics.prometheus_text(),
                             std::string(http::Metrics::kContentType));
}

http::Response utility_handler(ApiContext& context, http::Request&) {
  auto contact =
      context.database.read<nlohmann::json>([](store::Session& session) -> Result<nlohmann::json> {
        auto name = store::utility_name(session);
        RP_TRY(name);
        nlohmann::json out = {{"name", *name}};
        for (const auto& [field, key] :
             {std::pair{"phone", "utility_phone"}, std::pair{"email", "utility_email"},
              std::pair{"website", "utility_website"}, std::pair{"hours", "utility_hours"}}) {
          auto value = store::utility_setting(session, key);
          RP_TRY(value);
          out[field] = *value ? nlohmann::json(**value) : nlohmann::json(nullptr);
        }
        auto address = store::utility_setting(session, "utility_address");
        RP_TRY(address);
        nlohmann::json lines = nlohmann::json::array();
        std::string rest = address->value_or("");
        while (!rest.empty()) {
          const auto end = rest.find('\n');
          if (end != 0) lines.push_back(rest.substr(0, end));
          if (end == std::string::npos) break;
          rest.erase(0, end + 1);
        }
        out["address"] = lines;
        // The zone the utility's days and appointment windows are in, for pages that show times.
        auto zone = store::utility_zone(session);
        RP_TRY(zone);
        out["time_zone"] = zone->name();
        return out;
      });
  if (!contact.ok()) return http::problem_from_error(contact.error());
  http::Response response = http::json_response(200, *contact);
  response.set_header("Cache-Control", "public, max-age=300");
  return response;
}

http::Response openapi_handler(ApiContext&, http::Request&) {
  http::Response document = http::text_response(200, openapi_json(), "application/json");
  document.set_header("Cache-Control", "public, max-age=300");
  return document;
}

void report_database_pool(http::Metrics& metrics, store::Database& database) {
  metrics.add_gauge_source([&database] {
    store::PoolStats stats = database.stats();
    const std::string engine = store::engine_name(database.engine());
    auto gauge = [&](const char* name, const char* help, double value) {
      return http::Gauge{name, help, {{"engine", engine}}, value};
    };
    return std::vector<http::Gauge>{
        gauge("rp_db_pool_connections",
              "Read connections (SQLite) or pooled connections (PostgreSQL)",
              static_cast<double>(stats.connections)),
        gauge("rp_db_pool_in_use", "Connections lent out right now",
              static_cast<double>(stats.in_use)),
        gauge("rp_db_reads_total", "Read transactions run", static_cast<double>(stats.reads)),
        gauge("rp_db_writes_total", "Write callbacks run", static_cast<double>(stats.writes)),
        gauge("rp_db_commits_total", "Durable commits (writes share commits under group commit)",
              static_cast<double>(stats.commits)),
        gauge("rp_db_failed_writes_total", "Write callbacks that were rolled back",
              static_cast<double>(stats.failed_writes)),
    };
  });
}

}  // namespace rp::api
