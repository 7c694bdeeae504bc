#pragma once
// Text folded for matching what a person types against what is on file: lower case, Latin
// accents removed ("Gómez" -> "gomez", "Müller" -> "muller", "Łódź" -> "lodz", "Straße" ->
// "strasse"). Covers Latin-1 Supplement and Latin Extended-A (U+00C0-U+017F), which spell the
// names of the customers of US utilities; any other non-ASCII character is kept as it is, so a
// name in another script still matches itself.

#include <string>
#include <string_view>
#include <vector>

namespace rp {

// The whole text folded; characters that are not letters or digits are kept.
std::string fold_text(std::string_view utf8);

// The folded text split into words at every ASCII character that is not a letter or digit
// ("Apt 4-B, Eugene" -> "apt", "4", "b", "eugene"). Empty words are not returned.
std::vector<std::string> folded_words(std::string_view utf8);

// The folded letters and digits only, joined ("Peña-López" -> "penalopez").
std::string folded_letters_and_digits(std::string_view utf8);

// How many characters (code points) UTF-8 text has, as a database's length() counts them
// ("Peña" is 4, though 5 bytes).
std::size_t utf8_characters(std::string_view utf8);

}  // namespace rp
