#include "mdm/reads_csv.h"

#include <string>

#include <gtest/gtest.h>

#include "mdm/testing/test_files.h"

namespace rp::mdm {
namespace {

using testing::testdata;

ReadingBatch parsed(std::string_view text) {
  Result<ReadingBatch> batch = parse_reads_csv(text);
  EXPECT_TRUE(batch.ok()) << (batch.ok() ? "" : batch.error().message);
  return batch.ok() ? std::move(*batch) : ReadingBatch{};
}

// The one reject of a one-row file.
LineReject only_reject(const std::string& row) {
  const ReadingBatch batch = parsed("meter,channel,interval_start,value,quality\n" + row + "\n");
  EXPECT_TRUE(batch.values.empty()) << row;
  EXPECT_EQ(batch.rejects.size(), 1u) << row;
  return batch.rejects.empty() ? LineReject{} : batch.rejects.front();
}

constexpr std::int64_t k2026_11_23_0800_pst = 1795449600;

TEST(ReadsCsv, ReadsTheDocumentedExample) {
  const ReadingBatch batch = parsed(testdata("reads_15min.csv"));
  EXPECT_TRUE(batch.rejects.empty());
  ASSERT_EQ(batch.channels.size(), 4u);
  EXPECT_EQ(batch.channels[0], (ChannelKey{"E1000017", "kWh"}));
  EXPECT_EQ(batch.channels[1], (ChannelKey{"E1000017", "kW"}));
  EXPECT_EQ(batch.channels[2], (ChannelKey{"E1000018", "kWh"}));
  EXPECT_EQ(batch.channels[3], (ChannelKey{"W2000031", "gal"}));
  EXPECT_EQ(batch.interval_seconds, (std::vector<std::int32_t>{0, 0, 0, 0}));
  ASSERT_EQ(batch.values.size(), 8u);

  const IntervalValue& first = batch.values[0];
  EXPECT_EQ(first.channel, 0u);
  EXPECT_EQ(first.start, k2026_11_23_0800_pst);
  EXPECT_EQ(first.milli_units, 412);
  EXPECT_EQ(first.quality, Quality::actual);
  EXPECT_EQ(first.line, 2u);

  EXPECT_EQ(batch.values[1].quality, Quality::actual);  // empty quality
  EXPECT_EQ(batch.values[1].start, k2026_11_23_0800_pst + 900);
  EXPECT_EQ(batch.values[3].milli_units, 400);
  EXPECT_EQ(batch.values[3].quality, Quality::estimated);
  EXPECT_EQ(batch.values[4].channel, 1u);
  EXPECT_EQ(batch.values[4].milli_units, 1648);
  EXPECT_EQ(batch.values[5].start, k2026_11_23_0800_pst);  // 16:00Z is 08:00 PST
  EXPECT_EQ(batch.values[6].quality, Quality::missing);    // no value, missing
  EXPECT_EQ(batch.values[6].milli_units, 0);
  EXPECT_EQ(batch.values[7].milli_units, 12500);
  EXPECT_EQ(batch.values[7].quality, Quality::edited);
  EXPECT_EQ(batch.values[7].line, 9u);
}

TEST(ReadsCsv, ReadsCrlfFilesWithoutTheQualityColumnAcrossADaylightSavingChange) {
  const ReadingBatch batch = parsed(testdata("reads_crlf_no_quality.csv"));
  EXPECT_TRUE(batch.rejects.empty());
  ASSERT_EQ(batch.values.size(), 3u);
  // 01:45 PST and 03:00 PDT on 2026-03-08 are 15 minutes apart.
  EXPECT_EQ(batch.values[1].start - batch.values[0].start, 900);
  EXPECT_EQ(batch.values[2].start - batch.values[1].start, 900);
  EXPECT_EQ(batch.values[2].milli_units, 310);
  EXPECT_EQ(batch.values[2].line, 5u);  // the blank line 4 still counts
}

TEST(ReadsCsv, EveryBadLineIsARejectAndTheRestAreRead) {
  const ReadingBatch batch = parsed(testdata("reads_with_rejects.csv"));
  ASSERT_EQ(batch.values.size(), 3u);
  EXPECT_EQ(batch.values[0].milli_units, 412);
  EXPECT_EQ(batch.values[1].milli_units, -52);  // negative values are data for VEE
  EXPECT_EQ(batch.values[1].line, 6u);
  EXPECT_EQ(batch.values[2].milli_units, 401);  // 0.4010 is exact
  ASSERT_EQ(batch.rejects.size(), 7u);
  const struct {
    std::uint32_t line;
    const char* reason_start;
  } expected[] = {
      {3, "value 'abc' is not a decimal number"},
      {4, "interval_start '2026-11-23 08:30:00' is not an ISO 8601 instant"},
      {5, "value '0.4125' has more than 3 decimals"},
      {7, "quality 'X' is not actual, estimated, edited or missing"},
      {8, "expected 5 columns (meter,channel,interval_start,value,quality), found 4"},
      {9, "meter is empty"},
      {10, "interval_start '2026-02-30T10:00:00-08:00' is not an ISO 8601 instant"},
  };
  for (std::size_t i = 0; i < batch.rejects.size(); ++i) {
    EXPECT_EQ(batch.rejects[i].line, expected[i].line);
    EXPECT_EQ(batch.rejects[i].reason.rfind(expected[i].reason_start, 0), 0u)
        << batch.rejects[i].reason;
  }
  EXPECT_EQ(batch.rejects[0].text, "E1000017,kWh,2026-11-23T08:15:00-08:00,abc,A");
}

TEST(ReadsCsv, AFileThatIsNotAReadsCsvIsAnErrorNamingWhatIsWrong) {
  const struct {
    std::string text;
    const char* field;
    const char* message_part;
  } cases[] = {
      {"", "file", "empty"},
      {std::string("meter,channel,interval_start,value\n\0\x01\x02", 38), "file", "binary"},
      {"E1000017,kWh,2026-11-23T08:00:00-08:00,0.412\n", "header",
       "line 1 is 'E1000017,kWh,2026-11-23T08:00:00-08:00,0...'"},
      {"Meter,Channel,Interval_Start,Value\n", "header", "meter,channel,interval_start,value"},
      {"meter,channel,interval_start,value,quality,extra\n", "header", "not the header"},
      {"interval_start,kwh\n2026-03-01T00:00:00-08:00,0.412\n", "header", "not the header"},
      {"\x89PNG\r\n\x1a\n", "header", "not the header of a reads CSV"},
  };
  for (const auto& c : cases) {
    Result<ReadingBatch> batch = parse_reads_csv(c.text);
    ASSERT_FALSE(batch.ok()) << c.text;
    EXPECT_EQ(batch.error().kind, ErrorKind::invalid_input);
    EXPECT_EQ(batch.error().field, c.field) << batch.error().message;
    EXPECT_NE(batch.error().message.find(c.message_part), std::string::npos)
        << batch.error().message;
  }
}

TEST(ReadsCsv, AHeaderAloneIsAnEmptyBatchAndAByteOrderMarkIsIgnored) {
  EXPECT_TRUE(parsed("meter,channel,interval_start,value").values.empty());
  EXPECT_TRUE(parsed("meter,channel,interval_start,value,quality\r\n\r\n\n").values.empty());
  const ReadingBatch batch =
      parsed("\xEF\xBB\xBFmeter,channel,interval_start,value\nE1,kWh,2026-11-23T16:00:00Z,1");
  ASSERT_EQ(batch.values.size(), 1u);  // the last row needs no newline
  EXPECT_EQ(batch.values[0].milli_units, 1000);
}

TEST(ReadsCsv, RejectReasonsForEachColumn) {
  EXPECT_EQ(only_reject("E1,kWh,2026-11-23T16:00:00Z,1,A,extra").reason,
            "expected 5 columns (meter,channel,interval_start,value,quality), found 6");
  EXPECT_EQ(only_reject("E1,,2026-11-23T16:00:00Z,1,A").reason, "channel is empty");
  EXPECT_EQ(only_reject("E1,kWh,2026-11-23T16:00:00Z,,A").reason,
            "value is empty; write a decimal number like 0.412");
  EXPECT_EQ(only_reject("E1,kWh,2026-11-23T16:00:00Z,1e3,A").reason.rfind("value '1e3'", 0), 0u);
  EXPECT_EQ(only_reject("E1,kWh,2026-11-23T16:00:00Z, 1,A").reason.rfind("value ' 1'", 0), 0u);
  EXPECT_EQ(only_reject("E1,kWh,2026-11-23T16:00:00Z,\"1\",A").reason.rfind("value '\"1\"'", 0),
            0u);
  EXPECT_EQ(only_reject("E1,kWh,2026-11-23T16:00:00Z,99999999999999999,A").reason,
            "value '99999999999999999' is too large");
  EXPECT_EQ(only_reject("E1,kWh,2026-11-23T16:00:00Z,1,estimate").reason,
            "quality 'estimate' is not actual, estimated, edited or missing (or A, E, ED, M)");
  EXPECT_EQ(only_reject("E1,kWh,2026-11-23T16:00:00,1,A").reason.rfind("interval_start", 0), 0u);
  EXPECT_NE(only_reject(std::string(70, 'E') + ",kWh,2026-11-23T16:00:00Z,1,A")
                .reason.find("longer than 64"),
            std::string::npos);
  EXPECT_EQ(only_reject("   ").reason.rfind("expected 5 columns", 0), 0u);
}

TEST(ReadsCsv, RejectTextsAreCleanedAndCut) {
  const LineReject reject =
      only_reject("E1\xff,kWh,2026-11-23T16:00:00Z,1,A" + std::string(300, 'x'));
  EXPECT_EQ(reject.text.size(), 200u);
  EXPECT_EQ(reject.text.rfind("E1?,kWh,", 0), 0u);
}

TEST(ReadsCsv, InterleavedMetersShareTheirKeys) {
  const ReadingBatch batch = parsed(
      "meter,channel,interval_start,value\n"
      "C1,kWh,2026-11-23T16:00:00Z,1\n"
      "C1,kW,2026-11-23T16:00:00Z,4\n"
      "C1,kWh,2026-11-23T16:15:00Z,2\n"
      "C1,kW,2026-11-23T16:15:00Z,8\n"
      "C2,kWh,2026-11-23T16:00:00Z,3\n");
  ASSERT_EQ(batch.channels.size(), 3u);
  ASSERT_EQ(batch.values.size(), 5u);
  EXPECT_EQ(batch.values[0].channel, 0u);
  EXPECT_EQ(batch.values[1].channel, 1u);
  EXPECT_EQ(batch.values[2].channel, 0u);
  EXPECT_EQ(batch.values[3].channel, 1u);
  EXPECT_EQ(batch.values[4].channel, 2u);
}

TEST(ReadsCsv, EveryNonBlankLineIsAValueOrAReject) {
  std::string text = "meter,channel,interval_start,value,quality\n";
  const char* rows[] = {"E1,kWh,2026-11-23T16:00:00Z,1,A",   "junk",           "",  ",,,,",
                        "E1,kWh,2026-11-23T16:15:00Z,0.5,M", "E1,kWh,bad,1,A", "\r"};
  std::size_t non_blank = 0;
  for (int i = 0; i < 300; ++i) {
    const std::string row = rows[i % 7];
    text += row + "\n";
    if (!row.empty() && row != "\r") ++non_blank;
  }
  const ReadingBatch batch = parsed(text);
  EXPECT_EQ(batch.values.size() + batch.rejects.size(), non_blank);
  EXPECT_EQ(batch.values.size(), 2 * 300u / 7 + 1);
  std::uint32_t last_line = 1;
  std::size_t v = 0, r = 0;
  while (v < batch.values.size() || r < batch.rejects.size()) {
    const bool take_value =
        r == batch.rejects.size() ||
        (v < batch.values.size() && batch.values[v].line < batch.rejects[r].line);
    const std::uint32_t line = take_value ? batch.values[v++].line : batch.rejects[r++].line;
    EXPECT_GT(line, last_line);
    last_line = line;
  }
}

TEST(RegisterCsv, ReadsRegisterReadsAndRejectsTheBadOnes) {
  Result<RegisterReadBatch> batch = parse_register_csv(testdata("register_reads.csv"));
  ASSERT_TRUE(batch.ok()) << batch.error().message;
  ASSERT_EQ(batch->reads.size(), 3u);
  const RegisterRead& water = batch->reads[0];
  EXPECT_EQ(water.key, (ChannelKey{"W2000031", "gal"}));
  EXPECT_EQ(water.milli_units, 183204500);
  EXPECT_EQ(water.source, "manual");
  EXPECT_EQ(water.taken_at, k2026_11_23_0800_pst + 3600 + 41 * 60);
  EXPECT_EQ(water.line, 2u);
  EXPECT_EQ(batch->reads[1].source, "amr");     // any case, stored lower case
  EXPECT_EQ(batch->reads[2].source, "manual");  // empty means manual
  EXPECT_EQ(batch->reads[2].milli_units, 5123250);
  ASSERT_EQ(batch->rejects.size(), 2u);
  EXPECT_EQ(batch->rejects[0].line, 5u);
  EXPECT_EQ(batch->rejects[0].reason,
            "reading '-3' is negative; a register reading counts up from zero");
  EXPECT_EQ(batch->rejects[1].reason, "source 'meter-reader' is not amr, manual or customer");
}

TEST(RegisterCsv, HasItsOwnHeader) {
  Result<RegisterReadBatch> wrong = parse_register_csv("meter,channel,interval_start,value\n");
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().field, "header");
  EXPECT_NE(wrong.error().message.find("meter,channel,read_at,reading"), std::string::npos);
  Result<RegisterReadBatch> bare = parse_register_csv(
      "meter,channel,read_at,reading\nG1,therm,2026-11-23T16:00:00Z,12\n"
      "G1,therm,2026-11-24T16:00:00Z,13,amr\n");
  ASSERT_TRUE(bare.ok());
  ASSERT_EQ(bare->reads.size(), 1u);
  EXPECT_EQ(bare->reads[0].source, "manual");
  ASSERT_EQ(bare->rejects.size(), 1u);
  EXPECT_EQ(bare->rejects[0].reason, "expected 4 columns (meter,channel,read_at,reading), found 5");
  EXPECT_FALSE(parse_register_csv("").ok());
  EXPECT_FALSE(parse_reads_csv("meter,channel,read_at,reading\n").ok());
}

}  // namespace
}  // namespace rp::mdm
