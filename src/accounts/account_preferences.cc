#include "accounts/account_preferences.h"

#include <cctype>

#include "accounts/account_events.h"
#include "accounts/search_index.h"
#include "core/email_address.h"
#include "core/json_writer.h"

namespace rp::accounts {
namespace {

struct Loaded {
  std::int64_t account_id = 0;
  std::int64_t person_id = 0;
  AccountPreferences preferences;
};

Result<Loaded> load(store::Session& session, const AccountNumber& number) {
  auto rows = session.query_named("accounts/preferences_of_account", {number.digits()});
  RP_TRY(rows);
  if (rows->empty()) return not_found("no account has number " + number.digits());
  const store::Row& row = rows->at(0);
  Loaded loaded;
  loaded.account_id = row.integer("account_id");
  loaded.preferences.paperless = row.integer("paperless") == 1;
  loaded.person_id = row.integer("person_id");
  loaded.preferences.email = row.text("email");
  loaded.preferences.phone = row.text("phone");
  if (!row.is_null("installment_cents")) {
    loaded.preferences.budget =
        BudgetPlanSummary{Money::from_cents(row.integer("installment_cents")),
                          static_cast<int>(row.integer("true_up_month")), row.text("enrolled_on")};
  }
  return loaded;
}

}  // namespace

std::optional<std::string> us_phone_digits(const std::string& phone) {
  std::string digits;
  for (char c : phone) {
    if (std::isdigit(static_cast<unsigned char>(c))) {
      digits.push_back(c);
    } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')' && c != '+') {
      return std::nullopt;
    }
  }
  if (digits.size() == 11 && digits.front() == '1') digits.erase(digits.begin());
  if (digits.size() != 10 || digits[0] == '0' || digits[0] == '1') return std::nullopt;
  return digits;
}

Result<AccountPreferences> find_preferences(store::Database& database,
                                            const AccountNumber& number) {
  return database.read<AccountPreferences>(
      [&](store::Session& session) -> Result<AccountPreferences> {
        auto loaded = load(session, number);
        RP_TRY(loaded);
        return loaded->preferences;
      });
}

Result<AccountPreferences> change_preferences(store::Database& database,
                                              const AccountNumber& number,
                                              const PreferenceChange& change) {
  std::optional<std::string> email;
  if (change.email) {
    if (change.email->find_first_not_of(' ') == std::string::npos) {
      email = "";
    } else {
      auto normalized = normalize_email(*change.email);
      RP_TRY(normalized);
      email = *normalized;
    }
  }
  std::optional<std::string> phone;
  if (change.phone) {
    if (change.phone->find_first_not_of(' ') == std::string::npos) {
      phone = "";
    } else {
      phone = us_phone_digits(*change.phone);
      if (!phone) {
        return invalid_input("phone", "'" + *change.phone +
                                          "' is not a US phone number (10 digits, e.g. "
                                          "541-555-0134)")
            .coded("phone-invalid");
      }
    }
  }
  return database.write<AccountPreferences>([&](store::Session& session)
                                                -> Result<AccountPreferences> {
    auto loaded = load(session, number);
    RP_TRY(loaded);
    AccountPreferences next = loaded->preferences;
    if (change.paperless) next.paperless = *change.paperless;
    if (email) next.email = *email;
    if (phone) next.phone = *phone;
    if (next.paperless && next.email.empty()) {
      return invalid_input("paperless",
                           "paperless bills need an email address to send them to; add one first")
          .coded("paperless-needs-email");
    }
    std::string changed;
    auto note = [&](const std::string& what) { changed += (changed.empty() ? "" : ", ") + what; };
    // What changed, before and after (the audit trail keeps it with the event).
    JsonWriter details;
    details.begin_object();
    auto before_after = [&](const char* field, const std::string& before,
                            const std::string& after) {
      if (before == after) return;
      details.key(field).begin_object().key("before").string(before);
      details.key("after").string(after).end_object();
    };
    if (next.paperless != loaded->preferences.paperless) {
      details.key("paperless").begin_object().key("before").boolean(loaded->preferences.paperless);
      details.key("after").boolean(next.paperless).end_object();
    }
    before_after("email", loaded->preferences.email, next.email);
    before_after("phone", loaded->preferences.phone, next.phone);
    details.end_object();
    if (next.paperless != loaded->preferences.paperless) {
      note(next.paperless ? "paperless bills on" : "paper bills again");
      RP_TRY(session.execute_named("accounts/set_paperless",
                                   {std::int64_t{next.paperless ? 1 : 0}, loaded->account_id}));
    }
    if (next.email != loaded->preferences.email || next.phone != loaded->preferences.phone) {
      if (next.email != loaded->preferences.email) note("contact email");
      if (next.phone != loaded->preferences.phone) note("contact phone");
      RP_TRY(session.execute_named(
          "accounts/set_contact",
          {store::text_or_null(next.email), store::text_or_null(next.phone), loaded->person_id}));
      RP_TRY(index_accounts_of_holder(session, loaded->account_id));
    }
    if (!changed.empty()) {
      auto recorded =
          record_event(session, {loaded->account_id, "preferences.changed", change.actor,
                                 "Changed " + changed + ".", details.take()});
      RP_TRY(recorded);
    }
    return next;
  });
}

}  // namespace rp::accounts
