// The ACH debit file made from posted bank payments, and the bank's returns read back.

#include "payments/ach_export.h"

#include <gtest/gtest.h>

#include <sstream>
#include "core/testing/client_keys.h"

#include "accounts/testing/account_fixtures.h"
#include "payments/payment_intake.h"
#include "payments/payment_returns.h"
#include "payments/testing/payment_processors.h"
#include "store/testing/test_database.h"

namespace rp::payments {
namespace {

using store::testing::count;
using store::testing::query;

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

class AchExportTest : public ::testing::Test {
 protected:
  AchExportTest()
      : account_(accounts::testing::open_sample_account(test_.database())),
        processors_(test_.database()) {}

  void set(const std::string& key, const std::string& value) {
    ASSERT_TRUE(test_
                    ->write<std::int64_t>([&](store::Session& session) {
                      return session.execute(
                          "INSERT INTO utility_settings (key, value) VALUES (:key, :value)",
                          {key, value});
                    })
                    .ok());
  }

  void configure_originator() {
    set("ach_odfi_routing", "091000019");
    set("ach_odfi_name", "First Prairie Bank");
    set("ach_company_name", "Ratepayer Water");
    set("ach_company_id", "1234567890");
  }

  PaymentView pay(std::int64_t cents, const std::string& token, const std::string& key,
                  PaymentChannel channel = PaymentChannel::web) {
    auto paid = submit_payment(
        test_.database(), processors_.processors(),
        {account_, Money::from_cents(cents), token, channel, rp::testing::client_key(key), "c"});
    EXPECT_TRUE(paid.ok());
    return paid.ok() ? *paid : PaymentView{};
  }

  Result<AchExport> export_file() {
    AchExportRequest request;
    request.effective_on = LocalDate{date::year{2030} / 1 / 2};
    request.actor = "cli";
    return export_ach_file(test_.database(), processors_.ach().key(), request);
  }

  store::testing::TestDatabase test_;
  AccountNumber account_;
  testing::TestPaymentProcessors processors_;
};

TEST_F(AchExportTest, EachPostedBankPaymentIsSentInExactlyOneFile) {
  configure_originator();
  const std::string checking = processors_.bank(test_.database(), "000123456789");
  const std::string savings = processors_.bank(test_.database(), "55501234", "savings");
  const PaymentView web = pay(60'00, checking, "k1");
  const PaymentView phone = pay(12'34, savings, "k2", PaymentChannel::phone);
  pay(9'99, processors_.card("4242424242424242"), "k3");                // a card: not in the file
  pay(5'00, processors_.bank(test_.database(), "000000000003"), "k4");  // failed: not sent

  auto made = export_file();
  ASSERT_TRUE(made.ok()) << made.error().message;
  EXPECT_EQ(made->entries, 2);
  EXPECT_EQ(made->total, Money::from_cents(72'34));
  EXPECT_EQ(made->file_id_modifier, 'A');
  const std::vector<std::string> lines = lines_of(made->content);
  ASSERT_EQ(lines.size(), 10u);  // 1 + (5, 6, 8) x 2 + 9, padded to 10
  for (const std::string& line : lines) EXPECT_EQ(line.size(), 94u);
  EXPECT_EQ(lines[0].substr(3, 10), " 091000019");
  EXPECT_EQ(lines[1].substr(50, 3), "WEB");
  EXPECT_EQ(lines[1].substr(69, 6), "300102");  // the effective entry date
  EXPECT_EQ(lines[2].substr(1, 2), "27");       // a checking debit
  EXPECT_EQ(lines[2].substr(12, 17), "000123456789     ");
  EXPECT_EQ(lines[2].substr(29, 10), "0000006000");
  EXPECT_EQ(lines[2].substr(39, 15),
            account_.digits() + std::string(15 - account_.digits().size(), ' '));
  EXPECT_EQ(lines[4].substr(50, 3), "TEL");
  EXPECT_EQ(lines[5].substr(1, 2), "37");  // a savings debit
  EXPECT_EQ(lines[5].substr(29, 10), "0000001234");

  auto traces = query(test_.database(),
                      "SELECT confirmation, ach_trace_number, ach_file_id FROM payments "
                      "WHERE ach_file_id IS NOT NULL ORDER BY id");
  ASSERT_EQ(traces.size(), 2u);
  EXPECT_EQ(traces[0].text(0), web.confirmation);
  EXPECT_EQ(traces[0].text(1), "091000010000001");
  EXPECT_EQ(lines[2].substr(79, 15), traces[0].text(1));
  EXPECT_EQ(traces[1].text(0), phone.confirmation);
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM ach_files"), 1);
  // The account number stays sealed in the database; only the file carries it.
  EXPECT_EQ(
      count(test_.database(), "SELECT COUNT(*) FROM ach_files WHERE content LIKE '%000123456789%'"),
      1);

  auto again = export_file();
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->entries, 0);
  EXPECT_TRUE(again->content.empty());
  pay(1'00, checking, "k5");
  auto second = export_file();
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->entries, 1);
  EXPECT_EQ(second->file_id_modifier, 'B');
}

TEST_F(AchExportTest, AMissingOrBadOriginatorSettingIsNamedAndNothingIsMarkedSent) {
  pay(60'00, processors_.bank(test_.database(), "000123456789"), "k1");
  auto missing = export_file();
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().field, "ach_odfi_routing");
  set("ach_odfi_routing", "091000018");
  EXPECT_EQ(export_file().error().field, "ach_odfi_routing");  // the check digit
  ASSERT_TRUE(test_
                  ->write<std::int64_t>([](store::Session& session) {
                    return session.execute("DELETE FROM utility_settings");
                  })
                  .ok());
  configure_originator();
  ASSERT_TRUE(test_
                  ->write<std::int64_t>([](store::Session& session) {
                    return session.execute(
                        "UPDATE utility_settings SET value = '12345' WHERE key = "
                        "'ach_company_id'");
                  })
                  .ok());
  auto short_id = export_file();
  ASSERT_FALSE(short_id.ok());
  EXPECT_EQ(short_id.error().field, "ach_company_id");
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM payments WHERE ach_file_id IS NOT NULL"),
            0);
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM ach_files"), 0);
}

// The bank's return file for entry `entry_line` of a sent file, with `code`.
std::string return_file(const std::vector<std::string>& sent, const std::string& entry_line,
                        const std::string& code) {
  std::string addenda = "799" + code + entry_line.substr(79, 15) + std::string(6, ' ') +
                        entry_line.substr(3, 8) + std::string(44, ' ') + "091000010000001";
  return sent[0] + "\n" + sent[1] + "\n" + entry_line.substr(0, 78) + "1" + entry_line.substr(79) +
         "\n" + addenda + "\n" + sent[3] + "\n" + sent[4] + "\n";
}

TEST_F(AchExportTest, TheBanksReturnFileReturnsEachPaymentOnceAllOrNothing) {
  configure_originator();
  set("returned_payment_fee_cents", "2000");
  const std::string checking = processors_.bank(test_.database(), "000123456789");
  const PaymentView paid = pay(60'00, checking, "k1");
  auto made = export_file();
  ASSERT_TRUE(made.ok());
  const std::vector<std::string> sent = lines_of(made->content);
  const std::string returns = return_file(sent, sent[2], "R01");

  auto applied = apply_ach_returns(test_.database(), returns, "ach-returns");
  ASSERT_TRUE(applied.ok()) << applied.error().message;
  EXPECT_EQ(applied->returned, 1);
  EXPECT_EQ(applied->fees, Money::from_cents(20'00));
  ASSERT_EQ(applied->payments.size(), 1u);
  EXPECT_EQ(applied->payments[0].payment.confirmation, paid.confirmation);
  EXPECT_EQ(applied->payments[0].payment.status, PaymentStatus::returned);
  const std::int64_t balance =
      count(test_.database(), "SELECT CAST(SUM(amount_cents) AS BIGINT) FROM ledger_entries");
  EXPECT_EQ(balance, 20'00);

  auto reimported = apply_ach_returns(test_.database(), returns, "ach-returns");
  ASSERT_TRUE(reimported.ok());
  EXPECT_EQ(reimported->returned, 0);
  EXPECT_EQ(reimported->already_returned, 1);
  EXPECT_EQ(count(test_.database(), "SELECT CAST(SUM(amount_cents) AS BIGINT) FROM ledger_entries"),
            balance);

  // A return whose amount is not its payment's refuses the whole file, naming it.
  std::string wrong_amount = sent[2];
  wrong_amount.replace(29, 10, "0000006001");
  auto mismatched =
      apply_ach_returns(test_.database(), return_file(sent, wrong_amount, "R02"), "ach-returns");
  ASSERT_FALSE(mismatched.ok());
  EXPECT_EQ(mismatched.error().field, "file");
  EXPECT_NE(mismatched.error().message.find("$60.01"), std::string::npos);

  // An unknown trace number refuses the whole file.
  const PaymentView second = pay(10'00, checking, "k2");
  auto next = export_file();
  ASSERT_TRUE(next.ok());
  const std::vector<std::string> next_sent = lines_of(next->content);
  std::string unknown_entry = next_sent[2];
  unknown_entry.replace(79, 15, "091000019999999");
  const std::string mixed =
      return_file(next_sent, next_sent[2], "R01") + return_file(next_sent, unknown_entry, "R01");
  auto refused = apply_ach_returns(test_.database(), mixed, "ach-returns");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, ErrorKind::not_found);
  EXPECT_NE(refused.error().message.find("091000019999999"), std::string::npos);
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM payments WHERE status = 'returned'"), 1);
  (void)second;
}

}  // namespace
}  // namespace rp::payments
