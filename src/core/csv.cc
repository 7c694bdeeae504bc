#include "core/csv.h"

namespace rp {

std::string csv_field(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out += '"';
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string spreadsheet_csv_field(std::string_view text) {
  const bool formula =
      !text.empty() && (text.front() == '=' || text.front() == '+' || text.front() == '-' ||
                        text.front() == '@' || text.front() == '\t' || text.front() == '\r');
  if (!formula) return csv_field(text);
  return csv_field("'" + std::string(text));
}

}  // namespace rp
