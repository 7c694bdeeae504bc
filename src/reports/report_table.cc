#include "reports/report_table.h"

#include "core/money.h"

namespace rp::reports {
namespace {

std::string quoted(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string percent_text(std::int64_t bp) {
  const std::string sign = bp < 0 ? "-" : "";
  const std::int64_t magnitude = bp < 0 ? -bp : bp;
  std::string hundredths = std::to_string(magnitude % 100);
  if (hundredths.size() < 2) hundredths.insert(0, "0");
  return sign + std::to_string(magnitude / 100) + "." + hundredths;
}

std::string cell_text(const ReportCell& cell, ColumnKind kind) {
  if (const auto* text = std::get_if<std::string>(&cell)) return *text;
  const std::int64_t number = std::get<std::int64_t>(cell);
  switch (kind) {
    case ColumnKind::money:
      return Money::from_cents(number).to_string();
    case ColumnKind::percent:
      return percent_text(number);
    default:
      return std::to_string(number);
  }
}

void append_row(std::string& out, const ReportTable& table, const ReportRow& row) {
  for (std::size_t i = 0; i < row.size(); ++i) {
    if (i > 0) out += ',';
    out += quoted(cell_text(row[i], table.columns[i].kind));
  }
  out += "\r\n";
}

}  // namespace

const char* column_kind_name(ColumnKind kind) {
  switch (kind) {
    case ColumnKind::text:
      return "text";
    case ColumnKind::date:
      return "date";
    case ColumnKind::count:
      return "count";
    case ColumnKind::money:
      return "money";
    case ColumnKind::percent:
      return "percent";
  }
  return "text";
}

std::int64_t share_bp(std::int64_t part, std::int64_t whole) {
  if (whole == 0) return 0;
  return (part * 10'000 * 2 + whole) / (whole * 2);
}

std::string report_csv(const ReportTable& table) {
  std::string out;
  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    if (i > 0) out += ',';
    out += quoted(table.columns[i].label);
  }
  out += "\r\n";
  for (const ReportRow& row : table.rows) append_row(out, table, row);
  for (const ReportRow& row : table.totals) append_row(out, table, row);
  return out;
}

}  // namespace rp::reports
