#include "notify/text_consent.h"

#include <array>

#include "accounts/account_events.h"
#include "core/json_writer.h"
#include "core/text_fold.h"
#include "core/time.h"
#include "notify/phone_number.h"
#include "notify/text_message.h"
#include "store/utility_settings.h"

namespace rp::notify {
namespace {

using store::Row;
using store::Session;

struct Keyword {
  const char* word;  // folded
  const char* action;
  bool spanish;
};

constexpr std::array<Keyword, 20> kKeywords{{
    {"stop", "stop", false},    {"stopall", "stop", false}, {"unsubscribe", "stop", false},
    {"cancel", "stop", false},  {"end", "stop", false},     {"quit", "stop", false},
    {"para", "stop", true},     {"parar", "stop", true},    {"alto", "stop", true},
    {"detener", "stop", true},  {"cancelar", "stop", true}, {"start", "start", false},
    {"unstop", "start", false}, {"yes", "start", false},    {"comenzar", "start", true},
    {"iniciar", "start", true}, {"si", "start", true},      {"help", "help", false},
    {"info", "help", false},    {"ayuda", "help", true},
}};

const Keyword* keyword_of(std::string_view body) {
  const std::string folded = folded_letters_and_digits(body);
  for (const Keyword& keyword : kKeywords) {
    if (folded == keyword.word) return &keyword;
  }
  return nullptr;
}

Result<std::int64_t> account_id_of(Session& session, const AccountNumber& account) {
  auto rows = session.query_named("notify/account_for_choices", {account.digits()});
  RP_TRY(rows);
  if (rows->empty()) return not_found("no account has number " + account.formatted());
  return rows->at(0).integer("id");
}

Result<TextConsent> latest(Session& session, std::int64_t account_id) {
  auto rows = session.query_named("notify/latest_text_consent", {account_id});
  RP_TRY(rows);
  TextConsent consent;
  if (rows->empty()) return consent;
  consent.granted = rows->at(0).integer("granted") != 0;
  consent.number = rows->at(0).text("number");
  consent.source = rows->at(0).text("source");
  consent.at = rows->at(0).text("at");
  return consent;
}

struct ConsentRow {
  std::int64_t account_id = 0;
  std::string number;
  bool granted = false;
  std::string source;
  std::string wording;
  std::string client_address;
  std::string actor;
};

Result<void> record(Session& session, const ConsentRow& row) {
  RP_TRY(session.execute_named(
      "notify/record_text_consent",
      {row.account_id, row.number, std::int64_t{row.granted ? 1 : 0}, row.source, row.wording,
       row.client_address, row.actor, format_instant(now())}));
  JsonWriter details;
  details.begin_object().key("number").string(row.number).key("source").string(row.source);
  details.key("client_address").string(row.client_address).end_object();
  const std::string last_four =
      row.number.size() > 4 ? row.number.substr(row.number.size() - 4) : "";
  RP_TRY(accounts::record_event(
      session,
      {row.account_id, row.granted ? "texts.consented" : "texts.stopped", row.actor,
       row.granted ? "Agreed to texts at the number ending " + last_four + " (" + row.source + ")"
                   : "Texts stopped at the number ending " + last_four + " (" + row.source + ")",
       details.take()}));
  return success();
}

std::string reply_text(const std::string& action, bool spanish, const std::string& utility,
                       const std::string& phone) {
  if (action == "stop") {
    return spanish ? utility +
                         ": no recibirá más mensajes de texto nuestros en este número. "
                         "Responda COMENZAR para volver a recibirlos."
                   : utility +
                         ": you will get no more texts from us at this number. Reply "
                         "START to get them again.";
  }
  if (action == "start") {
    return spanish ? utility +
                         ": los mensajes de texto de su cuenta están activos otra vez. "
                         "Responda PARA para detenerlos, AYUDA para ayuda."
                   : utility +
                         ": texts about your account are on again. Reply STOP to stop, "
                         "HELP for help.";
  }
  const std::string call = phone.empty() ? "" : (spanish ? " Llame al " : " Call ") + phone + ".";
  return spanish ? utility +
                       ": mensajes sobre su cuenta (facturas, pagos, alertas, cortes). Pueden "
                       "aplicarse tarifas de mensajes y datos. Responda PARA para "
                       "detenerlos." +
                       call
                 : utility +
                       ": texts about your account (bills, payments, alerts, outages). Msg & "
                       "data rates may apply. Reply STOP to stop." +
                       call;
}

}  // namespace

std::string text_consent_wording(std::string_view utility, std::string_view number,
                                 std::string_view language) {
  const std::string u(utility);
  const std::string n(number);
  if (language == "es") {
    return "Acepto recibir mensajes de texto de " + u +
           " sobre mi cuenta (facturas, pagos, alertas de consumo y de fugas, "
           "cortes de servicio y solicitudes) al " +
           n +
           ". La frecuencia varía. Pueden "
           "aplicarse tarifas de mensajes y datos. Responda PARA para detenerlos y AYUDA para "
           "ayuda. No es publicidad ni una condición de servicio.";
  }
  return "I agree to receive text messages from " + u +
         " about my account (bills, payments, usage and leak alerts, "
         "outages and service requests) at " +
         n +
         ". Message frequency varies. Message and "
         "data rates may apply. Reply STOP to stop, HELP for help. These are not marketing and "
         "not a condition of service.";
}

Result<TextConsent> text_consent(store::Database& database, const AccountNumber& account) {
  return database.read<TextConsent>([&](Session& session) -> Result<TextConsent> {
    auto id = account_id_of(session, account);
    RP_TRY(id);
    return latest(session, *id);
  });
}

Result<TextConsent> grant_text_consent(store::Database& database, const AccountNumber& account,
                                       const TextConsentGrant& grant) {
  if (grant.source != "portal" && grant.source != "staff") {
    return invalid_input("source", "consent comes from the portal or from staff");
  }
  if (grant.language != "en" && grant.language != "es") {
    return invalid_input("language", "the words shown are in en or es");
  }
  auto number = e164_number(grant.number);
  RP_TRY(number);
  return database.write<TextConsent>([&](Session& session) -> Result<TextConsent> {
    auto id = account_id_of(session, account);
    RP_TRY(id);
    auto utility = store::utility_name(session);
    RP_TRY(utility);
    if (grant.wording != text_consent_wording(*utility, *number, grant.language)) {
      return invalid_input("wording",
                           "these are not the words shown for this number: show the consent "
                           "again and ask once more")
          .coded("consent-wording-changed");
    }
    auto current = latest(session, *id);
    RP_TRY(current);
    if (current->granted && current->number == *number) return std::move(*current);
    RP_TRY(record(session, {*id, *number, true, grant.source, grant.wording, grant.client_address,
                            grant.actor}));
    return latest(session, *id);
  });
}

Result<TextConsent> withdraw_text_consent(store::Database& database, const AccountNumber& account,
                                          const std::string& source,
                                          const std::string& client_address,
                                          const std::string& actor) {
  return database.write<TextConsent>([&](Session& session) -> Result<TextConsent> {
    auto id = account_id_of(session, account);
    RP_TRY(id);
    auto current = latest(session, *id);
    RP_TRY(current);
    if (!current->granted) return std::move(*current);
    RP_TRY(record(session, {*id, current->number, false, source, "", client_address, actor}));
    return latest(session, *id);
  });
}

Result<InboundAnswer> receive_text(store::Database& database, const InboundText& text) {
  if (!is_e164(text.from)) return invalid_input("From", "the sender is not an E.164 number");
  if (text.provider_id.empty() || text.provider_id.size() > 64) {
    return invalid_input("MessageSid", "the message has no id");
  }
  const Keyword* keyword = keyword_of(text.body);
  return database.write<InboundAnswer>([&](Session& session) -> Result<InboundAnswer> {
    InboundAnswer answer;
    answer.action = keyword ? keyword->action : "none";
    auto inserted = session.execute_named("notify/record_inbound_text",
                                          {text.provider_id, text.from, text.body.substr(0, 1600),
                                           answer.action, format_instant(now())});
    RP_TRY(inserted);
    if (*inserted == 0) {
      answer.repeated = true;
      return answer;
    }
    if (!keyword) return answer;
    auto texting = session.query_named("notify/accounts_texting_number", {text.from});
    RP_TRY(texting);
    const std::string action = keyword->action;
    const std::string actor = "texted:" + text.from;
    for (const Row& row : *texting) {
      const bool granted = row.integer("granted") != 0;
      if (action == "stop" && granted) {
        RP_TRY(record(
            session, {row.integer("account_id"), text.from, false, "reply", text.body, "", actor}));
        ++answer.accounts;
      } else if (action == "start" && !granted) {
        RP_TRY(record(session,
                      {row.integer("account_id"), text.from, true, "reply", text.body, "", actor}));
        ++answer.accounts;
      }
    }
    auto utility = store::utility_name(session);
    RP_TRY(utility);
    auto phone = store::utility_setting(session, "utility_phone");
    RP_TRY(phone);
    RP_TRY(queue_text(
        session, {text.from, reply_text(action, keyword->spanish, *utility, phone->value_or(""))}));
    return answer;
  });
}

Result<bool> record_text_status(store::Database& database, const std::string& provider_id,
                                const std::string& status, const std::string& error) {
  if (provider_id.empty()) return invalid_input("MessageSid", "the status names no message");
  return database.write<bool>([&](Session& session) -> Result<bool> {
    auto updated = session.execute_named("notify/record_text_status",
                                         {status.substr(0, 40), error.substr(0, 200), provider_id});
    RP_TRY(updated);
    return *updated > 0;
  });
}

}  // namespace rp::notify
