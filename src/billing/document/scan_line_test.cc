#include "billing/document/scan_line.h"

#include <gtest/gtest.h>

namespace rp::billing::document {
namespace {

const AccountNumber kAccount = AccountNumber::from_sequence(12'345'678);  // 123456782

std::string error_of(std::string_view text) {
  Result<ScanLine> parsed = parse_scan_line(text);
  EXPECT_FALSE(parsed.ok()) << text << " was accepted";
  if (parsed.ok()) return {};
  EXPECT_EQ(parsed.error().kind, ErrorKind::invalid_input);
  EXPECT_EQ(parsed.error().field, "scan_line");
  return parsed.error().message;
}

TEST(ScanLine, AccountAmountInCentsAndLuhnOverBoth) {
  // Luhn of 1234567820000012345: the check digit was worked by hand (sum 53 -> 7).
  EXPECT_EQ(scan_line(kAccount, Money::from_cents(123'45)), "123456782 0000012345 7");
}

TEST(ScanLine, ZeroAndCreditBalancesPrintZero) {
  const std::string zero = scan_line(kAccount, Money{});
  EXPECT_EQ(zero.substr(0, 21), "123456782 0000000000 ");
  EXPECT_EQ(scan_line(kAccount, Money::from_cents(-12'00)), zero);
}

TEST(ScanLine, LargestAmountFillsTenDigits) {
  const std::string line = scan_line(kAccount, Money::from_cents(kMaxScanLineCents));
  EXPECT_EQ(line.substr(0, 21), "123456782 9999999999 ");
  ASSERT_TRUE(parse_scan_line(line).ok());
  EXPECT_EQ(parse_scan_line(line)->amount_due.cents(), kMaxScanLineCents);
}

TEST(ScanLine, ParsesWhatItPrints) {
  for (std::int64_t cents : {0, 1, 99, 123'45, 1'234'567'89}) {
    const AccountNumber account = AccountNumber::from_sequence(static_cast<uint32_t>(cents % 97));
    Result<ScanLine> parsed = parse_scan_line(scan_line(account, Money::from_cents(cents)));
    ASSERT_TRUE(parsed.ok()) << parsed.error().message;
    EXPECT_EQ(parsed->account, account);
    EXPECT_EQ(parsed->amount_due, Money::from_cents(cents));
  }
}

TEST(ScanLine, SurroundingBlanksAreIgnored) {
  Result<ScanLine> parsed = parse_scan_line("  123456782 0000012345 7\r\n");
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(parsed->amount_due, Money::from_cents(123'45));
}

TEST(ScanLine, RefusesTheWrongLength) {
  EXPECT_NE(error_of("123456782 000012345 7").find("has 21 characters, not 22"), std::string::npos);
  EXPECT_NE(error_of("").find("has 0 characters"), std::string::npos);
}

TEST(ScanLine, RefusesNonDigitsAndMissingSpaces) {
  EXPECT_NE(error_of("123456782 00000123O5 7").find("'O' at position 19 where a digit belongs"),
            std::string::npos);
  EXPECT_NE(error_of("1234567820000001234507").find("'0' at position 10 where a space belongs"),
            std::string::npos);
}

TEST(ScanLine, CatchesASingleMisreadDigit) {
  // The amount's 4 read as a 9: $123.45 would have posted as $123.95.
  EXPECT_NE(error_of("123456782 0000012395 7").find("fails its check digit"), std::string::npos);
  // A misread account digit is caught by the line's check digit before the account's.
  EXPECT_NE(error_of("123456783 0000012345 7").find("fails its check digit"), std::string::npos);
}

TEST(ScanLine, CatchesATransposition) {
  // 12345 keyed as 12354.
  EXPECT_NE(error_of("123456782 0000012354 7").find("fails its check digit"), std::string::npos);
  // Account 123456782 keyed as 123465782.
  EXPECT_NE(error_of("123465782 0000012345 7").find("fails its check digit"), std::string::npos);
}

TEST(ScanLine, RefusesAnAccountWhoseOwnCheckDigitIsWrong) {
  // A line whose overall check digit was computed over a bad account number (a stub printed from
  // corrupt data): the line checks, the account does not.
  const std::string payload = "123456783" + std::string("0000012345");
  const std::string line = "123456783 0000012345 " + std::string(1, luhn_check_digit(payload));
  EXPECT_NE(error_of(line).find("account number whose check digit does not match"),
            std::string::npos);
}

}  // namespace
}  // namespace rp::billing::document
