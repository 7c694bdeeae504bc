#include "accounts/mailing_address.h"

#include "accounts/account_events.h"
#include "accounts/account_service.h"
#include "accounts/search_index.h"
#include "core/json_writer.h"
#include "notify/email.h"
#include "notify/letters.h"
#include "store/utility_settings.h"

namespace rp::accounts {
namespace {

std::string one_line(const Address& a) {
  return a.line1 + (a.line2.empty() ? "" : ", " + a.line2) + ", " + a.city + ", " + a.state + " " +
         a.zip;
}

std::string envelope(const Address& a) {
  return a.line1 + (a.line2.empty() ? "" : "\n" + a.line2) + "\n" + a.city + ", " + a.state + " " +
         a.zip;
}

void write_address(JsonWriter& out, const Address& a) {
  out.begin_object().key("line1").string(a.line1).key("line2").string(a.line2);
  out.key("city").string(a.city).key("state").string(a.state).key("zip").string(a.zip);
  out.end_object();
}

// What the customer is told, in their language: where mail goes now, and what to do if they did
// not ask for it.
std::string notice_text(bool spanish, const std::string& utility, const std::string& masked_number,
                        const Address& after) {
  if (spanish) {
    return "La dirección postal de su cuenta " + masked_number + " se cambió a:\n\n" +
           envelope(after) +
           "\n\nDesde ahora enviaremos allí sus facturas y cartas. Si usted no pidió este cambio, "
           "llámenos de inmediato.\n\n" +
           utility + "\n";
  }
  return "The mailing address of your account " + masked_number + " was changed to:\n\n" +
         envelope(after) +
         "\n\nYour bills and letters will be mailed there from now on. If you did not ask for this "
         "change, call us right away.\n\n" +
         utility + "\n";
}

}  // namespace

Result<MailingAddressChanged> change_mailing_address_in(store::Session& session,
                                                        const AccountNumber& number,
                                                        const MailingAddressChange& change) {
  RP_TRY(validate_mailing_address(change.address));
  auto rows = session.query_named("accounts/mailing_facts", {number.digits()});
  RP_TRY(rows);
  if (rows->empty()) return not_found("no account has number " + number.digits());
  const store::Row& row = rows->at(0);
  const std::int64_t account_id = row.integer("id");
  MailingAddressChanged outcome{
      .before = Address{row.text("mail_line1"), row.text("mail_line2"), row.text("mail_city"),
                        row.text("mail_state"), row.text("mail_zip")},
      .after = change.address};
  const Address& a = change.address;
  if (outcome.before.line1 == a.line1 && outcome.before.line2 == a.line2 &&
      outcome.before.city == a.city && outcome.before.state == a.state &&
      outcome.before.zip == a.zip) {
    return outcome;
  }
  outcome.changed = true;
  RP_TRY(session.execute_named("accounts/set_mailing_address",
                               {a.line1, a.line2, a.city, a.state, a.zip, account_id}));
  RP_TRY(index_accounts_of_holder(session, account_id));
  JsonWriter details;
  details.begin_object().key("before");
  write_address(details, outcome.before);
  details.key("after");
  write_address(details, a);
  auto utility = store::utility_name(session);
  RP_TRY(utility);
  const bool spanish = row.text("language") == "es";
  const std::string masked = "*" + number.digits().substr(number.digits().size() - 4);
  const std::string text = notice_text(spanish, *utility, masked, a);
  const std::string email = row.text("email");
  if (!email.empty()) {
    RP_TRY(notify::queue_email(
        session, {email,
                  spanish ? "Cambió la dirección postal de su cuenta de " + *utility
                          : "The mailing address of your " + *utility + " account changed",
                  text}));
    outcome.notified = "email";
  } else {
    RP_TRY(
        notify::queue_letter(session, {0, account_id, "mailing-address-changed", row.text("name"),
                                       envelope(outcome.before), row.text("language"), text, ""}));
    outcome.notified = "letter";
  }
  details.key("notified").string(outcome.notified).end_object();
  RP_TRY(record_event(
      session, {.account_id = account_id,
                .kind = "mailing_address.changed",
                .actor = change.actor,
                .summary = "Mailing address changed from " + one_line(outcome.before) + " to " +
                           one_line(a) + "; the customer was told by " + outcome.notified,
                .details_json = details.take()}));
  return outcome;
}

Result<MailingAddressChanged> change_mailing_address(store::Database& database,
                                                     const AccountNumber& number,
                                                     const MailingAddressChange& change) {
  RP_TRY(validate_mailing_address(change.address));
  return database.write<MailingAddressChanged>(
      [&](store::Session& session) { return change_mailing_address_in(session, number, change); });
}

}  // namespace rp::accounts
