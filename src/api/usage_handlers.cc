#include "api/usage_handlers.h"

#include <charconv>

#include "api/account_json.h"
#include "api/guards.h"
#include "billing/period_to_date.h"
#include "core/json_writer.h"
#include "http/problem.h"
#include "mdm/usage_service.h"

namespace rp::api {
namespace {

Result<mdm::UsageQuery> parse_usage_query(const http::Request& request, const UtilityZone& zone,
                                          const AccountNumber& account) {
  mdm::UsageQuery query{account, {}, {}, mdm::Resolution::day, std::nullopt};
  LocalDate today = zone.local_date(now());
  query.to = date::sys_days(today) + date::days(1);
  query.from = date::sys_days(query.to) - date::days(30);
  if (auto text = request.query_param("from")) {
    auto from = parse_local_date(*text, "from");
    if (!from.ok()) return from.error();
    query.from = *from;
  }
  if (auto text = request.query_param("to")) {
    auto to = parse_local_date(*text, "to");
    if (!to.ok()) return to.error();
    query.to = *to;
  }
  if (auto text = request.query_param("resolution")) {
    if (!mdm::parse_resolution(*text, query.resolution)) {
      return invalid_input("resolution",
                           "resolution must be interval, hour, day, month or read_period");
    }
  }
  if (auto text = request.query_param("service_point")) {
    std::int64_t id = 0;
    auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), id);
    if (error != std::errc() || end != text->data() + text->size()) {
      return invalid_input("service_point", "service_point must be a service point id");
    }
    query.service_point_id = id;
  }
  return query;
}

const char* resolution_name(mdm::Resolution resolution) {
  static const char* kResolutions[] = {"interval", "hour", "day", "month", "read_period"};
  return kResolutions[static_cast<int>(resolution)];
}

// A register channel's points: each read period, or each month spread from them.
void write_register_points(JsonWriter& out, const UtilityZone& zone,
                           const mdm::ChannelUsage& channel) {
  for (const mdm::ReadPeriod& period : channel.read_periods) {
    out.begin_object().key("start").string(zone.format_local(zone.start_of_day(period.start)));
    out.key("end").string(zone.format_local(zone.start_of_day(period.end)));
    out.key("days").number(static_cast<std::int64_t>(
        (date::sys_days(period.end) - date::sys_days(period.start)).count()));
    out.key("value").string(mdm::format_milli_units(period.milli_units));
    out.key("quality").string(period.estimated ? "estimated" : "actual").end_object();
  }
  for (const mdm::MonthFromReads& month : channel.months) {
    out.begin_object().key("start").string(zone.format_local(zone.start_of_day(month.month / 1)));
    out.key("value").string(mdm::format_milli_units(month.milli_units));
    out.key("quality").string(month.estimated ? "estimated" : "actual");
    out.key("spread").boolean(true).key("days_covered").number(std::int64_t{month.days_covered});
    out.key("days_in_month").number(std::int64_t{month.days_in_month}).end_object();
  }
}

std::string usage_json(const mdm::UsageQuery& query, const UtilityZone& zone,
                       const mdm::AccountUsage& usage) {
  JsonWriter out;
  out.begin_object().key("account_number").string(query.account.digits());
  out.key("time_zone").string(zone.name());
  out.key("resolution").string(resolution_name(query.resolution));
  out.key("resolutions").begin_array();
  for (mdm::Resolution offered : usage.resolutions) out.string(resolution_name(offered));
  out.end_array();
  out.key("from")
      .string(format_local_date(query.from))
      .key("to")
      .string(format_local_date(query.to));
  out.key("series").begin_array();
  for (const mdm::ChannelUsage& channel : usage.channels) {
    out.begin_object().key("service_point_id").number(channel.service_point_id);
    out.key("commodity").string(channel.commodity).key("meter").string(channel.meter_serial);
    out.key("channel").string(channel.channel).key("unit").string(channel.unit);
    out.key("kind").string(channel.is_register() ? "register" : "interval");
    out.key("interval_minutes");
    if (channel.is_register()) {
      out.null();
    } else {
      out.number(channel.interval_minutes);
    }
    out.key("points").begin_array();
    for (const mdm::UsagePoint& point : channel.points) {
      out.begin_object().key("start").string(zone.format_local(point.start));
      out.key("value").string(mdm::format_milli_units(point.milli_units));
      out.key("quality").string(mdm::quality_name(point.quality)).end_object();
    }
    write_register_points(out, zone, channel);
    out.end_array().end_object();
  }
  out.end_array().end_object();
  return out.take();
}

const char* basis_name(billing::ServiceToDate::Basis basis) {
  switch (basis) {
    case billing::ServiceToDate::Basis::interval:
      return "interval";
    case billing::ServiceToDate::Basis::register_reads:
      return "register";
    case billing::ServiceToDate::Basis::water_of_premise:
      return "water";
    case billing::ServiceToDate::Basis::unmetered:
      break;
  }
  return "unmetered";
}

void write_optional_milli(JsonWriter& out, const char* key, std::optional<std::int64_t> milli) {
  out.key(key);
  if (milli) {
    out.string(mdm::format_milli_units(*milli));
  } else {
    out.null();
  }
}

std::string to_date_json(const billing::PeriodToDate& so_far) {
  JsonWriter out;
  out.begin_object().key("as_of").string(format_local_date(so_far.as_of));
  out.key("period").begin_object().key("start").string(format_local_date(so_far.period.start));
  out.key("end").string(format_local_date(so_far.period.end)).end_object();
  out.key("next_read_date").string(format_local_date(so_far.next_read_date));
  out.key("days_so_far").number(so_far.days_so_far);
  out.key("days_in_period").number(so_far.days_in_period);
  out.key("charges_so_far");
  write_money(out, so_far.charges_so_far);
  out.key("projected_charges");
  if (so_far.projected_charges) {
    write_money(out, *so_far.projected_charges);
  } else {
    out.null();
  }
  out.key("last_bill");
  if (so_far.last_bill) {
    out.begin_object().key("number").string(std::to_string(so_far.last_bill->number));
    out.key("charges");
    write_money(out, so_far.last_bill->charges);
    out.key("days").number(so_far.last_bill->days).end_object();
  } else {
    out.null();
  }
  out.key("services").begin_array();
  for (const billing::ServiceToDate& service : so_far.services) {
    out.begin_object().key("commodity").string(service.commodity);
    out.key("unit").string(service.unit).key("meter");
    if (service.meter.empty()) {
      out.null();
    } else {
      out.string(service.meter);
    }
    out.key("basis").string(basis_name(service.basis));
    out.key("usage").string(mdm::format_milli_units(service.usage_milli));
    out.key("estimated").boolean(service.estimated).key("charges");
    write_money(out, service.charges);
    write_optional_milli(out, "per_day", service.per_day_milli);
    write_optional_milli(out, "last_bill_per_day", service.last_bill_per_day_milli);
    out.key("change_percent");
    if (service.change_percent) {
      out.number(*service.change_percent);
    } else {
      out.null();
    }
    out.key("high_usage").boolean(service.high_usage).end_object();
  }
  out.end_array().key("high_usage").boolean(so_far.high_usage).key("problem");
  if (so_far.problem.empty()) {
    out.null();
  } else {
    out.string(so_far.problem);
  }
  out.end_object();
  return out.take();
}

}  // namespace

http::Response usage_to_date_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_account_access(context, request)) return *refused;
  auto number = account_number_param(request);
  if (!number.ok()) return http::problem_from_error(number.error());
  auto so_far = billing::period_to_date(context.database, *number, now());
  if (!so_far.ok()) return http::problem_from_error(so_far.error());
  return http::text_response(200, to_date_json(*so_far), "application/json");
}

http::Response usage_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_account_access(context, request)) return *refused;
  auto number = account_number_param(request);
  if (!number.ok()) return http::problem_from_error(number.error());
  auto zone = utility_zone(context);
  if (!zone.ok()) return http::problem_from_error(zone.error());
  auto query = parse_usage_query(request, *zone, *number);
  if (!query.ok()) return http::problem_from_error(query.error());
  auto usage = mdm::find_usage(context.database, *zone, *query);
  if (!usage.ok()) return http::problem_from_error(usage.error());
  return http::text_response(200, usage_json(*query, *zone, *usage), "application/json");
}

}  // namespace rp::api
