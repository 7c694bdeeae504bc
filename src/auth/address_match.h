#pragma once
// Matching the service address a customer types ("1204 Elm Street") with a premise's first line
// ("1204 ELM ST"): both are reduced to lower-case words without punctuation, with the common USPS
// street suffixes and directions abbreviated, so spelling, case and "Street"/"St." do not matter
// while a different house number or street always does. Pure.

#include <optional>
#include <string>
#include <string_view>

namespace rp::auth {

// "1204 Elm Street, Apt. 3" -> "1204 elm st apt 3".
std::string normalize_street(std::string_view street);

// True when the entered street and the premise's line are the same address once normalized, and
// the entered one starts with a house number (a street name alone never matches).
bool same_street(std::string_view entered, std::string_view premise_line);

// The first five digits of a US ZIP ("97477", "97477-1234" or, typed without its dash,
// "974771234"); nullopt for anything else.
std::optional<std::string> zip5(std::string_view zip);

}  // namespace rp::auth
