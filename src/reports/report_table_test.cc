#include "reports/report_table.h"

#include <gtest/gtest.h>

namespace rp::reports {
namespace {

TEST(ReportTable, SharesAreBasisPointsRoundedHalfUp) {
  EXPECT_EQ(share_bp(1, 3), 3333);
  EXPECT_EQ(share_bp(2, 3), 6667);
  EXPECT_EQ(share_bp(1, 8), 1250);
  EXPECT_EQ(share_bp(1, 80000), 0);  // 0.125 bp
  EXPECT_EQ(share_bp(1, 40000), 0);  // 0.25 bp rounds down,
  EXPECT_EQ(share_bp(1, 20000), 1);  // 0.5 bp up
  EXPECT_EQ(share_bp(5, 5), 10'000);
  EXPECT_EQ(share_bp(0, 0), 0);
}

TEST(ReportTable, TheCsvSaysMoneyInDollarsSharesInPercentAndQuotesWhatNeedsIt) {
  ReportTable table;
  table.columns = {{"cashier", "Cashier", ColumnKind::text},
                   {"amount", "Amount", ColumnKind::money},
                   {"payments", "Payments", ColumnKind::count},
                   {"share", "Share, digital", ColumnKind::percent}};
  table.rows.push_back(
      {std::string("Gómez, \"Bea\""), std::int64_t{123456}, std::int64_t{3}, std::int64_t{6667}});
  table.rows.push_back({std::string("Ana"), std::int64_t{-5}, std::int64_t{0}, std::int64_t{5}});
  table.totals.push_back(
      {std::string("All"), std::int64_t{123451}, std::int64_t{3}, std::string()});
  EXPECT_EQ(report_csv(table),
            "Cashier,Amount,Payments,\"Share, digital\"\r\n"
            "\"Gómez, \"\"Bea\"\"\",1234.56,3,66.67\r\n"
            "Ana,-0.05,0,0.05\r\n"
            "All,1234.51,3,\r\n");
}

}  // namespace
}  // namespace rp::reports
