#include "mdm/reads_json.h"

#include <string>

#include <gtest/gtest.h>

#include "mdm/testing/test_files.h"

namespace rp::mdm {
namespace {

using testing::testdata;

ReadingBatch parsed(std::string_view body) {
  Result<ReadingBatch> batch = parse_reads_json(body);
  EXPECT_TRUE(batch.ok()) << (batch.ok() ? "" : batch.error().message);
  return batch.ok() ? std::move(*batch) : ReadingBatch{};
}

// The reason of the one reject of a body holding the single read `read`.
std::string reject_of(const std::string& read) {
  const ReadingBatch batch = parsed("{\"reads\":[" + read + "]}");
  EXPECT_TRUE(batch.values.empty()) << read;
  EXPECT_EQ(batch.rejects.size(), 1u) << read;
  return batch.rejects.empty() ? "" : batch.rejects[0].reason;
}

const std::string kGood =
    R"({"meter":"E1000017","channel":"kWh","interval_start":"2026-11-23T08:00:00-08:00",)";

TEST(ReadsJson, ReadsTheDocumentedBody) {
  const ReadingBatch batch = parsed(testdata("reads_batch.json"));
  ASSERT_EQ(batch.channels.size(), 1u);
  EXPECT_EQ(batch.channels[0], (ChannelKey{"E1000017", "kWh"}));
  EXPECT_EQ(batch.interval_seconds, std::vector<std::int32_t>{0});
  ASSERT_EQ(batch.values.size(), 3u);
  EXPECT_EQ(batch.values[0].start, 1795449600);
  EXPECT_EQ(batch.values[0].milli_units, 412);
  EXPECT_EQ(batch.values[0].line, 1u);
  EXPECT_EQ(batch.values[1].milli_units, 398);  // a JSON number, read from its text
  EXPECT_EQ(batch.values[1].quality, Quality::actual);
  EXPECT_EQ(batch.values[2].milli_units, 0);  // missing, without a value
  EXPECT_EQ(batch.values[2].quality, Quality::missing);
  EXPECT_EQ(batch.values[2].line, 4u);
  ASSERT_EQ(batch.rejects.size(), 1u);
  EXPECT_EQ(batch.rejects[0].line, 3u);
  EXPECT_EQ(batch.rejects[0].reason,
            "reads[2].value: '1.2345' has more than 3 decimals; values are kept to 0.001 of the "
            "unit and never rounded");
  EXPECT_EQ(batch.rejects[0].text,
            R"({"meter":"E1000017","channel":"kWh","interval_start":"2026-11-23T08:30:00-08:00",)"
            R"("value":1.2345})");
}

TEST(ReadsJson, NumbersAreExactAndNeverPassThroughADouble) {
  EXPECT_EQ(parsed("{\"reads\":[" + kGood + "\"value\":0.1}]}").values[0].milli_units, 100);
  EXPECT_EQ(parsed("{\"reads\":[" + kGood + "\"value\":12}]}").values[0].milli_units, 12000);
  EXPECT_EQ(parsed("{\"reads\":[" + kGood + "\"value\":-7}]}").values[0].milli_units, -7000);
  EXPECT_EQ(parsed("{\"reads\":[" + kGood + "\"value\":9007199254740.993}]}").values[0].milli_units,
            9007199254740993);  // not representable as a double
  EXPECT_EQ(parsed("{\"reads\":[" + kGood + "\"value\":\"0.4120\"}]}").values[0].milli_units, 412);
}

TEST(ReadsJson, EachBadReadIsARejectNamedByItsPath) {
  EXPECT_EQ(reject_of(kGood + "\"value\":4.12e-1}"),
            "reads[0].value: 4.12e-1 has an exponent; write the number out, like 0.412");
  EXPECT_EQ(reject_of(kGood + "\"value\":\"abc\"}").rfind("reads[0].value: 'abc' is not a", 0), 0u);
  EXPECT_EQ(reject_of(kGood + "\"value\":true}"),
            "reads[0].value: expected a decimal number or a string holding one, found a boolean");
  EXPECT_EQ(reject_of(kGood + "\"value\":null}"),
            "reads[0].value: expected a decimal number or a string holding one, found null");
  EXPECT_EQ(reject_of(kGood + "\"value\":{\"amount\":1}}"),
            "reads[0].value: expected a string or number, found an object or array");
  EXPECT_EQ(
      reject_of(kGood + "\"value\":\"1\",\"quality\":\"good\"}"),
      "reads[0].quality: 'good' is not actual, estimated, edited or missing (or A, E, ED, M)");
  EXPECT_EQ(reject_of(kGood + "\"value\":\"1\",\"quality\":3}"),
            "reads[0].quality: expected a string, found a number");
  EXPECT_EQ(reject_of(kGood + "\"value\":\"1\",\"unit\":\"kWh\"}"),
            "reads[0].unit: unknown member; a read has meter, channel, interval_start, value and "
            "quality");
  EXPECT_EQ(reject_of(kGood + "\"value\":\"1\",\"value\":\"2\"}"), "reads[0].value: appears twice");
  EXPECT_EQ(reject_of(R"({"channel":"kWh","interval_start":"2026-11-23T16:00:00Z","value":1})"),
            "reads[0].meter: expected a string, found nothing");
  EXPECT_EQ(reject_of(R"({"meter":"","channel":"kWh","interval_start":"2026-11-23T16:00:00Z",)"
                      R"("value":1})"),
            "reads[0].meter: is empty");
  EXPECT_EQ(reject_of(R"({"meter":"E1","channel":"kWh","interval_start":"2026-11-23","value":1})")
                .rfind("reads[0].interval_start: '2026-11-23' is not an ISO 8601 instant", 0),
            0u);
  EXPECT_EQ(reject_of("\"E1\""), "reads[0]: expected an object, found a string");
  EXPECT_EQ(reject_of("[1,2]"), "reads[0]: expected an object, found an array");
  EXPECT_EQ(reject_of("{}"), "reads[0].meter: expected a string, found nothing");
}

TEST(ReadsJson, GoodReadsAroundBadOnesAreKeptWithTheirPositions) {
  const ReadingBatch batch =
      parsed("{\"reads\":[" + kGood + "\"value\":1}, 7, [" + kGood +
             "\"value\":2}], {\"x\":{\"y\":[1,{}]}}, " + kGood + "\"value\":\"3\"}]}");
  ASSERT_EQ(batch.values.size(), 2u);
  EXPECT_EQ(batch.values[0].line, 1u);
  EXPECT_EQ(batch.values[1].line, 5u);
  EXPECT_EQ(batch.values[1].milli_units, 3000);
  ASSERT_EQ(batch.rejects.size(), 3u);
  EXPECT_EQ(batch.rejects[0].reason, "reads[1]: expected an object, found a number");
  EXPECT_EQ(batch.rejects[0].text, "7");
  EXPECT_EQ(batch.rejects[1].reason, "reads[2]: expected an object, found an array");
  EXPECT_EQ(batch.rejects[2].reason.rfind("reads[3].x: unknown member", 0), 0u);
  EXPECT_EQ(batch.rejects[2].text, R"({"x":{...}})");
}

TEST(ReadsJson, ABodyThatIsNotABatchIsAnError) {
  const struct {
    const char* body;
    const char* field;
    const char* message_part;
  } cases[] = {
      {"", "body", "the body is not JSON"},
      {"{\"reads\":[", "body", "the body is not JSON"},
      {"{\"reads\":[]} x", "body", "the body is not JSON"},
      {"[]", "body", "must be a JSON object"},
      {"\"reads\"", "body", "must be a JSON object"},
      {"{}", "reads", "has no \"reads\" array"},
      {"{\"reads\":{}}", "reads", "must be an array of reads, not an object"},
      {"{\"reads\":\"all\"}", "reads", "must be an array of reads, not a string"},
      {"{\"reads\":[],\"source\":\"x\"}", "body", "unknown member 'source'"},
      {"{\"reads\":[],\"reads\":[]}", "reads", "appears twice"},
  };
  for (const auto& c : cases) {
    Result<ReadingBatch> batch = parse_reads_json(c.body);
    ASSERT_FALSE(batch.ok()) << c.body;
    EXPECT_EQ(batch.error().kind, ErrorKind::invalid_input);
    EXPECT_EQ(batch.error().field, c.field) << c.body;
    EXPECT_NE(batch.error().message.find(c.message_part), std::string::npos)
        << c.body << ": " << batch.error().message;
  }
  EXPECT_TRUE(parsed("{\"reads\":[]}").values.empty());
}

TEST(ReadsJson, RejectTextsStayShortAndClean) {
  const std::string long_meter(5000, 'M');
  const ReadingBatch batch = parsed(
      "{\"reads\":[{\"meter\":\"" + long_meter +
      "\",\"channel\":\"k\\u0000Wh\",\"interval_start\":\"2026-11-23T16:00:00Z\",\"value\":1}]}");
  ASSERT_EQ(batch.rejects.size(), 1u);
  EXPECT_LE(batch.rejects[0].text.size(), 200u);
  EXPECT_NE(batch.rejects[0].reason.find("longer than 64"), std::string::npos);
  const ReadingBatch control = parsed(
      "{\"reads\":[{\"meter\":\"E1\",\"channel\":\"k\\u0000Wh\",\"interval_start\":\"2026-11-23T16:"
      "00:00Z\","
      "\"value\":1}]}");
  ASSERT_EQ(control.rejects.size(), 1u);
  EXPECT_EQ(control.rejects[0].reason,
            "reads[0].channel: 'k?Wh' holds a character other than printable ASCII");
  EXPECT_EQ(control.rejects[0].text.find('\0'), std::string::npos);
}

}  // namespace
}  // namespace rp::mdm
