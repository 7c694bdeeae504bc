// The rendered PDF read back the way a customer's viewer would: poppler-utils extracts its text,
// counts its pages and draws page images (for a person to look at, under
// $RATEPAYER_TEST_ARTIFACTS). Missing poppler-utils fails these tests: they would otherwise
// prove nothing.

#include "billing/document/bill_pdf.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <thread>

#include "billing/document/scan_line.h"
#include "billing/document/testing/poppler.h"

namespace rp::billing::document {
namespace {

namespace fs = std::filesystem;
using date::August;
using date::October;
using date::September;
using testing::artifacts_directory;
using testing::page_count;
using testing::pdf_text;
using testing::poppler;

Money dollars(std::int64_t cents) {
  return Money::from_cents(cents);
}

DocumentSection electric_section() {
  DocumentSection section;
  section.commodity = "electric";
  section.rate_plan = "Residential time of use";
  section.meter_serial = "E-40871236";
  section.unit = "kWh";
  section.period_start = date::year{2026} / August / 15;
  section.period_end = date::year{2026} / September / 15;
  section.usage = "842.160";
  section.lines = {
      {"Customer charge", "", "", "", dollars(12'50)},
      {"Energy, Summer on-peak (4 pm - 9 pm weekdays)", "186.420", "kWh", "0.284500",
       dollars(53'04)},
      {"Energy, Summer mid-peak", "231.900", "kWh", "0.172300", dollars(39'96)},
      {"Energy, Summer off-peak", "423.840", "kWh", "0.098700", dollars(41'83)},
      {"Power cost adjustment", "842.160", "kWh", "0.004100", dollars(3'45)},
      {"Public purpose programs charge", "842.160", "kWh", "0.011200", dollars(9'43)},
      {"State energy surcharge", "842.160", "kWh", "0.000300", dollars(25)},
  };
  section.charges = dollars(160'46);
  return section;
}

DocumentSection water_section() {
  DocumentSection section;
  section.commodity = "water";
  section.rate_plan = "Residential water, tiered";
  section.meter_serial = "W-7731905";
  section.unit = "gal";
  section.period_start = date::year{2026} / August / 13;
  section.period_end = date::year{2026} / September / 12;
  section.start_read = "1,482,300";
  section.end_read = "1,489,100";
  section.usage = "6,800";
  section.estimated = true;
  section.lines = {
      {"Water service charge, 5/8 inch meter", "30", "day", "0.520000", dollars(15'60)},
      {"Water, tier 1 (first 5,000 gal)", "5000", "gal", "0.004200", dollars(21'00)},
      {"Water, tier 2", "1800", "gal", "0.006100", dollars(10'98)},
  };
  section.charges = dollars(47'58);
  return section;
}

// Thirteen months to September 2026; summer peaks, the March reading estimated.
std::vector<UsageBar> usage_history() {
  const std::int64_t kwh[] = {812, 644, 590, 702, 866, 901, 776, 612, 540, 598, 744, 918, 842};
  std::vector<UsageBar> bars;
  date::year_month month = date::year{2025} / September;
  for (std::int64_t usage : kwh) {
    bars.push_back(UsageBar{month, usage * 1000 + 160, month.month() == date::March});
    month += date::months{1};
  }
  return bars;
}

BillDocument realistic_bill(std::string language = "en") {
  BillDocument bill(AccountNumber::from_sequence(40'215'733));
  bill.language = std::move(language);
  bill.utility_name = "Cedar Valley Public Utilities";
  bill.utility_address = {"PO Box 2210", "Cedar Valley, OR 97330-2210"};
  bill.utility_phone = "(541) 555-0142";
  bill.utility_website = "cedarvalleyutilities.example";
  bill.customer_name = "María José Ortega";
  bill.mailing_address = {"1847 NW Sycamore Ave Apt 3", "Cedar Valley, OR 97330"};
  bill.service_address = "1847 NW Sycamore Ave Apt 3, Cedar Valley, OR 97330";
  bill.bill_number = 1'004'217;
  bill.bill_date = date::year{2026} / September / 16;
  bill.due_date = date::year{2026} / October / 7;
  bill.period_start = date::year{2026} / August / 13;
  bill.period_end = date::year{2026} / September / 15;
  bill.previous_balance = dollars(187'12);
  bill.payments = dollars(187'12);
  bill.adjustments = dollars(-5'00);
  bill.current_charges = dollars(208'04);
  bill.amount_due = dollars(203'04);
  bill.estimated = true;
  bill.sections = {electric_section(), water_section()};
  bill.usage_chart_unit = "kWh";
  bill.usage_history = usage_history();
  return bill;
}

// A bill whose electric section has 60 more lines (hourly blocks): too long for one page.
BillDocument long_bill() {
  BillDocument bill = realistic_bill();
  DocumentSection& electric = bill.sections[0];
  for (int hour = 0; hour < 60; ++hour) {
    electric.lines.push_back({"Energy, hour block " + std::to_string(hour + 1) + " of 60", "14.036",
                              "kWh", "0.142000", dollars(1'99)});
  }
  electric.charges += dollars(60 * 1'99);
  bill.current_charges += dollars(60 * 1'99);
  bill.amount_due += dollars(60 * 1'99);  // $322.44
  return bill;
}

// On budget billing: $175.00 billed against $208.04 of actual charges.
BillDocument budget_bill() {
  BillDocument bill = realistic_bill();
  bill.budget = BudgetSummary{dollars(175'00), dollars(208'04), dollars(96'40)};
  bill.current_charges = dollars(175'00);
  bill.amount_due = dollars(170'00);
  return bill;
}

// The closing bill after a move-out, overpaid: a credit balance.
BillDocument final_credit_bill() {
  BillDocument bill = realistic_bill();
  bill.final_bill = true;
  bill.estimated = false;
  bill.sections[1].estimated = false;
  bill.payments = dollars(420'00);
  bill.amount_due = dollars(-29'84);
  return bill;
}

std::string rendered(const BillDocument& bill) {
  Result<std::string> pdf = render_bill_pdf(bill);
  EXPECT_TRUE(pdf.ok()) << pdf.error().message;
  return pdf.ok() ? std::move(pdf).value() : std::string();
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(BillPdf, ATypicalBillIsAOnePagePdf) {
  const std::string pdf = rendered(realistic_bill());
  EXPECT_EQ(pdf.substr(0, 5), "%PDF-");
  EXPECT_EQ(page_count(pdf), 1);
}

TEST(BillPdf, ShowsWhatTheCustomerNeedsToPay) {
  const BillDocument bill = realistic_bill();
  const std::string text = pdf_text(rendered(bill), "en");
  for (const std::string& expected :
       {std::string("$203.04"), std::string("4021-5733-3"), std::string("Oct 7, 2026"),
        std::string("1004217"), std::string("Amount due"), std::string("Cedar Valley Public"),
        std::string("María José Ortega"), std::string("Previous balance"), std::string("-$187.12"),
        std::string("-$5.00"), std::string("ESTIMATED BILL")}) {
    EXPECT_TRUE(contains(text, expected)) << "missing \"" << expected << "\" in:\n" << text;
  }
}

TEST(BillPdf, ListsEveryLineAndSectionTotal) {
  const std::string text = pdf_text(rendered(realistic_bill()), "lines");
  for (const std::string& expected :
       {std::string("Customer charge"), std::string("Energy, Summer mid-peak"),
        std::string("Public purpose programs charge"), std::string("$53.04"),
        std::string("$0.2845"), std::string("186.4 kWh"), std::string("Water, tier 2"),
        std::string("30 days"), std::string("Total Electric"), std::string("$160.46"),
        std::string("$47.58"), std::string("1,489,100"), std::string("Meter W-7731905")}) {
    EXPECT_TRUE(contains(text, expected)) << "missing \"" << expected << "\" in:\n" << text;
  }
  // Quantities as a customer reads them, rates as prices: never the digits they were rated with.
  for (const std::string& unexpected : {std::string("0.284500"), std::string("186.420")}) {
    EXPECT_FALSE(contains(text, unexpected)) << "\"" << unexpected << "\" in:\n" << text;
  }
}

// A bill whose water meter was exchanged on August 30.
BillDocument exchange_bill(const std::string& language) {
  BillDocument bill = realistic_bill();
  bill.language = language;
  DocumentSection& water = bill.sections[1];
  water.estimated = false;
  water.meter_serial = "W-9000001";
  water.usage = "7000";
  water.meters = {
      {"W-7731905", date::year{2026} / August / 15, date::year{2026} / August / 30, "16600",
       "19600", "3000", false},
      {"W-9000001", date::year{2026} / August / 30, date::year{2026} / September / 14, "500",
       "4500", "4000", false},
  };
  return bill;
}

TEST(BillPdf, AMeterExchangedInThePeriodShowsEachMetersPartAndTheTotal) {
  for (const auto& [language, words] :
       std::vector<std::pair<std::string, std::vector<std::string>>>{
           {"en",
            {"Meter W-7731905, Aug 15, 2026", "Final read 19,600", "Meter W-9000001, Aug 30, 2026",
             "Read when installed 500", "Current read 4,500", "Total usage 7,000 gal"}},
           {"es", {"Lectura final 19,600", "Lectura al instalarlo 500", "Consumo total 7,000"}}}) {
    const std::string text = pdf_text(rendered(exchange_bill(language)), "exchange-" + language);
    for (const std::string& expected : words) {
      EXPECT_TRUE(contains(text, expected)) << "missing \"" << expected << "\" in:\n" << text;
    }
  }
}

TEST(BillPdf, CarriesTheScanLineOnTheStub) {
  const BillDocument bill = realistic_bill();
  const std::string line = scan_line(bill.account_number, bill.amount_due);
  EXPECT_EQ(line.substr(0, 21), "402157333 0000020304 ");
  const std::string text = pdf_text(rendered(bill), "scan");
  EXPECT_TRUE(contains(text, line)) << "missing scan line " << line << " in:\n" << text;
  EXPECT_TRUE(contains(text, "Amount enclosed")) << text;
}

TEST(BillPdf, SpanishBillIsInSpanishWithItsAccents) {
  const std::string text = pdf_text(rendered(realistic_bill("es")), "es");
  for (const std::string& expected :
       {std::string("Importe a pagar"), std::string("Fecha de emisión"),
        std::string("Fecha de vencimiento"), std::string("7 oct 2026"),
        std::string("Saldo anterior"), std::string("Electricidad"), std::string("Agua"),
        std::string("FACTURA ESTIMADA"), std::string("Descripción"), std::string("$203.04")}) {
    EXPECT_TRUE(contains(text, expected)) << "missing \"" << expected << "\" in:\n" << text;
  }
  EXPECT_FALSE(contains(text, "Amount due")) << text;
}

TEST(BillPdf, SameBillSameBytes) {
  const BillDocument bill = realistic_bill();
  const std::string first = rendered(bill);
  ASSERT_FALSE(first.empty());
  EXPECT_TRUE(first == rendered(bill)) << "two renderings of one bill differ";
  // cairo 1.16 writes the date without PDF's "D:" prefix; poppler reads it either way.
  EXPECT_TRUE(contains(first, "/CreationDate (20260916000000Z)"))
      << "the creation date is not the bill date";
}

TEST(BillPdf, RendersOnSeveralThreadsAtOnce) {
  // The bill run renders in parallel; every thread must get the same bytes as a lone rendering.
  const BillDocument bill = realistic_bill();
  const std::string alone = rendered(bill);
  std::vector<std::string> outputs(3);
  std::vector<std::thread> threads;
  for (std::string& output : outputs) {
    threads.emplace_back([&bill, &output] {
      Result<std::string> pdf = render_bill_pdf(bill);
      if (pdf.ok()) output = std::move(pdf).value();
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const std::string& output : outputs) EXPECT_TRUE(output == alone);
}

TEST(BillPdf, DrawsTheUsageChartWithItsUnitAndMonths) {
  const std::string text = pdf_text(rendered(realistic_bill()), "chart");
  EXPECT_TRUE(contains(text, "Your usage (kWh)")) << text;
  EXPECT_TRUE(std::regex_search(text, std::regex(R"(Sep\s+Oct\s+Nov\s+Dec\s+Jan)"))) << text;
  EXPECT_TRUE(contains(text, "1,500")) << "the axis should reach 1,500 kWh:\n" << text;
}

TEST(BillPdf, ALongBillContinuesOnMorePagesAndKeepsTheStub) {
  const BillDocument bill = long_bill();
  const std::string pdf = rendered(bill);
  EXPECT_GE(page_count(pdf), 2);
  const std::string text = pdf_text(pdf, "long");
  EXPECT_TRUE(contains(text, "hour block 60 of 60")) << text;
  EXPECT_TRUE(contains(text, "(continued)")) << text;
  EXPECT_TRUE(contains(text, "Continued on page 2")) << text;
  EXPECT_TRUE(contains(text, "Page 2 of")) << text;
  EXPECT_TRUE(contains(text, "$322.44")) << text;
  EXPECT_TRUE(contains(text, scan_line(bill.account_number, bill.amount_due))) << text;
}

TEST(BillPdf, BudgetBillShowsActualChargesAndTheBudgetAmount) {
  const BillDocument bill = budget_bill();
  const std::string text = pdf_text(rendered(bill), "budget");
  for (const std::string& expected :
       {std::string("Budget billing"), std::string("Actual charges this period"),
        std::string("$208.04"), std::string("Budget amount due"), std::string("$175.00"),
        std::string("$96.40"), std::string("$170.00")}) {
    EXPECT_TRUE(contains(text, expected)) << "missing \"" << expected << "\" in:\n" << text;
  }
}

TEST(BillPdf, FinalBillWithACreditSaysSo) {
  const BillDocument bill = final_credit_bill();
  const std::string text = pdf_text(rendered(bill), "final");
  EXPECT_TRUE(contains(text, "FINAL BILL")) << text;
  EXPECT_TRUE(contains(text, "-$29.84")) << text;
  EXPECT_TRUE(contains(text, "Credit balance")) << text;
  EXPECT_TRUE(contains(text, "402157333 0000000000 ")) << text;
}

TEST(BillPdf, RefusesWhatItCannotPrint) {
  BillDocument no_date = realistic_bill();
  no_date.due_date = LocalDate{};
  Result<std::string> refused = render_bill_pdf(no_date);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().field, "due_date");

  BillDocument huge = realistic_bill();
  huge.amount_due = Money::from_cents(kMaxScanLineCents + 1);
  refused = render_bill_pdf(huge);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().field, "amount_due");

  BillDocument backwards = realistic_bill();
  backwards.sections[1].period_end = backwards.sections[1].period_start;
  refused = render_bill_pdf(backwards);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().field, "sections[1].period_end");
}

// The PDF and its first page's image, kept for a person to review; asserts only that the image
// was drawn.
void write_page_image(const BillDocument& bill, const std::string& name) {
  const fs::path directory = artifacts_directory();
  const fs::path pdf = directory / (name + ".pdf");
  std::ofstream(pdf, std::ios::binary) << rendered(bill);
  const fs::path image = directory / name;
  poppler("pdftoppm", "-png -r 60 -singlefile '" + pdf.string() + "' '" + image.string() + "'");
  const fs::path png = image.string() + ".png";
  ASSERT_TRUE(fs::exists(png)) << png;
  EXPECT_GT(fs::file_size(png), 20'000u) << png << " is too small to be a drawn bill";
}

TEST(BillPdf, PageImagesForReview) {
  write_page_image(realistic_bill("en"), "bill-en");
  write_page_image(realistic_bill("es"), "bill-es");
  write_page_image(long_bill(), "bill-long");
  write_page_image(budget_bill(), "bill-budget");
  write_page_image(final_credit_bill(), "bill-final");
  write_page_image(exchange_bill("es"), "bill-exchange-es");
}

}  // namespace
}  // namespace rp::billing::document
