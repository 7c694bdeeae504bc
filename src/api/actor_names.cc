#include "api/actor_names.h"

#include <optional>

namespace rp::api {
namespace {

struct Split {
  std::string kind;
  std::string rest;
};

Split split(const std::string& actor) {
  const auto colon = actor.find(':');
  if (colon == std::string::npos) return {actor, ""};
  return {actor.substr(0, colon), actor.substr(colon + 1)};
}

std::optional<std::int64_t> id_of(const std::string& text) {
  if (text.empty() || text.size() > 18 ||
      text.find_first_not_of("0123456789") != std::string::npos) {
    return std::nullopt;
  }
  return std::stoll(text);
}

std::string named(const std::map<std::int64_t, std::string>& names, const std::string& id) {
  auto number = id_of(id);
  if (!number) return "";
  auto found = names.find(*number);
  return found == names.end() ? "" : found->second;
}

}  // namespace

Result<ActorNames> ActorNames::load(store::Session& session,
                                    const std::vector<std::string>& actors) {
  ActorNames names;
  auto staff = session.query_named("api/staff_names");
  RP_TRY(staff);
  for (const store::Row& row : *staff) names.staff_[row.integer("id")] = row.text("name");
  auto keys = session.query_named("api/api_key_names");
  RP_TRY(keys);
  for (const store::Row& row : *keys) names.keys_[row.integer("id")] = row.text("name");
  for (const std::string& actor : actors) {
    Split parts = split(actor);
    auto id = id_of(parts.rest);
    if (parts.kind != "customer" || !id || names.customers_.count(*id) != 0) continue;
    auto email = session.query_named("api/customer_login_email", {*id});
    RP_TRY(email);
    names.customers_[*id] = email->empty() ? "" : email->at(0).text("email");
  }
  return names;
}

std::string ActorNames::of(const std::string& actor) const {
  Split parts = split(actor);
  if (parts.kind == "staff") {
    std::string name = named(staff_, parts.rest);
    return name.empty() ? "Staff user " + parts.rest : name;
  }
  if (parts.kind == "api_key") {
    std::string name = named(keys_, parts.rest);
    return name.empty() ? "API key " + parts.rest : "API key '" + name + "'";
  }
  if (parts.kind == "customer") {
    std::string email = named(customers_, parts.rest);
    return email.empty() ? "Customer login " + parts.rest : "Customer (" + email + ")";
  }
  if (parts.kind == "system") return "System (" + parts.rest + ")";
  if (actor == "anonymous") return "Anonymous";
  return "System (" + actor + ")";
}

std::string ActorNames::kind_of(const std::string& actor) {
  std::string kind = split(actor).kind;
  if (kind == "staff" || kind == "api_key" || kind == "customer") return kind;
  return "system";
}

}  // namespace rp::api
