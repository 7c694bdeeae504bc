#pragma once
// Matching the service address a customer types ("1204 Elm Street", "2777 Pine Blvd, Unit 107")
// with a premise's lines ("1204 ELM ST"; "2777 PINE BLVD" + "UNIT 107"): both are reduced to
// lower-case words without punctuation, with the common USPS street suffixes and directions
// abbreviated, so spelling, case and "Street"/"St." do not matter while a different house number,
// street or unit always does. A unit is the words after a unit designator in any common spelling
// (Unit, Apt, Apartment, #, Ste, Suite, Rm, Room, Lot, Spc, Space), so "Apt 107", "Unit 107",
// "#107" and "# 107" are one unit; a unit typed after the street with no designator ("2777 Pine
// Blvd 107") matches too. At a premise with a unit, the unit must be given. Pure.

#include <optional>
#include <string>
#include <string_view>

namespace rp::auth {

// "1204 Elm Street, Apt. 3" -> "1204 elm st apt 3".
std::string normalize_street(std::string_view street);

// A normalized address split at its unit: {"2777 pine blvd", "107"}; the unit is empty for none.
struct AddressParts {
  std::string street;
  std::string unit;
};
// The address in `line1` and `line2` (line2 may be empty, hold the unit with or without a
// designator, or a unit may end line1).
AddressParts address_parts(std::string_view line1, std::string_view line2 = {});

// True when what the customer entered (street and any unit, in one line) and the premise's lines
// are the same address, and the entered one starts with a house number (a street name alone
// never matches).
bool same_street(std::string_view entered, std::string_view premise_line1,
                 std::string_view premise_line2 = {});

// The first five digits of a US ZIP ("97477", "97477-1234" or, typed without its dash,
// "974771234"); nullopt for anything else.
std::optional<std::string> zip5(std::string_view zip);

}  // namespace rp::auth
