#include "notify/notice_format.h"

#include <array>

namespace rp::notify {

std::string long_date(LocalDate date, std::string_view language) {
  static const std::array<const char*, 12> kEnglish{
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  static const std::array<const char*, 12> kSpanish{
      "enero", "febrero", "marzo",      "abril",   "mayo",      "junio",
      "julio", "agosto",  "septiembre", "octubre", "noviembre", "diciembre"};
  const unsigned month = static_cast<unsigned>(date.month()) - 1;
  const std::string day = std::to_string(static_cast<unsigned>(date.day()));
  const std::string year = std::to_string(static_cast<int>(date.year()));
  if (language == "es") return day + " de " + kSpanish[month] + " de " + year;
  return std::string(kEnglish[month]) + " " + day + ", " + year;
}

std::string clock_time(int hour, int minute, std::string_view language) {
  const int twelve = hour % 12 == 0 ? 12 : hour % 12;
  std::string text =
      std::to_string(twelve) + ":" + (minute < 10 ? "0" : "") + std::to_string(minute);
  if (language == "es") return text + (hour < 12 ? " a. m." : " p. m.");
  return text + (hour < 12 ? " AM" : " PM");
}

std::string dollars(Money amount) {
  return amount.cents() < 0 ? "-$" + Money::from_cents(-amount.cents()).to_string()
                            : "$" + amount.to_string();
}

std::string masked_account(const std::string& number) {
  return number.size() > 4 ? "*" + number.substr(number.size() - 4) : number;
}

}  // namespace rp::notify
