#include "auth/password_rules.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace rp::auth {
namespace {

// The words at the heart of the passwords most often found in breach lists; a password that is
// one of these (or one repeated) with only digits and symbols around it is refused.
constexpr std::string_view kCommonWords[] = {
    "password",     "passw0rd",      "p@ssword",    "p@ssw0rd",     "qwerty",    "qwertyuiop",
    "asdfgh",       "asdfghjkl",     "zxcvbnm",     "letmein",      "welcome",   "iloveyou",
    "admin",        "administrator", "login",       "abc",          "abcdef",    "abcdefgh",
    "abcdefghijkl", "football",      "baseball",    "basketball",   "soccer",    "hockey",
    "monkey",       "dragon",        "sunshine",    "princess",     "shadow",    "master",
    "superman",     "batman",        "trustno",     "starwars",     "whatever",  "freedom",
    "michael",      "jennifer",      "jordan",      "hunter",       "charlie",   "computer",
    "internet",     "secret",        "changeme",    "default",      "guest",     "hello",
    "summer",       "winter",        "spring",      "autumn",       "fall",      "love",
    "lovely",       "flower",        "cookie",      "cheese",       "pepper",    "ginger",
    "killer",       "qazwsx",        "qazwsxedc",   "qazwsxedcrfv", "zaq12wsx",  "1qaz2wsx",
    "1qaz2wsx3edc", "1q2w3e4r",      "1q2w3e4r5t",  "1q2w3e4r5t6y", "q1w2e3r4",  "q1w2e3r4t5y6",
    "aaaaaa",       "asdf",          "asdfasdf",    "zxcvbn",       "pass",      "passpass",
    "user",         "test",          "testing",     "utility",      "ratepayer", "account",
    "myaccount",    "mypassword",    "newpassword", "billing",      "energy",    "water",
    "power",        "electric",      "contrasena",  "contraseña",   "clave",     "hola",
    "teamo",
};

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool is_decoration(char c) {
  const auto u = static_cast<unsigned char>(c);
  return std::isdigit(u) || std::ispunct(u) || c == ' ';
}

bool is_common_word(std::string_view word) {
  return std::find(std::begin(kCommonWords), std::end(kCommonWords), word) !=
         std::end(kCommonWords);
}

}  // namespace

bool is_common_password(std::string_view password) {
  std::string text = lower(password);
  if (is_common_word(text)) return true;  // walks that start with a digit ("1qaz2wsx3edc")
  // Keyboard walks and counting: only digits and symbols, or a famous walk alone.
  std::size_t begin = 0;
  std::size_t end = text.size();
  while (begin < end && is_decoration(text[begin])) ++begin;
  while (end > begin && is_decoration(text[end - 1])) --end;
  std::string_view core = std::string_view(text).substr(begin, end - begin);
  if (core.empty()) return true;
  if (is_common_word(core)) return true;
  // The same word twice ("passwordpassword").
  if (core.size() % 2 == 0 && core.substr(0, core.size() / 2) == core.substr(core.size() / 2)) {
    return is_common_word(core.substr(0, core.size() / 2));
  }
  return false;
}

Result<void> check_new_password(std::string_view password, std::string_view email) {
  if (password.size() < kShortestPassword) {
    return invalid_input("password", "the password must be at least " +
                                         std::to_string(kShortestPassword) + " characters")
        .coded("password-too-short");
  }
  if (password.size() > kLongestPassword) {
    return invalid_input("password", "the password must be at most " +
                                         std::to_string(kLongestPassword) + " characters")
        .coded("password-too-long");
  }
  if (std::all_of(password.begin(), password.end(), [&](char c) { return c == password[0]; })) {
    return invalid_input("password", "the password must not be one character repeated")
        .coded("password-one-character");
  }
  if (is_common_password(password)) {
    return invalid_input("password",
                         "that password is one of the most common ones and is easy to guess; "
                         "choose another (a few unrelated words make a good one)")
        .coded("password-too-common");
  }
  const std::string address = lower(email);
  const std::string name = address.substr(0, address.find('@'));
  const std::string typed = lower(password);
  if (typed == address || (name.size() >= 4 && typed.find(name) != std::string::npos)) {
    return invalid_input("password", "the password must not contain your email address")
        .coded("password-has-email");
  }
  return success();
}

}  // namespace rp::auth
