#pragma once
// A report's answer: named, typed columns and rows of cells, the same for the console's table and
// chart, the API's JSON and the CSV export. Money is whole cents and a share is basis points
// (1234 = 12.34%): exact integers end to end, formatted only where people read them.

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "core/time.h"

namespace rp::reports {

enum class ColumnKind {
  text,     // a name or a code
  date,     // YYYY-MM-DD, or YYYY-MM for a month
  count,    // a whole number
  money,    // cents
  percent,  // basis points
};

struct ReportColumn {
  std::string key;    // "days_30"
  std::string label;  // "30-59 days"
  ColumnKind kind = ColumnKind::text;
};

using ReportCell = std::variant<std::string, std::int64_t>;  // text/date, or a number
using ReportRow = std::vector<ReportCell>;

struct ReportTable {
  std::string name;   // "aging"
  std::string title;  // "Aging by customer class"
  LocalDate from;     // the days it covers (both the same for an "as of today" report)
  LocalDate to;
  std::vector<ReportColumn> columns;
  std::vector<ReportRow> rows;
  std::vector<ReportRow> totals;          // zero or one row summing the columns that sum
  std::string chart_x;                    // the column the chart runs along
  std::vector<std::string> chart_series;  // the columns it draws
};

// The kind's name in answers: "text", "date", "count", "money", "percent".
const char* column_kind_name(ColumnKind kind);

// A share in basis points, rounded half up; 0 when `whole` is 0.
std::int64_t share_bp(std::int64_t part, std::int64_t whole);

// The table as CSV (RFC 4180): a header of labels, then the rows and the totals; money as
// dollars ("1234.56"), shares as percent ("12.34").
std::string report_csv(const ReportTable& table);

}  // namespace rp::reports
