#pragma once
// Writing CSV (RFC 4180) fields for files people open in a spreadsheet.

#include <string>
#include <string_view>

namespace rp {

// `text` in double quotes, each quote doubled: safe for commas, quotes and line breaks.
std::string csv_field(std::string_view text);

// csv_field for text a spreadsheet must show as text, never run as a formula (OWASP "CSV
// injection"): a field that starts with '=', '+', '-', '@', a tab or a carriage return gets a
// leading apostrophe. For exports that hold what outsiders typed (user agents, names, details).
std::string spreadsheet_csv_field(std::string_view text);

}  // namespace rp
