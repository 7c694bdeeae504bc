#include "auth/login_emails.h"

namespace rp::auth {

notify::EmailMessage verification_email(const std::string& language, const std::string& to,
                                        const std::string& link, const std::string& utility) {
  if (language == "es") {
    return {to, "Confirme su correo para " + utility,
            "Hola:\n\nAlguien (esperamos que usted) creó un acceso en línea a su cuenta de " +
                utility +
                " con este correo.\n\nPara confirmarlo y elegir su contraseña, abra este enlace "
                "en las próximas 24 horas:\n\n" +
                link +
                "\n\nEl enlace sirve una sola vez. Si no fue usted, ignore este mensaje: "
                "no se creará ningún acceso.\n\n" +
                utility + "\n"};
  }
  return {to, "Confirm your email for " + utility,
          "Hello,\n\nSomeone (we hope you) set up online access to your " + utility +
              " account with this email address.\n\nTo confirm it and choose your password, open "
              "this link within 24 hours:\n\n" +
              link +
              "\n\nThe link works once. If this was not you, ignore this email: no access is "
              "set up.\n\n" +
              utility + "\n"};
}

notify::EmailMessage already_registered_email(const std::string& language, const std::string& to,
                                              const std::string& sign_in_link,
                                              const std::string& utility) {
  if (language == "es") {
    return {to, "Ya tiene acceso en línea a " + utility,
            "Hola:\n\nAlguien intentó registrarse de nuevo con este correo, que ya tiene "
            "acceso en línea. Inicie sesión aquí:\n\n" +
                sign_in_link +
                "\n\nSi olvidó su contraseña, use \"¿Olvidó su contraseña?\" en esa página. "
                "Para añadir otra cuenta, hágalo en Configuración después de iniciar sesión.\n\n" +
                utility + "\n"};
  }
  return {to, "You already have online access to " + utility,
          "Hello,\n\nSomeone tried to register again with this email address, which already "
          "has online access. Sign in here:\n\n" +
              sign_in_link +
              "\n\nIf you forgot your password, use \"Forgot your password?\" on that page. To add "
              "another account, use Settings once signed in.\n\n" +
              utility + "\n"};
}

notify::EmailMessage password_reset_email(const std::string& language, const std::string& to,
                                          const std::string& link, const std::string& utility) {
  if (language == "es") {
    return {to, "Restablezca su contraseña de " + utility,
            "Hola:\n\nPara elegir una contraseña nueva, abra este enlace en la próxima hora:\n\n" +
                link +
                "\n\nAl usarlo se cerrarán todas sus sesiones abiertas. Si no lo pidió, ignore "
                "este mensaje: su contraseña no cambia.\n\n" +
                utility + "\n"};
  }
  return {to, "Reset your " + utility + " password",
          "Hello,\n\nTo choose a new password, open this link within the next hour:\n\n" + link +
              "\n\nUsing it signs you out everywhere. If you did not ask for this, ignore this "
              "email: your password stays as it is.\n\n" +
              utility + "\n"};
}

notify::EmailMessage two_step_changed_email(const std::string& language, const std::string& to,
                                            bool turned_on, const std::string& utility) {
  if (language == "es") {
    return {to,
            std::string(turned_on ? "Se activó" : "Se desactivó") +
                " la verificación en dos pasos de " + utility,
            "Hola:\n\n" +
                std::string(turned_on ? "Se activó la verificación en dos pasos"
                                      : "Se desactivó la verificación en dos pasos") +
                " de su acceso en línea a " + utility + ". " +
                (turned_on ? "Desde ahora, al iniciar sesión se le pedirá también un código de su "
                             "aplicación de autenticación."
                           : "Desde ahora basta su contraseña para iniciar sesión.") +
                "\n\nSi no fue usted, restablezca su contraseña ahora (\"¿Olvidó su "
                "contraseña?\" en la página de inicio de sesión) y llámenos.\n\n" +
                utility + "\n"};
  }
  return {
      to,
      std::string("Two-step sign-in was turned ") + (turned_on ? "on" : "off") + " for " + utility,
      "Hello,\n\nTwo-step sign-in was turned " + std::string(turned_on ? "on" : "off") +
          " for your online access to " + utility + ". " +
          (turned_on ? "From now on, signing in also asks for a code from your "
                       "authenticator app."
                     : "From now on, your password alone signs you in.") +
          "\n\nIf this was not you, reset your password now (\"Forgot your password?\" on the "
          "sign-in page) and call us.\n\n" +
          utility + "\n"};
}

}  // namespace rp::auth
