#include "accounts/service_start.h"

#include <set>

#include "accounts/account_events.h"
#include "accounts/search_index.h"
#include "core/time.h"

namespace rp::accounts {
namespace {

const std::set<std::string> kCommodities = {"electric", "water", "gas", "sewer"};

}  // namespace

Result<void> validate_meter(const NewMeter& meter, std::string_view field) {
  const std::string name(field);
  if (meter.serial.empty() || meter.serial.size() > 40) {
    return invalid_input(name + ".serial", "the meter's serial is 1 to 40 characters");
  }
  if (meter.kind != "ami" && meter.kind != "amr" && meter.kind != "manual") {
    return invalid_input(name + ".kind", "the meter's kind is ami, amr or manual");
  }
  static const std::set<std::string> units = {"kWh", "kW", "gal", "CCF", "therm"};
  static const std::set<int> intervals = {5, 15, 30, 60};
  for (const NewMeterChannel& channel : meter.channels) {
    if (channel.name.empty()) return invalid_input(name + ".channels", "a channel needs a name");
    if (!units.contains(channel.unit)) {
      return invalid_input(name + ".channels",
                           "unit '" + channel.unit + "' is not one of kWh, kW, gal, CCF, therm");
    }
    if (channel.interval_minutes && !intervals.contains(*channel.interval_minutes)) {
      return invalid_input(name + ".channels", "interval must be 5, 15, 30 or 60 minutes");
    }
  }
  return success();
}

namespace {

Result<void> validate_service(const NewService& service) {
  if (service.service_address.line1.empty() || service.service_address.zip.size() < 5) {
    return invalid_input("service_address", "a service address needs line1 and a ZIP code");
  }
  if (!kCommodities.contains(service.commodity)) {
    return invalid_input("commodity", "commodity must be electric, water, gas or sewer");
  }
  if (auto date = parse_local_date(service.start_date, "start_date"); !date.ok()) {
    return date.error();
  }
  if (service.meter) RP_TRY(validate_meter(*service.meter));
  return success();
}

Result<std::int64_t> single_id(Result<store::Rows> rows, const std::string& missing) {
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return not_found(missing);
  return rows->front().integer("id");
}

Result<std::int64_t> find_or_create_premise(store::Session& session, const Address& address) {
  auto found =
      session.query_named("accounts/find_premise", {address.line1, address.line2, address.zip});
  if (!found.ok()) return found.error();
  if (!found->empty()) return found->front().integer("id");
  return single_id(session.query_named("accounts/insert_premise",
                                       {address.line1, address.line2, address.city, address.state,
                                        address.zip, format_instant(now())}),
                   "premise");
}

}  // namespace

Result<void> install_meter(store::Session& session, const NewMeter& meter,
                           std::int64_t service_point_id, const std::string& installed_on) {
  RP_TRY(validate_meter(meter));
  auto meter_id = single_id(
      session.query_named("accounts/insert_meter", {meter.serial, service_point_id, meter.kind,
                                                    installed_on, format_instant(now())}),
      "meter");
  if (!meter_id.ok()) {
    if (meter_id.error().kind == ErrorKind::conflict) {
      Error taken = conflict("meter " + meter.serial + " is already installed");
      taken.field = "meter.serial";
      return taken;
    }
    return meter_id.error();
  }
  for (const NewMeterChannel& channel : meter.channels) {
    store::Value interval = channel.interval_minutes
                                ? store::Value{std::int64_t{*channel.interval_minutes}}
                                : store::Value{store::Null{}};
    RP_TRY(session.execute_named("accounts/insert_meter_channel",
                                 {*meter_id, channel.name, channel.unit, interval}));
  }
  return success();
}

namespace {

Result<std::int64_t> write_service(store::Session& session, const AccountNumber& number,
                                   const NewService& service, const std::string& actor) {
  auto account = session.query_named("accounts/account_id_and_status", {number.digits()});
  if (!account.ok()) return account.error();
  if (account->empty()) return not_found("no account has number " + number.digits());
  if (account->front().text("status") == "closed") {
    return conflict("account " + number.digits() +
                    " is closed; open a new account to start service");
  }
  std::int64_t account_id = account->front().integer("id");
  auto plan = session.query_named("accounts/find_rate_plan", {service.rate_plan_code});
  if (!plan.ok()) return plan.error();
  if (plan->empty() || plan->front().text("commodity") != service.commodity) {
    return invalid_input("rate_plan_code", "no " + service.commodity + " rate plan has code '" +
                                               service.rate_plan_code + "'");
  }
  auto premise_id = find_or_create_premise(session, service.service_address);
  if (!premise_id.ok()) return premise_id.error();
  auto point_id =
      single_id(session.query_named("accounts/insert_service_point",
                                    {*premise_id, service.commodity, format_instant(now())}),
                "service point");
  if (!point_id.ok()) return point_id.error();
  if (service.meter) RP_TRY(install_meter(session, *service.meter, *point_id, service.start_date));
  auto agreement_id =
      single_id(session.query_named("accounts/insert_agreement",
                                    {account_id, *point_id, plan->front().integer("id"),
                                     service.start_date, format_instant(now())}),
                "agreement");
  if (!agreement_id.ok()) return agreement_id.error();
  RP_TRY(index_accounts_of_holder(session, account_id));
  auto event = record_event(session, {.account_id = account_id,
                                      .kind = "service.started",
                                      .actor = actor,
                                      .summary = service.commodity + " service started at " +
                                                 service.service_address.line1});
  if (!event.ok()) return event.error();
  return *agreement_id;
}

}  // namespace

Result<void> define_rate_plan(store::Database& database, const RatePlanRef& plan,
                              const std::string& commodity) {
  if (plan.code.empty()) return invalid_input("code", "a rate plan needs a code");
  if (!kCommodities.contains(commodity)) {
    return invalid_input("commodity", "commodity must be electric, water, gas or sewer");
  }
  if (plan.customer_class != "residential" && plan.customer_class != "commercial" &&
      plan.customer_class != "industrial" && plan.customer_class != "other") {
    return invalid_input("customer_class",
                         "customer_class must be residential, commercial, industrial or other");
  }
  return database.write<void>([&](store::Session& session) -> Result<void> {
    RP_TRY(session.execute_named("accounts/upsert_rate_plan",
                                 {plan.code, plan.name, commodity, plan.customer_class}));
    return success();
  });
}

Result<std::int64_t> start_at_service_point(store::Session& session, std::int64_t account_id,
                                            std::int64_t service_point_id,
                                            std::int64_t rate_plan_id,
                                            const std::string& start_date,
                                            const std::string& actor) {
  auto day = parse_local_date(start_date, "start_date");
  RP_TRY(day);
  auto in_service =
      session.query_named("accounts/agreements_in_service_from", {service_point_id, start_date});
  RP_TRY(in_service);
  if (!in_service->empty()) {
    const bool own = in_service->front().integer("account_id") == account_id;
    return conflict(own ? "this account already has that service from " + start_date
                        : "service there is in another customer's name on " + start_date +
                              ": their move-out must come first")
        .coded("premise-served");
  }
  auto agreement_id = single_id(
      session.query_named("accounts/insert_agreement", {account_id, service_point_id, rate_plan_id,
                                                        start_date, format_instant(now())}),
      "agreement");
  RP_TRY(agreement_id);
  RP_TRY(index_accounts_of_holder(session, account_id));
  RP_TRY(record_event(session, {.account_id = account_id,
                                .kind = "service.started",
                                .actor = actor,
                                .summary = "Service starts on " + start_date}));
  return *agreement_id;
}

Result<std::int64_t> start_service(store::Database& database, const AccountNumber& account,
                                   const NewService& service, const std::string& actor) {
  RP_TRY(validate_service(service));
  return database.write<std::int64_t>(
      [&](store::Session& session) { return write_service(session, account, service, actor); });
}

}  // namespace rp::accounts
