// Opening an account: validation, then person + account + event in one transaction.

#include <algorithm>
#include <array>
#include <regex>

#include "accounts/account_events.h"
#include "accounts/account_service.h"
#include "accounts/search_index.h"
#include "core/time.h"

namespace rp::accounts {
namespace {

Result<void> require_text(const std::string& value, const char* field, std::size_t max_length) {
  if (value.empty()) return invalid_input(field, std::string(field) + " is required");
  if (value.size() > max_length) {
    return invalid_input(field, std::string(field) + " is longer than " +
                                    std::to_string(max_length) + " characters");
  }
  return success();
}

Result<void> validate_person(const Person& person) {
  RP_TRY(require_text(person.name, "customer.name", 200));
  static const std::regex email(R"([^@\s]+@[^@\s]+\.[^@\s]+)");
  if (!person.email.empty() && !std::regex_match(person.email, email)) {
    return invalid_input("customer.email",
                         "customer.email '" + person.email + "' is not an email address");
  }
  static const std::regex e164(R"(\+[1-9][0-9]{7,14})");
  if (!person.phone.empty() && !std::regex_match(person.phone, e164)) {
    return invalid_input("customer.phone",
                         "customer.phone must be in international form, e.g. +15415550100");
  }
  return success();
}

Result<std::int64_t> insert_person(store::Session& session, const Person& person) {
  auto rows = session.query_named("accounts/insert_person",
                                  {person.name, store::text_or_null(person.email),
                                   store::text_or_null(person.phone), format_instant(now())});
  if (!rows.ok()) return rows.error();
  return rows->at(0).integer("id");
}

Result<AccountNumber> next_account_number(store::Session& session) {
  RP_TRY(session.execute_named("accounts/ensure_account_sequence"));
  auto rows = session.query_named("accounts/next_account_sequence");
  if (!rows.ok()) return rows.error();
  std::int64_t sequence = rows->at(0).integer("account_sequence");
  if (sequence <= 0 || sequence >= AccountNumber::kSequenceLimit) {
    return overflow("the account number sequence is exhausted");
  }
  return AccountNumber::from_sequence(static_cast<std::uint32_t>(sequence));
}

}  // namespace

Result<AccountNumber> open_account_in(store::Session& session, const NewAccount& account,
                                      const std::string& actor, bool pending) {
  auto person_id = insert_person(session, account.customer);
  if (!person_id.ok()) return person_id.error();
  auto number = next_account_number(session);
  if (!number.ok()) return number.error();
  const Address& mail = account.mailing_address;
  auto rows = session.query_named(
      "accounts/insert_account",
      {number->digits(), *person_id, std::string(pending ? "pending" : "active"),
       std::int64_t{account.bill_cycle}, mail.line1, mail.line2, mail.city, mail.state, mail.zip,
       account.language, account.opened_on, format_instant(now())});
  if (!rows.ok()) return rows.error();
  RP_TRY(index_accounts_of_holder(session, rows->at(0).integer("id")));
  auto event = record_event(
      session, {.account_id = rows->at(0).integer("id"),
                .kind = "account.opened",
                .actor = actor,
                .summary = pending ? "Application for service from " + account.customer.name
                                   : "Account opened for " + account.customer.name});
  if (!event.ok()) return event.error();
  return *number;
}

Result<void> validate_mailing_address(const Address& address) {
  RP_TRY(require_text(address.line1, "mailing_address.line1", 200));
  if (address.line2.size() > 200) {
    return invalid_input("mailing_address.line2",
                         "mailing_address.line2 is longer than 200 characters");
  }
  RP_TRY(require_text(address.city, "mailing_address.city", 100));
  // The USPS codes: the states, DC, the territories and the military post offices.
  static constexpr std::array<std::string_view, 62> kStates{
      "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL",
      "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT",
      "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI",
      "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC", "PR",
      "VI", "GU", "AS", "MP", "AA", "AE", "AP", "FM", "MH", "PW"};
  if (std::find(kStates.begin(), kStates.end(), address.state) == kStates.end()) {
    return invalid_input(
        "mailing_address.state",
        "mailing_address.state must be a US state's two-letter code such as OR ('" +
            address.state.substr(0, 20) + "' is not one)");
  }
  static const std::regex zip(R"([0-9]{5}(-[0-9]{4})?)");
  if (!std::regex_match(address.zip, zip)) {
    return invalid_input("mailing_address.zip",
                         "mailing_address.zip must be a ZIP code such as 97401 or 97401-1234");
  }
  return success();
}

Result<void> validate_new_account(const NewAccount& account) {
  RP_TRY(validate_person(account.customer));
  RP_TRY(validate_mailing_address(account.mailing_address));
  if (account.language != "en" && account.language != "es") {
    return invalid_input("language", "language must be en or es");
  }
  if (account.bill_cycle < 1 || account.bill_cycle > 20) {
    return invalid_input("bill_cycle", "bill_cycle must be between 1 and 20");
  }
  if (auto date = parse_local_date(account.opened_on, "opened_on"); !date.ok()) {
    return date.error();
  }
  return success();
}

Result<AccountNumber> open_account(store::Database& database, const NewAccount& account,
                                   const std::string& actor) {
  RP_TRY(validate_new_account(account));
  return database.write<AccountNumber>(
      [&](store::Session& session) { return open_account_in(session, account, actor, false); });
}

}  // namespace rp::accounts
