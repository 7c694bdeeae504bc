// Who may call which route: every route a staff credential reaches declares the permission it
// needs in the route table, and every shipped role is tried against every such route.

#include <gtest/gtest.h>

#include <map>

#include "accounts/testing/account_fixtures.h"
#include "api/testing/api_server.h"
#include "api/testing/staff_console.h"
#include "staff/api_keys.h"
#include "staff/permissions.h"
#include "store/testing/test_database.h"

namespace rp::api {
namespace {

using http::testing::ClientResponse;

// Routes a staff credential reaches. Signing in (/api/v1/staff/auth/...) and the signed-in
// user's own record (/api/v1/staff/me) are how a person gets a permission, so need none.
bool staff_side(const std::string& pattern) {
  if (pattern.starts_with("/api/v1/staff/auth/") || pattern == "/api/v1/staff/me") return false;
  return pattern.starts_with("/api/v1/staff/") || pattern.starts_with("/api/v1/accounts/") ||
         pattern == "/metrics";
}

// What only the customer does, whatever a staff credential holds: writing a message as the
// customer (staff answer from the inbox).
bool customer_only(const std::string& method, const std::string& pattern) {
  return method == "POST" && (pattern == "/api/v1/accounts/{number}/message-attachments" ||
                              pattern == "/api/v1/accounts/{number}/messages" ||
                              pattern == "/api/v1/accounts/{number}/messages/{id}/replies");
}

TEST(RouteAccess, EveryRouteStaffReachDeclaresAPermissionThatExists) {
  store::testing::TestDatabase test;
  testing::ApiServer api(test.database());
  int declared = 0;
  for (const http::Router::RouteAccess& route : api.router().access_table()) {
    if (!route.staff_permission.empty()) {
      ++declared;
      EXPECT_TRUE(staff::is_permission(route.staff_permission))
          << route.method << " " << route.pattern << " declares " << route.staff_permission;
    } else {
      EXPECT_FALSE(staff_side(route.pattern))
          << route.method << " " << route.pattern << " is a staff route declaring no permission";
    }
  }
  EXPECT_GT(declared, 50);
}

// The path of a route with its captures filled in: an account that exists, ids that may not.
std::string path_of(const std::string& pattern, const std::string& account) {
  std::string path;
  std::size_t at = 0;
  while (at < pattern.size()) {
    const auto open = pattern.find('{', at);
    if (open == std::string::npos) {
      path += pattern.substr(at);
      break;
    }
    const auto close = pattern.find('}', open);
    path += pattern.substr(at, open - at);
    const std::string name = pattern.substr(open + 1, close - open - 1);
    path += name == "number" ? account : name == "confirmation" ? "PAY-NONE" : "999999";
    at = close + 1;
  }
  return path;
}

// Each shipped role, as a console user and as an API key, against each route that declares a
// permission: without it, 403 naming the permission; with it, the request is let through
// (whatever the handler then answers). Changing roles is a person's act: a key is refused it
// whatever its permissions (403 staff-user-required).
TEST(RouteAccess, EveryShippedRoleAgainstEveryStaffRouteAsAPersonAndAsAKey) {
  store::testing::TestDatabase test;
  const AccountNumber account = accounts::testing::open_sample_account(test.database());
  testing::ApiServer api(test.database());
  testing::StaffConsoles consoles(test, api);
  struct Caller {
    std::string role;
    bool person;
    testing::ApiServer::Headers headers;
  };
  std::vector<Caller> callers;
  for (const staff::ShippedRole& role : staff::shipped_roles()) {
    const std::string name(role.name);
    callers.push_back({name, false, testing::ApiServer::as_key(api.make_key(name, {name}))});
    const testing::Console console = consoles.enrol(name + "@utility.example", name);
    callers.push_back({name, true, console.writing()});
  }
  int refused = 0;
  int allowed = 0;
  for (const http::Router::RouteAccess& route : api.router().access_table()) {
    if (route.staff_permission.empty()) continue;
    for (const Caller& caller : callers) {
      const auto permissions = staff::permissions_of(std::vector<std::string>{caller.role});
      const bool may =
          std::binary_search(permissions.begin(), permissions.end(), route.staff_permission);
      auto headers = caller.headers;
      headers.emplace_back("Idempotency-Key", "matrix-" + caller.role);
      ClientResponse answer =
          api.send(route.method, path_of(route.pattern, account.digits()), headers, "{}");
      const std::string where = caller.role + (caller.person ? " (console) " : " (key) ") +
                                route.method + " " + route.pattern;
      if (may && !caller.person && route.pattern == "/api/v1/staff/users/{id}/roles") {
        EXPECT_EQ(answer.status, 403) << where;
        EXPECT_EQ(answer.json()["code"], "staff-user-required") << where;
      } else if (may && customer_only(route.method, route.pattern)) {
        EXPECT_EQ(answer.status, 403) << where;
        EXPECT_EQ(answer.json()["code"], "customer-only") << where;
      } else if (may) {
        ++allowed;
        EXPECT_NE(answer.status, 401) << where << ": " << answer.body;
        EXPECT_NE(answer.status, 403) << where << ": " << answer.body;
      } else {
        ++refused;
        ASSERT_EQ(answer.status, 403) << where << ": " << answer.body;
        EXPECT_EQ(answer.json()["code"], "permission-required") << where;
        EXPECT_NE(answer.json()["detail"].get<std::string>().find(route.staff_permission),
                  std::string::npos)
            << where << ": " << answer.body;
      }
    }
  }
  EXPECT_GT(refused, 200);
  EXPECT_GT(allowed, 200);
}

TEST(RouteAccess, NoKeyARevokedKeyOrACustomersCookieAloneIsNotStaff) {
  store::testing::TestDatabase test;
  const AccountNumber account = accounts::testing::open_sample_account(test.database());
  testing::ApiServer api(test.database());
  const std::string target = "/api/v1/staff/accounts/" + account.digits();
  EXPECT_EQ(api.send("GET", target, {}).status, 401);
  EXPECT_EQ(api.send("GET", target, testing::ApiServer::as_key("staff-secret-token")).status, 401);
  const std::string key = api.make_key("temporary", {}, {"accounts.read"});
  EXPECT_EQ(api.send("GET", target, testing::ApiServer::as_key(key)).status, 200);
  auto revoked = test->write_work([](store::Session& session) -> Result<void> {
    auto id = session.query("SELECT id FROM api_keys WHERE name = 'temporary'");
    RP_TRY(id);
    return staff::revoke_api_key(session, id->at(0).integer(0), "staff:1");
  });
  ASSERT_TRUE(revoked.ok());
  ClientResponse gone = api.send("GET", target, testing::ApiServer::as_key(key));
  EXPECT_EQ(gone.status, 401);
  EXPECT_NE(gone.body.find("not in use"), std::string::npos) << gone.body;
}

}  // namespace
}  // namespace rp::api
