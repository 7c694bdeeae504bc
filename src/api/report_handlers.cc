#include "api/report_handlers.h"

#include "api/answers.h"
#include "api/guards.h"
#include "core/json_writer.h"
#include "http/problem.h"
#include "reports/reports.h"

namespace rp::api {
namespace {

void write_cells(JsonWriter& out, const std::vector<reports::ReportRow>& rows) {
  out.begin_array();
  for (const reports::ReportRow& row : rows) {
    out.begin_array();
    for (const reports::ReportCell& cell : row) {
      if (const auto* text = std::get_if<std::string>(&cell)) {
        out.string(*text);
      } else {
        out.number(std::get<std::int64_t>(cell));
      }
    }
    out.end_array();
  }
  out.end_array();
}

Result<LocalDate> date_query(const http::Request& request, const char* name, LocalDate fallback) {
  auto text = request.query_param(name);
  if (!text) return fallback;
  return parse_local_date(*text, name);
}

}  // namespace

http::Response report_catalog_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  JsonWriter out;
  out.begin_object().key("reports").begin_array();
  for (const reports::ReportInfo& info : reports::report_catalog()) {
    out.begin_object().key("name").string(info.name).key("title").string(info.title);
    out.key("description").string(info.description).key("ranged").boolean(info.ranged);
    out.end_object();
  }
  out.end_array().end_object();
  return json_text(200, out.take());
}

http::Response report_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  const std::string format = request.query_param("format").value_or("json");
  if (format != "json" && format != "csv") {
    return http::problem_from_error(invalid_input("format", "format must be json or csv"));
  }
  auto today = utility_today(context);
  if (!today.ok()) return http::problem_from_error(today.error());
  auto to = date_query(request, "to", *today);
  if (!to.ok()) return http::problem_from_error(to.error());
  auto from = date_query(request, "from", LocalDate{date::sys_days(*to) - date::days{29}});
  if (!from.ok()) return http::problem_from_error(from.error());
  auto table =
      reports::run_report(context.database, {std::string(request.path_param("name")), *from, *to});
  if (!table.ok()) return http::problem_from_error(table.error());
  if (format == "csv") {
    http::Response response =
        http::text_response(200, reports::report_csv(*table), "text/csv; charset=utf-8");
    response.set_header("Content-Disposition", "attachment; filename=\"" + table->name + "-" +
                                                   format_local_date(table->from) + "-to-" +
                                                   format_local_date(table->to) + ".csv\"");
    return response;
  }
  JsonWriter out;
  out.begin_object().key("name").string(table->name).key("title").string(table->title);
  out.key("from").string(format_local_date(table->from));
  out.key("to").string(format_local_date(table->to)).key("columns").begin_array();
  for (const reports::ReportColumn& column : table->columns) {
    out.begin_object().key("key").string(column.key).key("label").string(column.label);
    out.key("kind").string(reports::column_kind_name(column.kind)).end_object();
  }
  out.end_array().key("rows");
  write_cells(out, table->rows);
  out.key("totals");
  write_cells(out, table->totals);
  out.key("chart").begin_object().key("x").string(table->chart_x).key("series").begin_array();
  for (const std::string& series : table->chart_series) out.string(series);
  out.end_array().end_object().end_object();
  return json_text(200, out.take());
}

}  // namespace rp::api
