#include "billing/bill_notices.h"

#include <nlohmann/json.hpp>

#include <array>

#include "accounts/account_events.h"
#include "core/money.h"
#include "core/time.h"
#include "notify/email.h"
#include "store/utility_settings.h"

namespace rp::billing {
namespace {

using store::Session;

constexpr const char* kCursor = "bill_notices";

struct NoticeBill {
  std::string number;
  std::string account_number;
  Money amount_due;
  LocalDate due_date;
  LocalDate period_start;
  LocalDate period_end;  // first day not billed
};

// "November 24, 2026" / "24 de noviembre de 2026".
std::string long_date(LocalDate date, bool spanish) {
  static const std::array<const char*, 12> kEnglish{
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  static const std::array<const char*, 12> kSpanish{
      "enero", "febrero", "marzo",      "abril",   "mayo",      "junio",
      "julio", "agosto",  "septiembre", "octubre", "noviembre", "diciembre"};
  const unsigned month = static_cast<unsigned>(date.month()) - 1;
  const std::string day = std::to_string(static_cast<unsigned>(date.day()));
  const std::string year = std::to_string(static_cast<int>(date.year()));
  if (spanish) return day + " de " + kSpanish[month] + " de " + year;
  return std::string(kEnglish[month]) + " " + day + ", " + year;
}

std::string dollars(Money amount) {
  return amount.cents() < 0 ? "-$" + Money::from_cents(-amount.cents()).to_string()
                            : "$" + amount.to_string();
}

// Why the customer gets the email, in its last paragraph.
enum class NoticeReason { paperless, resent };

notify::EmailMessage notice_of(const NoticeBill& bill, const std::string& to, bool spanish,
                               const BillNoticeSettings& settings, const std::string& utility,
                               NoticeReason reason = NoticeReason::paperless) {
  const std::string link = settings.public_url + "/bills/" + bill.number;
  const LocalDate last_day(date::sys_days(bill.period_end) - date::days(1));
  const std::string period = long_date(bill.period_start, spanish) + (spanish ? " al " : " to ") +
                             long_date(last_day, spanish);
  const std::string due = long_date(bill.due_date, spanish);
  const std::string masked = "*" + bill.account_number.substr(bill.account_number.size() - 4);
  if (spanish) {
    return {to, "Su factura de " + utility + " está lista",
            "Su factura " + bill.number + " de la cuenta " + masked + " (" + period +
                ") está lista.\n\nImporte a pagar: " + dollars(bill.amount_due) +
                "\nFecha de vencimiento: " + due + "\n\nVéala y páguela en línea:\n" + link +
                (reason == NoticeReason::resent
                     ? "\n\nRecibe este correo porque pidió a servicio al cliente una copia de "
                       "su factura.\n\n"
                     : "\n\nRecibe este correo porque eligió facturas sin papel. Puede volver a "
                       "recibir facturas en papel en Configuración.\n\n") +
                utility + "\n"};
  }
  return {to, "Your " + utility + " bill is ready",
          "Your bill " + bill.number + " for account " + masked + " (" + period +
              ") is ready.\n\nAmount due: " + dollars(bill.amount_due) + "\nDue date: " + due +
              "\n\nView and pay it online:\n" + link +
              (reason == NoticeReason::resent
                   ? "\n\nYou get this email because you asked customer service for a copy of "
                     "your bill.\n\n"
                   : "\n\nYou get this email because you chose paperless bills. You can go back "
                     "to paper bills in Settings.\n\n") +
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

Result<void> start_bill_notices(store::Database& database) {
  return database.write_work([](Session& session) -> Result<void> {
    RP_TRY(session.execute_named("billing/start_event_cursor", {std::string(kCursor)}));
    return success();
  });
}

Result<int> queue_bill_notices(store::Database& database, const BillNoticeSettings& settings,
                               std::size_t limit) {
  // A read first, so that a pass with no new event (most of them) takes no write.
  auto behind = database.read<bool>([](Session& session) -> Result<bool> {
    auto rows = session.query_named("billing/event_cursor_behind", {std::string(kCursor)});
    RP_TRY(rows);
    if (rows->empty()) return internal_error("bill notices have not been started");
    return rows->at(0).integer("last_event_id") < rows->at(0).integer("newest_event_id");
  });
  RP_TRY(behind);
  if (!*behind) return 0;
  return database.write<int>([&](Session& session) -> Result<int> {
    auto cursor = session.query_named("billing/event_cursor", {std::string(kCursor)});
    RP_TRY(cursor);
    if (cursor->empty()) return internal_error("bill notices have not been started");
    const std::int64_t after = cursor->at(0).integer("last_event_id");
    auto events = session.query_named("billing/notice_events_after",
                                      {after, static_cast<std::int64_t>(limit)});
    RP_TRY(events);
    if (events->empty()) return 0;
    auto utility = store::utility_name(session);
    RP_TRY(utility);
    int queued = 0;
    for (const store::Row& event : *events) {
      if (event.text("kind") != "bill.ready" || event.is_null("paperless") ||
          event.integer("paperless") == 0 || event.is_null("email") ||
          event.text("email").empty()) {
        continue;
      }
      const auto details = nlohmann::json::parse(event.text("details"), nullptr, false);
      if (!details.is_object() || !details.contains("number") ||
          !details["number"].is_number_integer()) {
        continue;
      }
      auto bill =
          bill_for_notice(session, details["number"].get<std::int64_t>(), event.text("number"));
      RP_TRY(bill);
      if (!*bill) continue;
      auto queued_email = notify::queue_email(
          session, notice_of(**bill, event.text("email"), event.text("language") == "es", settings,
                             *utility));
      // A contact email that is not an address (from an import) gets no notice; the account
      // keeps its bill in the portal.
      if (!queued_email.ok() && queued_email.error().kind == ErrorKind::invalid_input) continue;
      RP_TRY(queued_email);
      ++queued;
    }
    RP_TRY(session.execute_named("billing/move_event_cursor",
                                 {events->back().integer("id"), std::string(kCursor)}));
    return queued;
  });
}

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
    RP_TRY(notify::queue_email(session, notice_of(**bill, email, account.text("language") == "es",
                                                  settings, *utility, NoticeReason::resent)));
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
