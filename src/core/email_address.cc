#include "core/email_address.h"

#include <cctype>

namespace rp {

Result<std::string> normalize_email(std::string_view email) {
  // Printable ASCII only: no NUL or other control character, no Unicode format character (a
  // right-to-left override would show another address than the one mail goes to). Such input
  // is not repeated in the answer.
  for (char c : email) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte > 0x7e) {
      return invalid_input("email",
                           "an email address is written with plain letters, digits and . _ - + @; "
                           "this one holds a character that cannot be in one")
          .coded("email-invalid");
    }
  }
  std::string out;
  for (char c : email) {
    out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  while (!out.empty() && out.front() == ' ') out.erase(out.begin());
  while (!out.empty() && out.back() == ' ') out.pop_back();
  const auto at = out.find('@');
  const bool one_at = at != std::string::npos && out.find('@', at + 1) == std::string::npos;
  const bool has_dot = one_at && out.find('.', at) != std::string::npos;
  const bool clean = out.find_first_of(" ,;<>()[]\\\"\r\n\t") == std::string::npos;
  if (out.size() < 3 || out.size() > 254 || !one_at || at == 0 || !has_dot || !clean ||
      out.back() == '.') {
    return invalid_input("email", "'" + std::string(email) + "' is not an email address")
        .coded("email-invalid");
  }
  return out;
}

std::string masked_email(const std::string& email) {
  const auto at = email.find('@');
  if (at == std::string::npos || at == 0) return "•••";
  return email.substr(0, 1) + "•••" + email.substr(at);
}

}  // namespace rp
