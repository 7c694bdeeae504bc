#include "billing/bill_notices.h"

#include <nlohmann/json.hpp>

#include <array>

#include "accounts/account_events.h"
#include "core/money.h"
#include "core/time.h"
#include "notify/email.h"
#include "notify/notice_format.h"
#include "store/utility_settings.h"

namespace rp::billing {
namespace {

using store::Session;

struct NoticeBill {
  std::string number;
  std::string account_number;
  Money amount_due;
  LocalDate due_date;
  LocalDate period_start;
  LocalDate period_end;  // first day not billed
};

// The copy a customer asked for, in the account's language.
notify::EmailMessage copy_of(const NoticeBill& bill, const std::string& to,
                             const std::string& language, const BillNoticeSettings& settings,
                             const std::string& utility) {
  const bool spanish = language == "es";
  const std::string link = settings.public_url + "/bills/" + bill.number;
  const LocalDate last_day(date::sys_days(bill.period_end) - date::days(1));
  const std::string period = notify::long_date(bill.period_start, language) +
                             (spanish ? " al " : " to ") + notify::long_date(last_day, language);
  const std::string due = notify::long_date(bill.due_date, language);
  const std::string masked = notify::masked_account(bill.account_number);
  if (spanish) {
    return {.to = to,
            .subject = "Su factura de " + utility + " está lista",
            .body = "Su factura " + bill.number + " de la cuenta " + masked + " (" + period +
                    ") está lista.\n\nImporte a pagar: " + notify::dollars(bill.amount_due) +
                    "\nFecha de vencimiento: " + due + "\n\nVéala y páguela en línea:\n" + link +
                    "\n\nRecibe este correo porque pidió a servicio al cliente una copia de su "
                    "factura.\n\n" +
                    utility + "\n"};
  }
  return {.to = to,
          .subject = "Your " + utility + " bill is ready",
          .body = "Your bill " + bill.number + " for account " + masked + " (" + period +
                  ") is ready.\n\nAmount due: " + notify::dollars(bill.amount_due) +
                  "\nDue date: " + due + "\n\nView and pay it online:\n" + link +
                  "\n\nYou get this email because you asked customer service for a copy of your "
                  "bill.\n\n" +
                  utility + "\n"};
}

Result<std::optional<NoticeBill>> bill_for_notice(Session& session, std::int64_t number,
                                                  const std::string& account_number) {
  auto rows = session.query_named("billing/bill_for_notice", {number});
  RP_TRY(rows);
  if (rows->empty()) return std::optional<NoticeBill>{};  // cancelled since
  const store::Row& row = rows->at(0);
  auto due = parse_local_date(row.text("due_date"), "due_date");
  auto start = parse_local_date(row.text("period_start"), "period_start");
  auto end = parse_local_date(row.text("period_end"), "period_end");
  RP_TRY(due);
  RP_TRY(start);
  RP_TRY(end);
  return std::optional<NoticeBill>{NoticeBill{std::to_string(number), account_number,
                                              Money::from_cents(row.integer("amount_due_cents")),
                                              *due, *start, *end}};
}

}  // namespace

Result<BillResent> resend_bill(store::Database& database, const BillNoticeSettings& settings,
                               const BillResend& request) {
  return database.write<BillResent>([&](Session& session) -> Result<BillResent> {
    auto facts = session.query_named("billing/resend_facts",
                                     {request.bill_number, request.account.digits()});
    RP_TRY(facts);
    if (facts->empty()) return not_found("no account has number " + request.account.digits());
    const store::Row& account = facts->at(0);
    const std::string number = std::to_string(request.bill_number);
    if (account.integer("sent_bills") == 0) {
      return not_found("account " + request.account.digits() + " has no sent bill " + number);
    }
    const std::string email = account.text("email");
    if (email.empty()) {
      return invalid_input("email",
                           "the account has no email on file: add one to its contact details "
                           "first, or mail the bill");
    }
    auto bill = bill_for_notice(session, request.bill_number, request.account.digits());
    RP_TRY(bill);
    if (!*bill)
      return not_found("account " + request.account.digits() + " has no sent bill " + number);
    auto utility = store::utility_name(session);
    RP_TRY(utility);
    RP_TRY(notify::queue_email(
        session, copy_of(**bill, email, account.text("language"), settings, *utility)));
    const auto at = email.find('@');
    const std::string masked =
        at == std::string::npos ? "***" : email.substr(0, 1) + "***" + email.substr(at);
    RP_TRY(accounts::record_event(session,
                                  {.account_id = account.integer("id"),
                                   .kind = "bill.resent",
                                   .actor = request.actor,
                                   .summary = "Bill " + number + " was emailed again to " + masked,
                                   .details_json = "{\"number\":" + number + "}"}));
    return BillResent{email};
  });
}

}  // namespace rp::billing
