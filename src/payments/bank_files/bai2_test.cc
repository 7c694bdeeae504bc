#include "payments/bank_files/bai2.h"

#include <gtest/gtest.h>

namespace rp::payments::bai2 {
namespace {

// The morning lockbox report for Riverside's deposit account: opening and closing ledger and a
// credits summary (continued on an 88), then five deposits with each funds type a bank uses.
const std::vector<std::string> kLockbox = {
    "01,021000021,RIVERSIDEPU,261124,0615,1,80,10,2/",                             // 1
    "02,RIVERSIDEPU,021000021,1,261123,2400,,2/",                                  // 2
    "03,4410012345,,010,1523400,,,015,1798660,,/",                                 // 3
    "88,100,585260,5,,400,0,0,/",                                                  // 4
    "16,115,125400,0,LBX00017,100045-7,LOCKBOX 2231 BATCH 7 ITEM 1",               // 5
    "88,REMITTER JOSE NUNEZ-GARCIA, CHECK 1042",                                   // 6
    "16,115,8999,1,LBX00018,100046-2,LOCKBOX 2231 BATCH 7 ITEM 2",                 // 7
    "16,175,140861,V,261125,0900,CHK88123,,CHECK DEPOSIT AT BRANCH 12, MAIN ST/",  // 8
    "16,115,250000,S,100000,150000,0,LBX00019/",                                   // 9
    "88,200311-0,REMIT FROM LEE CHEN, ACCT 200311-0",                              // 10
    "88,INVOICE 2026-11/",                                                         // 11
    "16,175,60000,D,2,0,40000,1,20000,CHK88124,,CHECK DEPOSIT/",                   // 12
    "49,4492580,11/",                                                              // 13
    "98,4492580,1,13/",                                                            // 14
    "99,4492580,1,15/",                                                            // 15
};

std::string join(const std::vector<std::string>& lines, const std::string& end = "\n") {
  std::string text;
  for (const auto& line : lines) text += line + end;
  return text;
}

TEST(ParseBai2, ReadsALockboxFileWithContinuationsAndEveryFundsType) {
  auto parsed = parse_bai2(join(kLockbox));
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  const File& file = *parsed;
  EXPECT_EQ(file.sender, "021000021");
  EXPECT_EQ(file.receiver, "RIVERSIDEPU");
  EXPECT_EQ(file.creation_date, LocalDate(date::year{2026} / 11 / 24));
  EXPECT_EQ(file.creation_time, "0615");
  EXPECT_EQ(file.file_id, "1");
  ASSERT_EQ(file.groups.size(), 1u);
  const Group& group = file.groups[0];
  EXPECT_EQ(group.ultimate_receiver, "RIVERSIDEPU");
  EXPECT_EQ(group.originator, "021000021");
  EXPECT_EQ(group.as_of_date, LocalDate(date::year{2026} / 11 / 23));
  ASSERT_EQ(group.accounts.size(), 1u);
  const Account& account = group.accounts[0];
  EXPECT_EQ(account.account_number, "4410012345");
  EXPECT_EQ(account.currency, "USD");
  EXPECT_EQ(account.control_total, Money::from_cents(4492580));
  ASSERT_EQ(account.items.size(), 5u);

  const Item& first = account.items[0];
  EXPECT_EQ(first.type_code, "115");
  EXPECT_EQ(first.amount, Money::from_cents(125400));
  EXPECT_EQ(first.bank_reference, "LBX00017");
  EXPECT_EQ(first.customer_reference, "100045-7");
  EXPECT_EQ(first.text, "LOCKBOX 2231 BATCH 7 ITEM 1 REMITTER JOSE NUNEZ-GARCIA, CHECK 1042");
  EXPECT_EQ(first.line, 5);

  EXPECT_EQ(account.items[1].amount, Money::from_cents(8999));
  EXPECT_EQ(account.items[1].text, "LOCKBOX 2231 BATCH 7 ITEM 2");
  EXPECT_EQ(account.items[1].line, 7);

  const Item& value_dated = account.items[2];  // funds type V: a value date and time first
  EXPECT_EQ(value_dated.type_code, "175");
  EXPECT_EQ(value_dated.bank_reference, "CHK88123");
  EXPECT_EQ(value_dated.customer_reference, "");
  EXPECT_EQ(value_dated.text, "CHECK DEPOSIT AT BRANCH 12, MAIN ST");

  const Item& split = account.items[3];  // funds type S; its references come on the 88
  EXPECT_EQ(split.amount, Money::from_cents(250000));
  EXPECT_EQ(split.bank_reference, "LBX00019");
  EXPECT_EQ(split.customer_reference, "200311-0");
  EXPECT_EQ(split.text, "REMIT FROM LEE CHEN, ACCT 200311-0 INVOICE 2026-11");
  EXPECT_EQ(split.line, 9);

  const Item& distributed = account.items[4];  // funds type D with two day/amount pairs
  EXPECT_EQ(distributed.amount, Money::from_cents(60000));
  EXPECT_EQ(distributed.bank_reference, "CHK88124");
  EXPECT_EQ(distributed.text, "CHECK DEPOSIT");
}

TEST(ParseBai2, ReadsCrlfLineEndsAndSkipsBlankLines) {
  auto lines = kLockbox;
  lines.insert(lines.begin() + 7, "");
  auto parsed = parse_bai2(join(lines, "\r\n"));
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  const auto& items = parsed->groups[0].accounts[0].items;
  ASSERT_EQ(items.size(), 5u);
  EXPECT_EQ(items[1].text, "LOCKBOX 2231 BATCH 7 ITEM 2");
  EXPECT_EQ(items[2].line, 9);  // the blank line still counts as a line
}

TEST(ParseBai2, AnAccountInheritsItsGroupsCurrencyOrKeepsItsOwn) {
  auto lines = kLockbox;
  lines[1] = "02,RIVERSIDEPU,021000021,1,261123,2400,CAD,2/";
  EXPECT_EQ(parse_bai2(join(lines))->groups[0].accounts[0].currency, "CAD");
  lines[2] = "03,4410012345,USD,010,1523400,,,015,1798660,,/";
  EXPECT_EQ(parse_bai2(join(lines))->groups[0].accounts[0].currency, "USD");
}

TEST(ParseBai2, ReadsSeveralGroupsAndAccounts) {
  const std::vector<std::string> lines = {
      "01,021000021,RIVERSIDEPU,261124,0615,2,,,2/",
      "02,RIVERSIDEPU,021000021,1,261123,,,/",
      "03,4410012345,,010,-2500,,/",
      "49,-2500,2/",
      "03,4410099999,,/",
      "16,175,1000,,CHK1,,/",
      "49,1000,3/",
      "98,-1500,2,7/",
      "02,RIVERSIDEPU,122000661,1,261123,,,/",
      "03,7770001,,/",
      "16,115,4200,Z,,,LOCKBOX",
      "49,4200/",
      "98,4200/",
      "99,2700,2,14/",
  };
  auto parsed = parse_bai2(join(lines));
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  ASSERT_EQ(parsed->groups.size(), 2u);
  ASSERT_EQ(parsed->groups[0].accounts.size(), 2u);
  EXPECT_EQ(parsed->groups[0].accounts[0].control_total, Money::from_cents(-2500));
  EXPECT_TRUE(parsed->groups[0].accounts[0].items.empty());
  EXPECT_EQ(parsed->groups[0].accounts[1].items[0].text, "");
  EXPECT_EQ(parsed->groups[1].originator, "122000661");
  EXPECT_EQ(parsed->groups[1].accounts[0].items[0].text, "LOCKBOX");
}

void expect_refused(const std::string& text, const std::string& line_prefix,
                    const std::string& words) {
  auto refused = parse_bai2(text);
  ASSERT_FALSE(refused.ok()) << line_prefix << words;
  EXPECT_EQ(refused.error().kind, ErrorKind::invalid_input);
  EXPECT_EQ(refused.error().field, "file");
  EXPECT_EQ(refused.error().message.rfind(line_prefix, 0), 0u) << refused.error().message;
  EXPECT_NE(refused.error().message.find(words), std::string::npos) << refused.error().message;
}

// kLockbox with line `number` (1-based) replaced, or removed when `text` is empty.
std::string with_line(int number, const std::string& text) {
  auto lines = kLockbox;
  if (text.empty()) {
    lines.erase(lines.begin() + (number - 1));
  } else {
    lines[static_cast<std::size_t>(number - 1)] = text;
  }
  return join(lines);
}

TEST(ParseBai2, RefusesRecordsOutOfOrder) {
  expect_refused("", "line 1: ", "empty");
  expect_refused(join({kLockbox.begin() + 1, kLockbox.end()}),
                 "line 1: ", "expected an 01 file header");
  expect_refused(with_line(5, "17,115,125400,0,LBX00017,100045-7,LOCKBOX"),
                 "line 5: ", "unknown record code \"17\"");
  expect_refused("88,CONTINUED\n" + join(kLockbox), "line 1: ", "must follow the record");
  expect_refused(with_line(3, ""), "line 4: ",  // the 03 is gone: its 88 continues the 02
                 "expected an 03 account identifier or the 98 group trailer here, not a 16");
  expect_refused(with_line(13, ""), "line 13: ",
                 "expected a 16 transaction detail or the 49 account trailer here, not a 98");
  expect_refused(with_line(14, ""), "line 14: ",
                 "expected an 03 account identifier or the 98 group trailer here, not a 99");
  expect_refused(join({kLockbox.begin(), kLockbox.end() - 1}), "line 14: ",
                 "the file ends here, without an 02 group header or the 99 file trailer");
  expect_refused(join(kLockbox) + "01,021000021,RIVERSIDEPU,261124,0615,2,80,10,2/\n",
                 "line 16: ", "nothing may follow the 99");
  expect_refused(with_line(1, "01,021000021,RIVERSIDEPU,261124,0615,1,80,10,3/"),
                 "line 1: ", "not BAI2");
}

TEST(ParseBai2, RefusesBadAmountsDatesAndCodes) {
  expect_refused(with_line(7, "16,115,89.99,1,LBX00018,100046-2,ITEM 2"),
                 "line 7: ", "\"89.99\" is not an amount");
  expect_refused(with_line(7, "16,115,-8999,1,LBX00018,100046-2,ITEM 2"),
                 "line 7: ", "\"-8999\" is not an amount in cents (digits only)");
  expect_refused(with_line(7, "16,115,,1,LBX00018,100046-2,ITEM 2"),
                 "line 7: ", "the transaction amount is missing");
  expect_refused(with_line(7, "16,11A,8999,1,LBX00018,100046-2,ITEM 2"),
                 "line 7: ", "type code \"11A\"");
  expect_refused(with_line(7, "16,115,8999,X,LBX00018,100046-2,ITEM 2"),
                 "line 7: ", "funds type \"X\"");
  expect_refused(with_line(8, "16,175,140861,V,261131,0900,CHK88123,,CHECK DEPOSIT/"),
                 "line 8: ", "value date \"261131\" is not a calendar date");
  expect_refused(with_line(9, "16,115,250000,S,100000,1500.00,0,LBX00019/"),
                 "line 9: ", "one-day availability");
  expect_refused(with_line(12, "16,175,60000,D,2,0,40000,1/"),
                 "line 12: ", "the distributed amount is missing");
  expect_refused(with_line(4, "88,,585260,5,,400,0,0,/"), "line 4: ", "type code \"\"");
  expect_refused(with_line(4, "88,100,58526O,5,,400,0,0,/"),
                 "line 4: ", "summary amount \"58526O\"");
  expect_refused(with_line(1, "01,021000021,RIVERSIDEPU,261324,0615,1,80,10,2/"),
                 "line 1: ", "file creation date \"261324\"");
  expect_refused(with_line(1, "01,021000021,RIVERSIDEPU,261124,615,1,80,10,2/"),
                 "line 1: ", "file creation time \"615\"");
  expect_refused(with_line(2, "02,RIVERSIDEPU,021000021,1,2026-11-23,2400,,2/"),
                 "line 2: ", "as-of date \"2026-11-23\" must be a date written YYMMDD");
  expect_refused(with_line(2, "02,RIVERSIDEPU,021000021,1,261123,2400,usd,2/"),
                 "line 2: ", "currency code \"usd\"");
}

TEST(ParseBai2, RefusesControlTotalsThatDoNotMatch) {
  expect_refused(with_line(13, "49,4492581,11/"), "line 13: ",
                 "the 49 account trailer's control total 4492581 does not match the sum of the "
                 "amounts it closes, 4492580");
  expect_refused(with_line(13, "49,,11/"), "line 13: ", "control total is missing");
  expect_refused(with_line(14, "98,4492480,1,13/"),
                 "line 14: ", "the 98 group trailer's control total 4492480");
  expect_refused(with_line(15, "99,-4492580,1,15/"),
                 "line 15: ", "the 99 file trailer's control total -4492580");
}

TEST(ParseBai2, RefusesCountsThatDoNotMatch) {
  expect_refused(with_line(13, "49,4492580,10/"),
                 "line 13: ", "counts 10 records, but there are 11");
  expect_refused(with_line(14, "98,4492580,1,12/"),
                 "line 14: ", "counts 12 records, but there are 13");
  expect_refused(with_line(15, "99,4492580,1,16/"),
                 "line 15: ", "counts 16 records, but there are 15");
  expect_refused(with_line(14, "98,4492580,2,13/"),
                 "line 14: ", "counts 2 accounts, but there are 1");
  expect_refused(with_line(15, "99,4492580,0,15/"),
                 "line 15: ", "counts 0 groups, but there are 1");
  expect_refused(with_line(15, "99,4492580,one,15/"),
                 "line 15: ", "the number of groups \"one\" must be a whole number");
  // Counts left out are not checked.
  EXPECT_TRUE(parse_bai2(with_line(15, "99,4492580,,/")).ok());
}

}  // namespace
}  // namespace rp::payments::bai2
