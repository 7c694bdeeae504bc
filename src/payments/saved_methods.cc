#include "payments/saved_methods.h"

#include "accounts/account_service.h"
#include "core/assert.h"
#include "core/time.h"

namespace rp::payments {
namespace {

using store::Session;

Result<std::vector<std::pair<SavedMethod, std::string>>> read_methods(Session& session,
                                                                      const AccountNumber& account,
                                                                      const std::string& actor) {
  const std::string viewer = method_viewer(actor);
  auto rows =
      session.query_named("payments/saved_methods_of_account", {account.digits(), viewer, viewer});
  RP_TRY(rows);
  std::vector<std::pair<SavedMethod, std::string>> methods;
  for (const store::Row& row : *rows) {
    methods.push_back({SavedMethod{row.integer("id"), row.text("method"), row.text("label"),
                                   row.integer("is_default") != 0, row.text("created_at")},
                       row.text("token")});
  }
  return methods;
}

}  // namespace

std::string method_viewer(const std::string& actor) {
  return actor.starts_with("customer:") ? actor : std::string();
}

Result<SavedMethod> save_payment_method(store::Database& database, PaymentProcessor& processor,
                                        const AccountNumber& account, const std::string& token,
                                        bool make_default, const std::string& owner) {
  RP_ASSERT(!owner.empty(), "a saved method has an owner");
  auto info = processor.describe(token);
  RP_TRY(info);
  return database.write<SavedMethod>([&](Session& session) -> Result<SavedMethod> {
    auto found = accounts::find_account_key(session, account);
    RP_TRY(found);
    const std::int64_t account_id = found->id;
    auto saved = session.query_named("payments/count_saved_methods", {account_id, owner});
    RP_TRY(saved);
    const std::int64_t count = saved->at(0).integer("saved_methods");
    if (count >= static_cast<std::int64_t>(kMostSavedMethods)) {
      return invalid_input("payment_method", "you can keep at most " +
                                                 std::to_string(kMostSavedMethods) +
                                                 " payment methods on an account: remove one first")
          .coded("payment-methods-full");
    }
    const bool as_default = make_default || count == 0;
    if (as_default) {
      RP_TRY(session.execute_named("payments/clear_default_method", {account_id, owner}));
    }
    const std::string at = format_instant(now());
    auto inserted = session.query_named("payments/insert_saved_method",
                                        {account_id, token, info->method, info->label,
                                         std::int64_t{as_default ? 1 : 0}, at, owner});
    RP_TRY(inserted);
    return SavedMethod{inserted->at(0).integer("id"), info->method, info->label, as_default, at};
  });
}

Result<std::vector<SavedMethod>> saved_payment_methods(store::Database& database,
                                                       const AccountNumber& account,
                                                       const std::string& actor) {
  return database.read<std::vector<SavedMethod>>(
      [&](Session& session) -> Result<std::vector<SavedMethod>> {
        auto methods = read_methods(session, account, actor);
        RP_TRY(methods);
        std::vector<SavedMethod> out;
        for (auto& [method, token] : *methods) out.push_back(method);
        return out;
      });
}

Result<std::string> saved_method_token(store::Database& database, const AccountNumber& account,
                                       std::int64_t id, const std::string& actor) {
  return database.read<std::string>([&](Session& session) -> Result<std::string> {
    auto methods = read_methods(session, account, actor);
    RP_TRY(methods);
    for (auto& [method, token] : *methods) {
      if (method.id == id) return token;
    }
    return not_found("account " + account.formatted() + " has no saved payment method " +
                     std::to_string(id))
        .coded("payment-method-not-found");
  });
}

Result<void> remove_payment_method(store::Database& database, const AccountNumber& account,
                                   std::int64_t id, const std::string& actor) {
  const std::string viewer = method_viewer(actor);
  return database.write_work([&](Session& session) -> Result<void> {
    auto removed =
        session.execute_named("payments/remove_saved_method",
                              {format_instant(now()), id, account.digits(), viewer, viewer});
    RP_TRY(removed);
    if (*removed != 1) {
      return not_found("account " + account.formatted() + " has no saved payment method " +
                       std::to_string(id))
          .coded("payment-method-not-found");
    }
    return success();
  });
}

}  // namespace rp::payments
