#include "auth/claim_messages.h"

namespace rp::auth {

notify::EmailMessage link_notice_email(const std::string& language, const std::string& to,
                                       const std::string& utility, const std::string& last_four,
                                       const std::string& masked_login,
                                       const std::string& disown_link) {
  if (language == "es") {
    return {to, "Se añadió un acceso en línea a su cuenta de " + utility,
            "Hola:\n\nEl acceso en línea " + masked_login +
                " se añadió a la cuenta que termina en " + last_four +
                ". Desde ahora puede ver sus facturas, pagos y consumo.\n\nSi fue usted o alguien "
                "de confianza, no tiene que hacer nada.\n\nSi no lo reconoce, abra este enlace "
                "en los próximos 30 días: quitará ese acceso de la cuenta y cerrará sus "
                "sesiones.\n\n" +
                disown_link + "\n\n" + utility + "\n"};
  }
  return {to, "Online access was added to your " + utility + " account",
          "Hello,\n\nThe online login " + masked_login + " was added to the account ending in " +
              last_four +
              ". It can now see the account's bills, payments and usage.\n\nIf this was you or "
              "someone you trust, there is nothing to do.\n\nIf you do not recognise it, open "
              "this link within 30 days: it removes that login from the account and ends its "
              "sessions.\n\n" +
              disown_link + "\n\n" + utility + "\n"};
}

std::string claim_link_text(const std::string& language, const std::string& utility,
                            const std::string& last_four, const std::string& masked_login,
                            const std::string& link) {
  if (language == "es") {
    return utility + ": para mostrar su cuenta que termina en " + last_four +
           " al acceso en línea " + masked_login + ", abra " + link +
           " ¿No fue usted? Ignore este mensaje: no se comparte nada.";
  }
  return utility + ": to show your account ending " + last_four + " to the online login " +
         masked_login + ", open " + link + " Not you? Ignore this text: nothing is shared.";
}

std::string link_notice_letter(const std::string& language, const std::string& utility,
                               const std::string& last_four, const std::string& masked_login,
                               const std::string& disown_link) {
  if (language == "es") {
    return "El acceso en línea " + masked_login + " se añadió a su cuenta de " + utility +
           " que termina en " + last_four +
           ". Desde ahora puede ver sus facturas, pagos y consumo.\n\nSi fue usted o alguien de "
           "confianza, no tiene que hacer nada.\n\nSi no lo reconoce, escriba esta dirección en "
           "un navegador en los próximos 30 días: quitará ese acceso de la cuenta y cerrará sus "
           "sesiones.\n\n    " +
           disown_link + "\n";
  }
  return "The online login " + masked_login + " was added to your " + utility +
         " account ending in " + last_four +
         ". It can now see the account's bills, payments and usage.\n\nIf this was you or "
         "someone you trust, there is nothing to do.\n\nIf you do not recognise it, type this "
         "address into a browser within 30 days: it removes that login from the account and ends "
         "its sessions.\n\n    " +
         disown_link + "\n";
}

std::string claim_code_letter(const std::string& language, const std::string& utility,
                              const std::string& code, const std::string& expires_on) {
  if (language == "es") {
    return "Alguien pidió acceso en línea a esta cuenta de " + utility +
           ". Si fue usted, inicie sesión en el portal, que le pedirá este código, y escríbalo "
           "antes del " +
           expires_on + ":\n\n    " + code +
           "\n\nSi no lo pidió, no haga nada: sin el código nadie puede ver su cuenta.\n";
  }
  return "Someone asked for online access to this " + utility +
         " account. If it was you, sign in to the portal, which asks for this code, and enter "
         "it by " +
         expires_on + ":\n\n    " + code +
         "\n\nIf you did not ask, do nothing: without the code no one can see your account.\n";
}

}  // namespace rp::auth
