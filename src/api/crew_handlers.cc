#include "api/crew_handlers.h"

#include "api/answers.h"
#include "api/guards.h"
#include "core/json_writer.h"
#include "http/json_body.h"
#include "http/problem.h"
#include "orders/crews.h"

namespace rp::api {
namespace {

void write_crew(JsonWriter& out, const orders::Crew& crew) {
  out.begin_object().key("name").string(crew.name).key("orders_per_day");
  if (crew.orders_per_day) {
    out.number(*crew.orders_per_day);
  } else {
    out.null();
  }
  out.key("active").boolean(crew.active).key("booked").number(crew.booked).end_object();
}

}  // namespace

http::Response crews_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  Result<LocalDate> day = utility_today(context);
  if (auto asked = request.query_param("day"); asked && !asked->empty()) {
    day = parse_local_date(*asked, "day");
  }
  if (!day.ok()) return http::problem_from_error(day.error());
  auto crews = orders::crews_on(context.database, *day);
  if (!crews.ok()) return http::problem_from_error(crews.error());
  JsonWriter out;
  out.begin_object().key("day").string(format_local_date(*day)).key("crews").begin_array();
  for (const orders::Crew& crew : *crews) write_crew(out, crew);
  out.end_array().end_object();
  return json_text(200, out.take());
}

http::Response save_crew_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto body = http::parse_json_object_body(request);
  if (!body.ok()) return http::problem_from_error(body.error());
  orders::CrewChange change;
  if (!body->contains("name") || !(*body)["name"].is_string()) {
    return http::problem_from_error(invalid_input("name", "name is the crew's name, a string"));
  }
  change.name = (*body)["name"].get<std::string>();
  if (!body->contains("orders_per_day") || !(*body)["orders_per_day"].is_number_integer()) {
    return http::problem_from_error(
        invalid_input("orders_per_day", "orders_per_day is a whole number of visits, 1 to 200"));
  }
  const std::int64_t per_day = (*body)["orders_per_day"].get<std::int64_t>();
  change.orders_per_day = per_day < 0 || per_day > 1000 ? 0 : static_cast<int>(per_day);
  if (body->contains("active")) {
    if (!(*body)["active"].is_boolean()) {
      return http::problem_from_error(invalid_input("active", "active is true or false"));
    }
    change.active = (*body)["active"].get<bool>();
  }
  auto saved = orders::save_crew(context.database, change, request.actor);
  if (!saved.ok()) return http::problem_from_error(saved.error());
  JsonWriter out;
  write_crew(out, *saved);
  return json_text(200, out.take());
}

}  // namespace rp::api
