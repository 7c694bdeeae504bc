#include "payments/bank_files/nacha.h"

#include <functional>
#include <sstream>

#include <gtest/gtest.h>

namespace rp::payments::nacha {
namespace {

const LocalDate kCreated{date::year{2026} / 11 / 23};

Originator riverside() {
  Originator o;
  o.immediate_destination = "021000021";
  o.destination_name = "JPMorgan Chase";
  o.immediate_origin = "1954321098";
  o.origin_name = "Riverside Public Util";
  o.company_name = "Riverside Util";
  o.company_id = "1954321098";
  o.company_entry_description = "UTILITY";
  o.odfi_identification = "02100002";
  return o;
}

DebitEntry debit(std::string routing, std::string account, std::string type, std::int64_t cents,
                 std::string id, std::string name, std::int64_t trace) {
  return DebitEntry{std::move(routing),
                    std::move(account),
                    std::move(type),
                    Money::from_cents(cents),
                    std::move(id),
                    std::move(name),
                    trace};
}

// A WEB batch (two portal payments) and a PPD batch (one autopay debit).
AchFile two_batch_file() {
  AchFile file;
  file.originator = riverside();
  file.creation_date = kCreated;
  file.creation_hour = 6;
  file.creation_minute = 5;
  file.file_id_modifier = 'B';
  Batch web;
  web.sec_code = "WEB";
  web.effective_entry_date = LocalDate{date::year{2026} / 11 / 24};
  web.company_descriptive_date = "Nov 26";
  web.entries.push_back(
      debit("011000015", "000123456789", "checking", 12540, "100045-7", "José Núñez-García", 1));
  web.entries.push_back(debit("021000021", "99887766", "savings", 8999, "100046-2",
                              "Margaret Fitzgerald-Worthington", 2));
  Batch ppd;
  ppd.sec_code = "PPD";
  ppd.effective_entry_date = LocalDate{date::year{2026} / 11 / 25};
  ppd.entries.push_back(
      debit("122000661", "4455667788", "checking", 104217, "200311-0", "Lee Chen", 3));
  file.batches = {web, ppd};
  return file;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The NACHA layout tables count positions from 1, inclusive at both ends; so does this.
std::string at(const std::string& record, std::size_t first, std::size_t last) {
  return record.substr(first - 1, last - first + 1);
}

TEST(WriteAchFile, EveryRecordIs94CharactersEndedByANewlineAndPaddedToBlocksOfTen) {
  auto written = write_ach_file(two_batch_file());
  ASSERT_TRUE(written.ok()) << written.error().message;
  const std::string& text = *written;
  ASSERT_EQ(text.back(), '\n');
  const auto lines = lines_of(text);
  ASSERT_EQ(lines.size(), 10u);  // 1 + (1 + 2 + 1) + (1 + 1 + 1) + 1 = 9, and one padding record
  EXPECT_EQ(text.size(), 10u * 95u);
  for (const std::string& line : lines) EXPECT_EQ(line.size(), 94u) << line;
  EXPECT_EQ(lines[9], std::string(94, '9'));
  const std::string types = {lines[0][0], lines[1][0], lines[2][0], lines[3][0], lines[4][0],
                             lines[5][0], lines[6][0], lines[7][0], lines[8][0]};
  EXPECT_EQ(types, "156685689");
}

TEST(WriteAchFile, FileHeaderFieldsSitWhereNachaPutsThem) {
  const auto header = lines_of(*write_ach_file(two_batch_file()))[0];
  EXPECT_EQ(at(header, 1, 1), "1");                          // record type code
  EXPECT_EQ(at(header, 2, 3), "01");                         // priority code
  EXPECT_EQ(at(header, 4, 13), " 021000021");                // immediate destination
  EXPECT_EQ(at(header, 14, 23), "1954321098");               // immediate origin
  EXPECT_EQ(at(header, 24, 29), "261123");                   // file creation date YYMMDD
  EXPECT_EQ(at(header, 30, 33), "0605");                     // file creation time HHMM
  EXPECT_EQ(at(header, 34, 34), "B");                        // file id modifier
  EXPECT_EQ(at(header, 35, 37), "094");                      // record size
  EXPECT_EQ(at(header, 38, 39), "10");                       // blocking factor
  EXPECT_EQ(at(header, 40, 40), "1");                        // format code
  EXPECT_EQ(at(header, 41, 63), "JPMORGAN CHASE         ");  // destination name
  EXPECT_EQ(at(header, 64, 86), "RIVERSIDE PUBLIC UTIL  ");  // origin name
  EXPECT_EQ(at(header, 87, 94), "        ");                 // reference code
}

TEST(WriteAchFile, NineDigitImmediateOriginIsRightJustifiedWithALeadingSpace) {
  AchFile file = two_batch_file();
  file.originator.immediate_origin = "954321098";
  EXPECT_EQ(at(lines_of(*write_ach_file(file))[0], 14, 23), " 954321098");
}

TEST(WriteAchFile, BatchHeaderFieldsSitWhereNachaPutsThem) {
  const auto lines = lines_of(*write_ach_file(two_batch_file()));
  const std::string& web = lines[1];
  EXPECT_EQ(at(web, 1, 1), "5");                     // record type code
  EXPECT_EQ(at(web, 2, 4), "225");                   // service class: debits only
  EXPECT_EQ(at(web, 5, 20), "RIVERSIDE UTIL  ");     // company name
  EXPECT_EQ(at(web, 21, 40), std::string(20, ' '));  // company discretionary data
  EXPECT_EQ(at(web, 41, 50), "1954321098");          // company identification
  EXPECT_EQ(at(web, 51, 53), "WEB");                 // SEC code
  EXPECT_EQ(at(web, 54, 63), "UTILITY   ");          // company entry description
  EXPECT_EQ(at(web, 64, 69), "NOV 26");              // company descriptive date
  EXPECT_EQ(at(web, 70, 75), "261124");              // effective entry date
  EXPECT_EQ(at(web, 76, 78), "   ");                 // settlement date: the ACH operator's
  EXPECT_EQ(at(web, 79, 79), "1");                   // originator status code
  EXPECT_EQ(at(web, 80, 87), "02100002");            // ODFI identification
  EXPECT_EQ(at(web, 88, 94), "0000001");             // batch number
  const std::string& ppd = lines[5];
  EXPECT_EQ(at(ppd, 2, 4), "225");
  EXPECT_EQ(at(ppd, 51, 53), "PPD");
  EXPECT_EQ(at(ppd, 64, 69), "      ");
  EXPECT_EQ(at(ppd, 70, 75), "261125");
  EXPECT_EQ(at(ppd, 88, 94), "0000002");
}

TEST(WriteAchFile, EntryDetailFieldsSitWhereNachaPutsThem) {
  const auto lines = lines_of(*write_ach_file(two_batch_file()));
  const std::string& first = lines[2];
  EXPECT_EQ(at(first, 1, 1), "6");                         // record type code
  EXPECT_EQ(at(first, 2, 3), "27");                        // debit to checking
  EXPECT_EQ(at(first, 4, 11), "01100001");                 // receiving DFI identification
  EXPECT_EQ(at(first, 12, 12), "5");                       // check digit
  EXPECT_EQ(at(first, 13, 29), "000123456789     ");       // DFI account number
  EXPECT_EQ(at(first, 30, 39), "0000012540");              // amount in cents
  EXPECT_EQ(at(first, 40, 54), "100045-7       ");         // individual identification
  EXPECT_EQ(at(first, 55, 76), "JOSE NUNEZ-GARCIA     ");  // individual name, folded
  EXPECT_EQ(at(first, 77, 78), "  ");                      // discretionary data
  EXPECT_EQ(at(first, 79, 79), "0");                       // addenda record indicator
  EXPECT_EQ(at(first, 80, 94), "021000020000001");         // trace number
  const std::string& second = lines[3];
  EXPECT_EQ(at(second, 2, 3), "37");  // debit to savings
  EXPECT_EQ(at(second, 4, 12), "021000021");
  EXPECT_EQ(at(second, 13, 29), "99887766         ");
  EXPECT_EQ(at(second, 30, 39), "0000008999");
  EXPECT_EQ(at(second, 55, 76), "MARGARET FITZGERALD-WO");  // cut to 22
  EXPECT_EQ(at(second, 80, 94), "021000020000002");
  EXPECT_EQ(at(lines[6], 80, 94), "021000020000003");
}

TEST(WriteAchFile, BatchControlFieldsSitWhereNachaPutsThem) {
  const auto lines = lines_of(*write_ach_file(two_batch_file()));
  const std::string& web = lines[4];
  EXPECT_EQ(at(web, 1, 1), "8");                     // record type code
  EXPECT_EQ(at(web, 2, 4), "225");                   // service class code
  EXPECT_EQ(at(web, 5, 10), "000002");               // entry/addenda count
  EXPECT_EQ(at(web, 11, 20), "0003200003");          // 01100001 + 02100002
  EXPECT_EQ(at(web, 21, 32), "000000021539");        // total debit: 125.40 + 89.99
  EXPECT_EQ(at(web, 33, 44), "000000000000");        // total credit
  EXPECT_EQ(at(web, 45, 54), "1954321098");          // company identification
  EXPECT_EQ(at(web, 55, 73), std::string(19, ' '));  // message authentication code
  EXPECT_EQ(at(web, 74, 79), std::string(6, ' '));   // reserved
  EXPECT_EQ(at(web, 80, 87), "02100002");            // ODFI identification
  EXPECT_EQ(at(web, 88, 94), "0000001");             // batch number
  const std::string& ppd = lines[7];
  EXPECT_EQ(at(ppd, 5, 10), "000001");
  EXPECT_EQ(at(ppd, 11, 20), "0012200066");
  EXPECT_EQ(at(ppd, 21, 32), "000000104217");
  EXPECT_EQ(at(ppd, 88, 94), "0000002");
}

TEST(WriteAchFile, FileControlFieldsSitWhereNachaPutsThem) {
  const std::string control = lines_of(*write_ach_file(two_batch_file()))[8];
  EXPECT_EQ(at(control, 1, 1), "9");               // record type code
  EXPECT_EQ(at(control, 2, 7), "000002");          // batch count
  EXPECT_EQ(at(control, 8, 13), "000001");         // block count
  EXPECT_EQ(at(control, 14, 21), "00000003");      // entry/addenda count
  EXPECT_EQ(at(control, 22, 31), "0015400069");    // entry hash: 3200003 + 12200066
  EXPECT_EQ(at(control, 32, 43), "000000125756");  // total debit
  EXPECT_EQ(at(control, 44, 55), "000000000000");  // total credit
  EXPECT_EQ(at(control, 56, 94), std::string(39, ' '));
}

AchFile one_batch_of(int entries, const std::string& routing, std::int64_t cents) {
  AchFile file = two_batch_file();
  file.batches.resize(1);
  file.batches[0].entries.clear();
  for (int i = 1; i <= entries; ++i) {
    file.batches[0].entries.push_back(
        debit(routing, "000123456789", "checking", cents, "100045-7", "Pat Doe", i));
  }
  return file;
}

TEST(WriteAchFile, TenRecordsNeedNoPaddingAndElevenNeedNine) {
  const auto exactly_ten = lines_of(*write_ach_file(one_batch_of(6, "011000015", 100)));
  ASSERT_EQ(exactly_ten.size(), 10u);
  EXPECT_EQ(exactly_ten[9][0], '9');
  EXPECT_EQ(at(exactly_ten[9], 8, 13), "000001");
  EXPECT_NE(exactly_ten[9], std::string(94, '9'));

  const auto eleven = lines_of(*write_ach_file(one_batch_of(7, "011000015", 100)));
  ASSERT_EQ(eleven.size(), 20u);
  EXPECT_EQ(at(eleven[10], 8, 13), "000002");  // block count
  for (std::size_t i = 11; i < 20; ++i) EXPECT_EQ(eleven[i], std::string(94, '9'));
}

TEST(WriteAchFile, EntryHashKeepsOnlyItsLastTenDigits) {
  // 101 x 99999999 = 10,099,999,899: eleven digits, of which the file carries the last ten.
  const auto lines = lines_of(*write_ach_file(one_batch_of(101, "999999992", 100)));
  ASSERT_EQ(lines.size(), 110u);  // 105 records and 5 padding
  EXPECT_EQ(at(lines[103], 11, 20), "0099999899");
  EXPECT_EQ(at(lines[104], 22, 31), "0099999899");
  EXPECT_EQ(at(lines[104], 8, 13), "000011");
  EXPECT_EQ(at(lines[104], 14, 21), "00000101");
}

TEST(WriteAchFile, NamesAreFoldedToPrintableAsciiAndNeverBreakTheLayout) {
  AchFile file = two_batch_file();
  file.batches[0].entries[0].individual_name = "Zoë \xF0\x9F\x98\x80 O'Brien\n";
  file.batches[0].entries[1].individual_name = "Łukasz Æbelø Straße";
  file.originator.company_name = "Énergie\tVille";
  const auto lines = lines_of(*write_ach_file(file));
  ASSERT_EQ(lines.size(), 10u);
  EXPECT_EQ(at(lines[2], 55, 76), "ZOE   O'BRIEN         ");
  EXPECT_EQ(at(lines[3], 55, 76), "LUKASZ AEBELO STRASSE ");
  EXPECT_EQ(at(lines[1], 5, 20), "ENERGIE VILLE   ");
  for (const std::string& line : lines) {
    EXPECT_EQ(line.size(), 94u);
    for (char c : line) EXPECT_TRUE(c >= 0x20 && c <= 0x7E) << line;
  }
}

struct BadFile {
  std::function<void(AchFile&)> spoil;
  std::string field;
};

TEST(WriteAchFile, RefusesEachBadFieldByNameWithoutRepeatingTheAccountNumber) {
  auto entry = [](std::size_t batch, std::size_t i) {
    return "batches[" + std::to_string(batch) + "].entries[" + std::to_string(i) + "].";
  };
  const std::vector<BadFile> cases = {
      {[](AchFile& f) { f.originator.immediate_destination = "021000022"; },
       "originator.immediate_destination"},
      {[](AchFile& f) { f.originator.immediate_destination = "02100002"; },
       "originator.immediate_destination"},
      {[](AchFile& f) { f.originator.destination_name = "JPMorgan Chase Bank Treasury"; },
       "originator.destination_name"},
      {[](AchFile& f) { f.originator.immediate_origin = "12345"; }, "originator.immediate_origin"},
      {[](AchFile& f) { f.originator.immediate_origin = "1954-21098"; },
       "originator.immediate_origin"},
      {[](AchFile& f) { f.originator.origin_name = "Riverside Public Utility District"; },
       "originator.origin_name"},
      {[](AchFile& f) { f.originator.company_name = " "; }, "originator.company_name"},
      {[](AchFile& f) { f.originator.company_name = "Riverside Utilities"; },
       "originator.company_name"},
      {[](AchFile& f) { f.originator.company_id = "954321098"; }, "originator.company_id"},
      {[](AchFile& f) { f.originator.company_id = "1954 21098"; }, "originator.company_id"},
      {[](AchFile& f) { f.originator.company_entry_description = ""; },
       "originator.company_entry_description"},
      {[](AchFile& f) { f.originator.company_entry_description = "AUTOPAY DEBIT"; },
       "originator.company_entry_description"},
      {[](AchFile& f) { f.originator.odfi_identification = "0210000"; },
       "originator.odfi_identification"},
      {[](AchFile& f) { f.creation_date = LocalDate{date::year{2026} / 2 / 30}; }, "creation_date"},
      {[](AchFile& f) { f.creation_date = LocalDate{date::year{1999} / 12 / 31}; },
       "creation_date"},
      {[](AchFile& f) { f.creation_hour = 24; }, "creation_hour"},
      {[](AchFile& f) { f.creation_minute = -1; }, "creation_minute"},
      {[](AchFile& f) { f.file_id_modifier = 'b'; }, "file_id_modifier"},
      {[](AchFile& f) { f.batches.clear(); }, "batches"},
      {[](AchFile& f) { f.batches[1].sec_code = "CCD"; }, "batches[1].sec_code"},
      {[](AchFile& f) {
         f.batches[0].effective_entry_date = LocalDate{date::year{2026} / 11 / 22};
       },
       "batches[0].effective_entry_date"},
      {[](AchFile& f) { f.batches[0].effective_entry_date = LocalDate{date::year{2100} / 1 / 4}; },
       "batches[0].effective_entry_date"},
      {[](AchFile& f) { f.batches[0].company_descriptive_date = "NOV 2026"; },
       "batches[0].company_descriptive_date"},
      {[](AchFile& f) { f.batches[1].entries.clear(); }, "batches[1].entries"},
      {[](AchFile& f) { f.batches[0].entries[1].routing_number = "021000022"; },
       entry(0, 1) + "routing_number"},
      {[](AchFile& f) { f.batches[0].entries[0].account_number = "000123456789000123"; },
       entry(0, 0) + "account_number"},
      {[](AchFile& f) { f.batches[0].entries[0].account_number = "000123 456789"; },
       entry(0, 0) + "account_number"},
      {[](AchFile& f) { f.batches[0].entries[0].account_number = ""; },
       entry(0, 0) + "account_number"},
      {[](AchFile& f) { f.batches[1].entries[0].account_type = "brokerage"; },
       entry(1, 0) + "account_type"},
      {[](AchFile& f) { f.batches[0].entries[0].amount = Money(); }, entry(0, 0) + "amount"},
      {[](AchFile& f) { f.batches[0].entries[0].amount = Money::from_cents(-500); },
       entry(0, 0) + "amount"},
      {[](AchFile& f) { f.batches[0].entries[0].amount = Money::from_cents(10'000'000'000); },
       entry(0, 0) + "amount"},
      {[](AchFile& f) { f.batches[0].entries[0].individual_id = "1000457-000000001"; },
       entry(0, 0) + "individual_id"},
      {[](AchFile& f) { f.batches[0].entries[0].individual_id = "100045\n7"; },
       entry(0, 0) + "individual_id"},
      {[](AchFile& f) { f.batches[0].entries[0].individual_name = " \xF0\x9F\x98\x80 "; },
       entry(0, 0) + "individual_name"},
      {[](AchFile& f) { f.batches[0].entries[0].trace_sequence = 0; },
       entry(0, 0) + "trace_sequence"},
      {[](AchFile& f) { f.batches[0].entries[0].trace_sequence = 10'000'000; },
       entry(0, 0) + "trace_sequence"},
      {[](AchFile& f) { f.batches[1].entries[0].trace_sequence = 1; },
       entry(1, 0) + "trace_sequence"},
      {[](AchFile& f) { f.batches[0].entries[1].trace_sequence = 1; },
       entry(0, 1) + "trace_sequence"},
  };
  for (const BadFile& bad : cases) {
    AchFile file = two_batch_file();
    bad.spoil(file);
    auto refused = write_ach_file(file);
    ASSERT_FALSE(refused.ok()) << bad.field;
    EXPECT_EQ(refused.error().kind, ErrorKind::invalid_input);
    EXPECT_EQ(refused.error().field, bad.field) << refused.error().message;
    EXPECT_EQ(refused.error().message.find("123456789"), std::string::npos)
        << refused.error().message;
  }
}

TEST(WriteAchFile, TraceSequencesAscendWithinABatch) {
  AchFile file = two_batch_file();
  std::swap(file.batches[0].entries[0].trace_sequence, file.batches[0].entries[1].trace_sequence);
  auto refused = write_ach_file(file);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().field, "batches[0].entries[1].trace_sequence");
  // Across batches only uniqueness matters.
  file = two_batch_file();
  file.batches[0].entries[0].trace_sequence = 10;
  file.batches[0].entries[1].trace_sequence = 11;
  EXPECT_TRUE(write_ach_file(file).ok());
}

TEST(WriteAchFile, RefusesTotalsTheControlRecordsCannotCarry) {
  // 101 debits of $99,999,999.99 are more than a batch's 12-digit total.
  auto batch = write_ach_file(one_batch_of(101, "011000015", 9'999'999'999));
  ASSERT_FALSE(batch.ok());
  EXPECT_EQ(batch.error().field, "batches[0].entries");
  // Two batches of 60 fit one by one but not together in the file's total.
  AchFile file = one_batch_of(60, "011000015", 9'999'999'999);
  file.batches.push_back(file.batches[0]);
  for (auto& e : file.batches[1].entries) e.trace_sequence += 100;
  auto both = write_ach_file(file);
  ASSERT_FALSE(both.ok());
  EXPECT_EQ(both.error().field, "batches");
}

// ---- Returns ----

// A return file as the bank sends it: an R01 (insufficient funds) on the WEB debit of $125.40
// and an R03 (no account) on the PPD debit of $1,042.17, padded to ten records.
const std::vector<std::string> kReturnRecords = {
    "101 02100002119543210982612010630A094101RIVERSIDE PUBLIC UTIL  JPMORGAN CHASE                "
    " ",
    "5225RIVERSIDE UTIL                      1954321098PPDUTILITY         "
    "2611303351021000020000001",
    "626011000015000123456789     0000012540100045-7       JOSE NUNEZ-GARCIA       "
    "1011000010000417",
    "799R01021000020000001      01100001                                            "
    "011000010000417",
    "6361220006614455667788       0000104217200311-0       LEE CHEN                "
    "1122000660000052",
    "799R03021000020000003      12200066ACCOUNT CLOSED 11/28                        "
    "122000660000052",
    "822500000400133000670000000000000000001067571954321098                         "
    "021000020000001",
    "9000001000001000000040013300067000000000000000000106757                                      "
    " ",
    std::string(94, '9'),
    std::string(94, '9'),
};

std::string join(const std::vector<std::string>& records, const std::string& end = "\n") {
  std::string text;
  for (const auto& record : records) text += record + end;
  return text;
}

TEST(ReadAchReturns, ReadsEachReturnWithItsCodeTraceAndAmount) {
  for (const std::string& end : {std::string("\n"), std::string("\r\n")}) {
    auto returns = read_ach_returns(join(kReturnRecords, end));
    ASSERT_TRUE(returns.ok()) << returns.error().message;
    ASSERT_EQ(returns->size(), 2u);
    const ReturnEntry& r01 = (*returns)[0];
    EXPECT_EQ(r01.return_code, "R01");
    EXPECT_EQ(r01.original_trace_number, "021000020000001");
    EXPECT_EQ(r01.amount, Money::from_cents(12540));
    EXPECT_EQ(r01.individual_id, "100045-7");
    EXPECT_EQ(r01.addenda_information, "");
    const ReturnEntry& r03 = (*returns)[1];
    EXPECT_EQ(r03.return_code, "R03");
    EXPECT_EQ(r03.original_trace_number, "021000020000003");
    EXPECT_EQ(r03.amount, Money::from_cents(104217));
    EXPECT_EQ(r03.individual_id, "200311-0");
    EXPECT_EQ(r03.addenda_information, "ACCOUNT CLOSED 11/28");
  }
  // Without a newline after the last record, too; and a file with no entries has no returns.
  std::string unterminated = join(kReturnRecords);
  unterminated.pop_back();
  EXPECT_EQ(read_ach_returns(unterminated)->size(), 2u);
  EXPECT_TRUE(read_ach_returns("")->empty());
}

void expect_refused(std::vector<std::string> records, const std::string& line_prefix,
                    const std::string& words) {
  auto refused = read_ach_returns(join(records));
  ASSERT_FALSE(refused.ok()) << line_prefix << words;
  EXPECT_EQ(refused.error().kind, ErrorKind::invalid_input);
  EXPECT_EQ(refused.error().field, "file");
  EXPECT_EQ(refused.error().message.rfind(line_prefix, 0), 0u) << refused.error().message;
  EXPECT_NE(refused.error().message.find(words), std::string::npos) << refused.error().message;
}

TEST(ReadAchReturns, RefusesARecordThatIsNot94Characters) {
  auto records = kReturnRecords;
  records[4].pop_back();
  expect_refused(records, "line 5: ", "94 characters, this one is 93");
  records = kReturnRecords;
  records[0] += " ";
  expect_refused(records, "line 1: ", "this one is 95");
}

TEST(ReadAchReturns, RefusesAnUnknownRecordType) {
  auto records = kReturnRecords;
  records[6][0] = '3';
  expect_refused(records, "line 7: ", "unknown record type '3'");
}

TEST(ReadAchReturns, RefusesAnEntryWithoutItsType99Addenda) {
  auto missing = kReturnRecords;
  missing.erase(missing.begin() + 5);  // the R03 addenda: the 6 is followed by the 8
  expect_refused(missing, "line 5: ", "no addenda");
  auto last = kReturnRecords;
  last.resize(5);  // the file ends on the 6
  expect_refused(last, "line 5: ", "no addenda");
  auto change = kReturnRecords;
  change[3].replace(1, 2, "98");  // a notification of change
  expect_refused(change, "line 4: ", "notification of change");
  auto stray = kReturnRecords;
  stray.erase(stray.begin() + 2);  // the first 6: its addenda follows the batch header
  expect_refused(stray, "line 3: ", "must follow an entry detail");
}

TEST(ReadAchReturns, RefusesABadReturnCode) {
  for (const std::string code : {"X01", "R0A", "   "}) {
    auto records = kReturnRecords;
    records[5].replace(3, 3, code);
    expect_refused(records, "line 6: ", "return reason code");
  }
}

TEST(ReadAchReturns, RefusesAnAmountOrTraceNumberThatIsNotDigits) {
  auto amount = kReturnRecords;
  amount[2].replace(29, 10, "      1254");
  expect_refused(amount, "line 3: ", "amount");
  auto trace = kReturnRecords;
  trace[3].replace(6, 15, "02100002000000X");
  expect_refused(trace, "line 4: ", "trace number");
}

}  // namespace
}  // namespace rp::payments::nacha
