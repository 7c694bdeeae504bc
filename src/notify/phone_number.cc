#include "notify/phone_number.h"

#include <phonenumbers/phonenumberutil.h>

namespace rp::notify {

Result<std::string> e164_number(std::string_view text, std::string_view region,
                                const std::string& field) {
  using i18n::phonenumbers::PhoneNumber;
  using i18n::phonenumbers::PhoneNumberUtil;
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  PhoneNumber number;
  if (text.size() > 40 ||
      util.Parse(std::string(text), std::string(region), &number) !=
          PhoneNumberUtil::NO_PARSING_ERROR ||
      !util.IsValidNumber(number)) {
    return invalid_input(field, "'" + std::string(text) + "' is not a phone number we can text");
  }
  const PhoneNumberUtil::PhoneNumberType type = util.GetNumberType(number);
  if (type != PhoneNumberUtil::MOBILE && type != PhoneNumberUtil::FIXED_LINE_OR_MOBILE) {
    return invalid_input(
        field, "'" + std::string(text) + "' cannot receive text messages: give a mobile number");
  }
  std::string out;
  util.Format(number, PhoneNumberUtil::E164, &out);
  return out;
}

}  // namespace rp::notify
