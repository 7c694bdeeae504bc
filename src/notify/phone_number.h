#pragma once
// Telephone numbers as the SMS provider takes them: E.164 ("+15415550134"), checked with
// libphonenumber (Google's rules for every country's numbering plan).

#include <string>
#include <string_view>

#include "core/result.h"

namespace rp::notify {

// `text` as typed ("(541) 555-0134", "541.555.0134", "+1 541 555 0134"), read as a number of
// `region` (ISO 3166 code, "US") unless it starts with '+'. Errors: invalid_input naming `field`
// when it is not a valid number there, or cannot receive texts (a toll-free or premium number).
Result<std::string> e164_number(std::string_view text, std::string_view region = "US",
                                const std::string& field = "number");

}  // namespace rp::notify
