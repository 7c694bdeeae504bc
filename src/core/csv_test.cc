#include "core/csv.h"

#include <gtest/gtest.h>

namespace rp {
namespace {

TEST(Csv, QuotesEveryFieldAndDoublesQuotes) {
  EXPECT_EQ(csv_field("plain"), R"("plain")");
  EXPECT_EQ(csv_field(R"(say "hi", then
go)"),
            "\"say \"\"hi\"\", then\ngo\"");
  EXPECT_EQ(csv_field(""), R"("")");
}

TEST(Csv, ASpreadsheetFieldNeverStartsAFormula) {
  EXPECT_EQ(spreadsheet_csv_field("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
  EXPECT_EQ(spreadsheet_csv_field("+1"), R"("'+1")");
  EXPECT_EQ(spreadsheet_csv_field("-2"), R"("'-2")");
  EXPECT_EQ(spreadsheet_csv_field("@SUM(A1)"), R"x("'@SUM(A1)")x");
  EXPECT_EQ(spreadsheet_csv_field("\tx"), "\"'\tx\"");
  EXPECT_EQ(spreadsheet_csv_field("Mozilla/5.0"), R"("Mozilla/5.0")");
}

}  // namespace
}  // namespace rp
