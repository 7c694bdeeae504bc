#include "outages/still_out.h"

#include "core/text_fold.h"
#include "notify/text_message.h"
#include "outages/outages.h"
#include "store/utility_settings.h"

namespace rp::outages {

using store::Row;
using store::Session;

bool is_still_out_keyword(const std::string& body, bool* spanish) {
  std::string words;
  for (char c : fold_text(body)) {
    if (c >= 'a' && c <= 'z') {
      words += c;
    } else if (!words.empty() && words.back() != ' ') {
      words += ' ';
    }
  }
  while (!words.empty() && words.back() == ' ') words.pop_back();
  const bool english = words == "out" || words == "still out";
  const bool in_spanish = words == "sin luz" || words == "apagon";
  if (spanish != nullptr) *spanish = in_spanish;
  return english || in_spanish;
}

Result<StillOutAnswer> still_out_by_text(store::Database& database, const std::string& from,
                                         const std::string& body) {
  StillOutAnswer answer;
  bool spanish = false;
  if (!is_still_out_keyword(body, &spanish)) return answer;
  answer.matched = true;
  auto homes = database.read<store::Rows>([&](Session& session) {
    return session.query_named("outages/homes_back_of_texting_number",
                               {from, format_instant(now() - std::chrono::hours(24))});
  });
  RP_TRY(homes);
  std::string reported_at;
  for (const Row& home : *homes) {
    // Dark again already (reported, or in a new outage): nothing to add.
    auto dark = outage_at_premise(database, home.integer("premise_id"));
    RP_TRY(dark);
    if (*dark) continue;
    OutageReport report;
    report.premise_id = home.integer("premise_id");
    report.details = spanish ? "Sigue sin luz (respuesta por texto)" : "Still out (text reply)";
    auto made = report_outage(database, report, "sms:" + from);
    if (!made.ok()) {
      if (made.error().kind == ErrorKind::throttled) break;
      return made.error();
    }
    ++answer.reported;
    reported_at += (reported_at.empty() ? "" : ", ") + home.text("line1");
  }
  RP_TRY(database.write<void>([&](Session& session) -> Result<void> {
    auto name = store::utility_setting(session, "name");
    RP_TRY(name);
    const std::string utility = name->value_or("Your utility");
    std::string words;
    if (answer.reported > 0) {
      words = spanish ? ": anotamos que sigue sin luz en " + reported_at +
                            ". Enviaremos a alguien; le avisaremos."
                      : ": we have recorded that the power is still out at " + reported_at +
                            ". We will send someone and keep you posted.";
    } else {
      words = spanish ? ": no tenemos un corte reciente en su casa. Para reportar uno, use el "
                        "portal o llámenos."
                      : ": we have no recent outage at your home. To report one, use the portal "
                        "or call us.";
    }
    RP_TRY(notify::queue_text(session, {from, utility + words}));
    return success();
  }));
  return answer;
}

}  // namespace rp::outages
