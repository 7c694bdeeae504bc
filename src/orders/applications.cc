#include "orders/applications.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <regex>

#include "accounts/account_service.h"
#include "accounts/service_start.h"
#include "core/secret_token.h"
#include "orders/order_writes.h"
#include "orders/premise_services.h"
#include "store/utility_settings.h"

namespace rp::orders {
namespace {

using store::Row;
using store::Session;

constexpr std::size_t kMostPremises = 10;

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// `text` for a LIKE pattern, its wildcards taken literally.
std::string like_escaped(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

std::string trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

Result<std::multimap<std::string, RatePlanChoice>> residential_plans(Session& session) {
  auto rows = session.query_named("orders/residential_plans");
  RP_TRY(rows);
  std::multimap<std::string, RatePlanChoice> plans;
  for (const Row& row : *rows) {
    plans.emplace(row.text("commodity"), RatePlanChoice{row.text("code"), row.text("name")});
  }
  return plans;
}

std::vector<RatePlanChoice> plans_for(const std::multimap<std::string, RatePlanChoice>& plans,
                                      const std::string& commodity) {
  std::vector<RatePlanChoice> out;
  auto [begin, end] = plans.equal_range(commodity);
  for (auto it = begin; it != end; ++it) out.push_back(it->second);
  return out;
}

// The newest point of each commodity wins (older ones are history).
void add_point(std::vector<PremiseService>& services, const std::string& commodity,
               std::int64_t point, const std::multimap<std::string, RatePlanChoice>& plans) {
  for (PremiseService& service : services) {
    if (service.commodity == commodity) {
      service.service_point_id = std::max(service.service_point_id, point);
      return;
    }
  }
  services.push_back({commodity, point, plans_for(plans, commodity)});
}

Result<LocalDate> utility_today(Session& session) {
  auto zone = store::utility_zone(session);
  RP_TRY(zone);
  return zone->local_date(now());
}

Result<void> check_start_date(Session& session, const std::string& start_date) {
  auto day = parse_local_date(start_date, "start_date");
  RP_TRY(day);
  auto today = utility_today(session);
  RP_TRY(today);
  auto past = store::whole_number_setting(session, "service_date_past_days");
  RP_TRY(past);
  const int back = static_cast<int>(past->value_or(kServiceDatePastDays));
  if (date::sys_days(*day) < date::sys_days(plus_days(*today, -back))) {
    return invalid_input("start_date", "the start day " + start_date + " is more than " +
                                           std::to_string(back) +
                                           " days ago; call us to start service further back");
  }
  if (date::sys_days(*day) > date::sys_days(plus_days(*today, kLongestNoticeDays))) {
    return invalid_input("start_date", "the start day can be at most " +
                                           std::to_string(kLongestNoticeDays) + " days from today");
  }
  return success();
}

Result<void> check_identity(Session& session, const Application& application) {
  auto birth_needed = store::whole_number_setting(session, "start_requires_birth_date");
  RP_TRY(birth_needed);
  auto id_needed = store::whole_number_setting(session, "start_requires_id_last4");
  RP_TRY(id_needed);
  if (application.birth_date.empty()) {
    if (birth_needed->value_or(0) == 1) {
      return invalid_input("birth_date", "say your date of birth");
    }
  } else {
    auto born = parse_local_date(application.birth_date, "birth_date");
    RP_TRY(born);
    auto today = utility_today(session);
    RP_TRY(today);
    if (date::sys_days(*born) >= date::sys_days(*today)) {
      return invalid_input("birth_date", "a date of birth is before today");
    }
  }
  static const std::regex kFourDigits("[0-9]{4}");
  if (application.id_last4.empty()) {
    if (id_needed->value_or(0) == 1) {
      return invalid_input("id_last4", "say the last four digits of your Social Security number");
    }
  } else if (!std::regex_match(application.id_last4, kFourDigits)) {
    return invalid_input("id_last4",
                         "only the last four digits, never the whole number (for example 1234)");
  }
  return success();
}

std::string application_digest(const Application& a) {
  std::string text = std::to_string(a.premise_id) + "\n" + a.start_date + "\n" + a.customer.name +
                     "\n" + a.customer.email + "\n" + a.customer.phone;
  for (const ChosenService& service : a.services) {
    text += "\n" + std::to_string(service.service_point_id) + ":" + service.rate_plan_code;
  }
  return token_digest(text);
}

Result<int> premise_cycle(Session& session, std::int64_t premise_id) {
  auto rows = session.query_named("orders/premise_cycle", {premise_id});
  RP_TRY(rows);
  return rows->empty() ? 1 : static_cast<int>(rows->at(0).integer("bill_cycle"));
}

}  // namespace

Result<std::vector<PremiseMatch>> find_premises(store::Database& database, const std::string& line1,
                                                const std::string& zip) {
  const std::string start = lower(trimmed(line1));
  if (start.size() < 3) {
    return invalid_input("address", "type at least the house number and the start of the street");
  }
  static const std::regex kZip("[0-9]{5}");
  if (!zip.empty() && !std::regex_match(zip, kZip)) {
    return invalid_input("zip", "a ZIP code is 5 digits");
  }
  return database.read<std::vector<PremiseMatch>>([&](Session& session)
                                                      -> Result<std::vector<PremiseMatch>> {
    auto plans = residential_plans(session);
    RP_TRY(plans);
    auto rows = session.query_named("orders/find_premises", {like_escaped(start) + "%", zip, zip});
    RP_TRY(rows);
    std::vector<PremiseMatch> matches;
    for (const Row& row : *rows) {
      if (matches.empty() || matches.back().id != row.integer("id")) {
        if (matches.size() == kMostPremises) break;
        matches.push_back({row.integer("id"),
                           {row.text("line1"), row.text("line2"), row.text("city"),
                            row.text("state"), row.text("zip")},
                           {}});
      }
      add_point(matches.back().services, row.text("commodity"), row.integer("service_point_id"),
                *plans);
    }
    return matches;
  });
}

Result<Applied> apply_for_service(store::Database& database, const Application& application,
                                  const std::string& idempotency_key, const std::string& actor) {
  accounts::NewAccount account;
  account.customer = application.customer;
  account.language = application.language;
  const std::string digest = application_digest(application);
  return database.write<Applied>([&](Session& session) -> Result<Applied> {
    auto earlier = session.query_named("orders/application_by_key", {idempotency_key});
    RP_TRY(earlier);
    if (!earlier->empty()) {
      if (earlier->at(0).text("request_digest") != digest) {
        return invalid_input("idempotency_key",
                             "this Idempotency-Key was used for a different application");
      }
      auto number = AccountNumber::parse(earlier->at(0).text("account_number"));
      RP_TRY(number);
      auto order =
          read_order(session, earlier->at(0).integer("account_id"), earlier->at(0).integer("id"));
      RP_TRY(order);
      order->replayed = true;
      return Applied{*number, std::move(*order)};
    }
    if (actor.starts_with("public:")) {
      auto made = session.query_named("orders/applications_from",
                                      {actor, format_instant(now() - std::chrono::hours(1))});
      RP_TRY(made);
      if (made->at(0).integer("made") >= kApplicationsPerHour) {
        return throttled("too many applications from this connection; try again in an hour", 3600);
      }
    }
    auto premise = read_premise(session, application.premise_id);
    RP_TRY(premise);
    RP_TRY(check_start_date(session, application.start_date));
    auto chosen = chosen_services(session, *premise, application.services);
    RP_TRY(chosen);
    RP_TRY(check_identity(session, application));
    account.mailing_address = application.mailing_address.value_or(premise->address);
    auto today = utility_today(session);
    RP_TRY(today);
    account.opened_on = format_local_date(*today);
    auto cycle = premise_cycle(session, application.premise_id);
    RP_TRY(cycle);
    account.bill_cycle = *cycle;
    RP_TRY(accounts::validate_new_account(account));
    // Refused now rather than at activation: a move-in over someone still in service there.
    RP_TRY(require_free_from(session, *premise, *chosen, application.start_date));
    auto number = accounts::open_account_in(session, account, actor, /*pending=*/true);
    RP_TRY(number);
    auto ids = session.query_named("accounts/account_id_and_status", {number->digits()});
    RP_TRY(ids);
    const std::int64_t account_id = ids->at(0).integer("id");
    RP_TRY(session.execute_named("orders/set_person_identity",
                                 {store::text_or_null(application.birth_date),
                                  store::text_or_null(application.id_last4), account_id}));
    if (application.paperless) {
      RP_TRY(session.execute("UPDATE accounts SET paperless = 1 WHERE id = :id", {account_id}));
    }
    NewOrder order;
    order.kind = OrderKind::start_service;
    order.needs_visit = true;  // decided at activation, from the meters
    order.service_date = application.start_date;
    order.premise_id = application.premise_id;
    order.details = "Start service at " + premise->address.line1 +
                    (premise->address.line2.empty() ? "" : " " + premise->address.line2);
    auto created = insert_order(session, account_id, order, idempotency_key, actor);
    RP_TRY(created);
    RP_TRY(session.execute("UPDATE service_orders SET request_digest = :digest WHERE id = :id",
                           {digest, created->id}));
    for (const auto& [point, plan] : *chosen) {
      RP_TRY(session.execute_named("orders/insert_order_service", {created->id, point, plan}));
    }
    return Applied{*number, std::move(*created)};
  });
}

Result<ServiceOrder> activate_application(store::Database& database, std::int64_t order_id,
                                          const Activation& activation, const std::string& actor) {
  if (activation.bill_cycle < 0 || activation.bill_cycle > 20) {
    return invalid_input("bill_cycle", "bill_cycle is 1 to 20");
  }
  bool needs_visit = false;
  std::string account_number;
  auto activated = database.write<ServiceOrder>([&](Session& session) -> Result<ServiceOrder> {
    auto facts = session.query_named("orders/application_facts", {order_id});
    RP_TRY(facts);
    if (facts->empty()) return not_found("no order " + order_number(order_id));
    const Row& row = facts->at(0);
    const std::int64_t account_id = row.integer("account_id");
    account_number = row.text("account_number");
    if (row.text("kind") != "start_service" || row.text("status") != "received" ||
        row.text("account_status") != "pending") {
      return conflict("order " + order_number(order_id) +
                      " is not an application waiting to be activated");
    }
    const int cycle =
        activation.bill_cycle ? activation.bill_cycle : static_cast<int>(row.integer("bill_cycle"));
    RP_TRY(session.execute_named("orders/activate_account", {std::int64_t{cycle}, account_id}));
    auto services = session.query_named("orders/order_services", {order_id});
    RP_TRY(services);
    const std::string start_date = row.text("service_date");
    for (const Row& service : *services) {
      RP_TRY(accounts::start_at_service_point(session, account_id,
                                              service.integer("service_point_id"),
                                              service.integer("rate_plan_id"), start_date, actor));
      const bool automatic = !service.is_null("meter_kind") && service.text("meter_kind") == "ami";
      needs_visit = needs_visit || !automatic;
    }
    RP_TRY(session.execute_named("orders/set_order_visit",
                                 {std::int64_t{needs_visit ? 1 : 0}, order_id}));
    return read_order(session, account_id, order_id);
  });
  RP_TRY(activated);
  if (needs_visit) return activated;
  // Every meter is read automatically: the start read comes from its data, nobody goes out.
  auto number = AccountNumber::parse(account_number);
  RP_TRY(number);
  MoveRequest complete;
  complete.action = OrderAction::complete;
  complete.actor_kind = Actor::system;
  return move_order(database, *number, order_id, complete, actor);
}

}  // namespace rp::orders
