#include "mdm/green_button.h"

#include <filesystem>
#include <map>
#include <string>

#include <gtest/gtest.h>

#include "mdm/testing/test_files.h"

namespace rp::mdm {
namespace {

using testing::read_test_file;
using testing::testdata;
const std::filesystem::path& kSample = testing::kGreenButtonSample;

ReadingBatch parsed(std::string_view xml, std::string_view meter = "") {
  Result<ReadingBatch> batch = parse_green_button(xml, meter);
  EXPECT_TRUE(batch.ok()) << (batch.ok() ? "" : batch.error().message);
  return batch.ok() ? std::move(*batch) : ReadingBatch{};
}

std::string error_of(std::string_view xml, std::string_view meter = "") {
  Result<ReadingBatch> batch = parse_green_button(xml, meter);
  EXPECT_FALSE(batch.ok());
  if (batch.ok()) return "";
  EXPECT_EQ(batch.error().kind, ErrorKind::invalid_input);
  EXPECT_EQ(batch.error().field, "greenbutton");
  return batch.error().message;
}

TEST(GreenButtonSample, ReadsEveryIntervalOfThePublishedSample) {
  ASSERT_TRUE(std::filesystem::exists(kSample))
      << "the Green Button sample is missing: expected " << kSample
      << " (committed in the repository at tests/data/greenbutton/)";
  const ReadingBatch batch = parsed(read_test_file(kSample), "E1000017");
  ASSERT_EQ(batch.channels.size(), 1u);
  EXPECT_EQ(batch.channels[0], (ChannelKey{"E1000017", "kWh"}));
  EXPECT_EQ(batch.interval_seconds, std::vector<std::int32_t>{900});
  EXPECT_TRUE(batch.rejects.empty());
  // 14 IntervalBlocks: 13 days of 96 quarter hours and the spring-forward day of 92.
  ASSERT_EQ(batch.values.size(), 13u * 96 + 92);

  // The first reading: 282 Wh from 2012-03-01T05:00:00Z, quality 8 (estimated from a reference
  // day); the second, 323 Wh, quality 7 (manually edited); the third has no ReadingQuality.
  const IntervalValue& first = batch.values[0];
  EXPECT_EQ(first.start, 1330578000);
  EXPECT_EQ(first.milli_units, 282);  // 282 Wh = 0.282 kWh, exactly
  EXPECT_EQ(first.quality, Quality::estimated);
  EXPECT_EQ(first.line, 144u);
  EXPECT_EQ(batch.values[1].milli_units, 323);
  EXPECT_EQ(batch.values[1].quality, Quality::edited);
  EXPECT_EQ(batch.values[2].milli_units, 294);
  EXPECT_EQ(batch.values[2].quality, Quality::actual);

  // Quarter hours follow one another without gaps or overlaps across all 14 days.
  for (std::size_t i = 1; i < batch.values.size(); ++i) {
    ASSERT_EQ(batch.values[i].start - batch.values[i - 1].start, 900) << "reading " << i;
    ASSERT_GT(batch.values[i].line, batch.values[i - 1].line);
  }
}

TEST(GreenButtonSample, WithoutASerialTheUsagePointTitleNamesTheMeter) {
  ASSERT_TRUE(std::filesystem::exists(kSample)) << "missing " << kSample;
  const ReadingBatch batch = parsed(read_test_file(kSample));
  ASSERT_EQ(batch.channels.size(), 1u);
  EXPECT_EQ(batch.channels[0].meter_serial, "Front Electric Meter");
}

TEST(GreenButton, ScalesByThePowerOfTenExactlyAndRejectsFinerValues) {
  const ReadingBatch batch = parsed(testdata("gb_prefixed_hourly_milliwatt_hours.xml"));
  ASSERT_EQ(batch.channels.size(), 1u);
  EXPECT_EQ(batch.channels[0], (ChannelKey{"E1000017", "kWh"}));
  EXPECT_EQ(batch.interval_seconds, std::vector<std::int32_t>{3600});
  ASSERT_EQ(batch.values.size(), 2u);
  EXPECT_EQ(batch.values[0].milli_units, 1250);  // 1,250,000 mWh = 1.25 kWh
  EXPECT_EQ(batch.values[0].start, 1795420800);
  EXPECT_EQ(batch.values[1].milli_units, 980);
  EXPECT_EQ(batch.values[1].quality, Quality::estimated);  // quality 9: linear interpolation
  ASSERT_EQ(batch.rejects.size(), 2u);
  EXPECT_EQ(batch.rejects[0].reason,
            "value '1250500' is finer than 0.001 of the unit (it is never rounded)");
  EXPECT_EQ(batch.rejects[0].text, "IntervalReading start=1795424400 duration=3600 value=1250500");
  EXPECT_EQ(batch.rejects[0].line, 50u);
  EXPECT_EQ(batch.rejects[1].reason,
            "timePeriod duration 900 s differs from the ReadingType's intervalLength 3600 s");
}

TEST(GreenButton, GasInHundredthsOfATherm) {
  const ReadingBatch batch = parsed(testdata("gb_gas_therms.xml"));
  ASSERT_EQ(batch.channels.size(), 1u);
  EXPECT_EQ(batch.channels[0], (ChannelKey{"G3000044", "therm"}));
  ASSERT_EQ(batch.values.size(), 3u);
  EXPECT_EQ(batch.values[0].milli_units, 1530);  // 153 x 10^-2 therm
  EXPECT_EQ(batch.values[1].milli_units, 0);
  EXPECT_EQ(batch.values[2].milli_units, 270);  // "+27": an xs:long may carry a sign
  // The daily MeterReading cannot be stored as interval days: each of its readings is a reject.
  ASSERT_EQ(batch.rejects.size(), 2u);
  EXPECT_EQ(batch.rejects[0].reason,
            "the ReadingType's intervalLength: an interval of 86400 s is not one Ratepayer stores "
            "(5, 15, 30 or 60 minutes)");
}

TEST(GreenButton, ReceivedEnergyIsItsOwnChannelAndQualityCodesMap) {
  const ReadingBatch batch = parsed(testdata("gb_net_metering.xml"));
  ASSERT_EQ(batch.channels.size(), 2u);
  // Channels are numbered as their IntervalBlocks come: the received one first in this file.
  EXPECT_EQ(batch.channels[0], (ChannelKey{"E1000099", "kWh-received"}));
  EXPECT_EQ(batch.channels[1], (ChannelKey{"E1000099", "kWh"}));
  EXPECT_EQ(batch.interval_seconds, (std::vector<std::int32_t>{900, 900}));
  ASSERT_EQ(batch.values.size(), 4u);
  EXPECT_EQ(batch.values[0].milli_units, 611);
  EXPECT_EQ(batch.values[2].channel, 1u);
  EXPECT_EQ(batch.values[2].milli_units, 35);
  // Manually edited (7) and estimated (8) on one reading: estimated wins.
  EXPECT_EQ(batch.values[3].quality, Quality::estimated);
  ASSERT_EQ(batch.rejects.size(), 1u);
  EXPECT_EQ(batch.rejects[0].reason, "ReadingQuality '5' is not a quality code ESPI defines");
}

TEST(GreenButton, AMissingReadingTypeIsAnError) {
  const std::string message = error_of(testdata("gb_missing_reading_type.xml"));
  EXPECT_NE(message.find("has no ReadingType, so its units are unknown"), std::string::npos)
      << message;
  EXPECT_NE(message.find("/UsagePoint/1/MeterReading/1"), std::string::npos) << message;
}

TEST(GreenButton, EachUsagePointIsAMeterUnlessOneSerialIsGiven) {
  const std::string xml = testdata("gb_two_usage_points.xml");
  const ReadingBatch batch = parsed(xml);
  ASSERT_EQ(batch.channels.size(), 2u);
  EXPECT_EQ(batch.channels[0], (ChannelKey{"E1000017", "kWh"}));
  EXPECT_EQ(batch.channels[1], (ChannelKey{"E1000018", "kWh"}));
  ASSERT_EQ(batch.values.size(), 2u);
  EXPECT_EQ(batch.values[1].channel, 1u);
  EXPECT_EQ(batch.values[1].milli_units, 1207);
  EXPECT_NE(error_of(xml, "E1000099").find("more than one UsagePoint"), std::string::npos);
}

TEST(GreenButton, TextThatIsNotAGreenButtonFeedIsAnError) {
  EXPECT_NE(error_of("").find("not well-formed XML"), std::string::npos);
  EXPECT_NE(error_of("meter,channel,interval_start,value\n").find("not well-formed XML"),
            std::string::npos);
  EXPECT_NE(error_of("<feed><entry>\n<title>x</entry></feed>").find("at line 2"),
            std::string::npos);
  EXPECT_NE(error_of("<html><body/></html>").find("root is <html>"), std::string::npos);
  EXPECT_NE(error_of("<feed xmlns='http://www.w3.org/2005/Atom'/>").find("no IntervalBlock"),
            std::string::npos);
}

// A one-entry-per-kind feed around the given ReadingType fields and IntervalReadings.
std::string feed(const std::string& reading_type, const std::string& readings) {
  return "<feed xmlns='http://www.w3.org/2005/Atom'>\n"
         "<entry><link rel='self' href='/UsagePoint/1'/><title>E7</title>"
         "<content><UsagePoint xmlns='http://naesb.org/espi'/></content></entry>\n"
         "<entry><link rel='self' href='/UsagePoint/1/MeterReading/1'/>"
         "<link rel='up' href='/UsagePoint/1/MeterReading'/>"
         "<link rel='related' href='/ReadingType/1'/>"
         "<content><MeterReading xmlns='http://naesb.org/espi'/></content></entry>\n"
         "<entry><link rel='self' href='/ReadingType/1'/><content>"
         "<ReadingType xmlns='http://naesb.org/espi'>" +
         reading_type +
         "</ReadingType></content></entry>\n"
         "<entry><link rel='up' href='/UsagePoint/1/MeterReading/1/IntervalBlock'/><content>"
         "<IntervalBlock xmlns='http://naesb.org/espi'>\n" +
         readings + "</IntervalBlock></content></entry>\n</feed>\n";
}

std::string reading(const std::string& start, const std::string& duration,
                    const std::string& value) {
  return "<IntervalReading><timePeriod>" +
         (duration.empty() ? "" : "<duration>" + duration + "</duration>") + "<start>" + start +
         "</start></timePeriod><value>" + value + "</value></IntervalReading>\n";
}

TEST(GreenButton, UnitsAndMultipliersConvertExactly) {
  const struct {
    const char* uom;
    const char* multiplier;
    const char* value;
    const char* channel;
    std::int64_t milli;
  } cases[] = {
      {"72", "0", "412", "kWh", 412},    {"72", "3", "2", "kWh", 2000},
      {"72", "-2", "41200", "kWh", 412}, {"38", "0", "1648", "kW", 1648},
      {"169", "0", "3", "therm", 3000},  {"169", "-3", "1", "therm", 1},
      {"119", "0", "250", "CCF", 2500},  {"119", "2", "3", "CCF", 3000},
      {"128", "0", "75", "gal", 75000},  {"128", "-1", "-5", "gal", -500},
  };
  for (const auto& c : cases) {
    const std::string xml =
        feed(std::string("<intervalLength>900</intervalLength>") + "<powerOfTenMultiplier>" +
                 c.multiplier + "</powerOfTenMultiplier><uom>" + c.uom + "</uom>",
             reading("1795420800", "900", c.value));
    const ReadingBatch batch = parsed(xml);
    ASSERT_EQ(batch.values.size(), 1u) << c.uom << " " << c.multiplier;
    EXPECT_EQ(batch.channels[0].channel, c.channel);
    EXPECT_EQ(batch.values[0].milli_units, c.milli) << c.uom << " " << c.multiplier;
  }
}

TEST(GreenButton, ReadingsThatCannotBeStoredAreRejectsWithReasons) {
  const std::string kWh15 = "<intervalLength>900</intervalLength><uom>72</uom>";
  const struct {
    std::string reading_type;
    std::string readings;
    const char* reason_part;
  } cases[] = {
      {"<uom>42</uom>", reading("1795420800", "900", "1"), "uom 42 is not a unit"},
      {"<accumulationBehaviour>3</accumulationBehaviour>" + kWh15,
       reading("1795420800", "900", "1"), "cumulative register values"},
      {"<intervalLength>600</intervalLength><uom>72</uom>", reading("1795420800", "600", "1"),
       "an interval of 600 s is not one Ratepayer stores"},
      {"<uom>72</uom>", reading("1795420800", "", "1"), "no duration and its ReadingType no"},
      {"<uom>72</uom>", reading("1795420800", "7200", "1"), "7200 s is not one"},
      {kWh15, reading("-900", "900", "1"), "start '-900' is not a time"},
      {kWh15, reading("1795420800.5", "900", "1"), "start '1795420800.5'"},
      {kWh15, reading("1795420800", "900", "0.5"), "value '0.5' is not an integer"},
      {kWh15, reading("1795420800", "900", ""), "value '' is not an integer"},
      {kWh15, reading("1795420800", "abc", "1"), "duration 'abc' is not a number"},
      {kWh15, reading("1795420800", "900", "99999999999999999999"), "is not an integer"},
      {"<powerOfTenMultiplier>18</powerOfTenMultiplier>" + kWh15,
       reading("1795420800", "900", "10"), "value '10' is too large"},
  };
  for (const auto& c : cases) {
    const ReadingBatch batch = parsed(feed(c.reading_type, c.readings));
    EXPECT_TRUE(batch.values.empty()) << c.reason_part;
    ASSERT_EQ(batch.rejects.size(), 1u) << c.reason_part;
    EXPECT_NE(batch.rejects[0].reason.find(c.reason_part), std::string::npos)
        << batch.rejects[0].reason;
    EXPECT_EQ(batch.rejects[0].line, 6u);  // the IntervalReading's line
  }
}

TEST(GreenButton, WithoutIntervalLengthTheFirstDurationSetsTheChannelsLength) {
  const ReadingBatch batch = parsed(feed("<uom>72</uom>", reading("1795420800", "3600", "1") +
                                                              reading("1795424400", "3600", "2") +
                                                              reading("1795428000", "900", "3")));
  EXPECT_EQ(batch.interval_seconds, std::vector<std::int32_t>{3600});
  EXPECT_EQ(batch.values.size(), 2u);
  ASSERT_EQ(batch.rejects.size(), 1u);
  EXPECT_EQ(batch.rejects[0].reason,
            "an interval of 900 s differs from the 3600 s of channel kWh's other readings");
}

TEST(GreenButton, MalformedReadingTypesAreErrors) {
  const auto some_reading = reading("1795420800", "900", "1");
  EXPECT_NE(error_of(feed("<intervalLength>900</intervalLength>", some_reading)).find("has no uom"),
            std::string::npos);
  EXPECT_NE(error_of(feed("<uom>Wh</uom>", some_reading)).find("uom 'Wh', not an integer"),
            std::string::npos);
  EXPECT_NE(
      error_of(feed("<powerOfTenMultiplier>40</powerOfTenMultiplier><uom>72</uom>", some_reading))
          .find("outside -18..18"),
      std::string::npos);
  EXPECT_NE(error_of(feed("<flowDirection>4</flowDirection><uom>72</uom>", some_reading))
                .find("flowDirection 4"),
            std::string::npos);
  EXPECT_NE(error_of(feed("<intervalLength>-900</intervalLength><uom>72</uom>", some_reading))
                .find("intervalLength -900"),
            std::string::npos);
}

TEST(GreenButton, AUsagePointWithoutTitleNeedsASerial) {
  std::string xml =
      feed("<intervalLength>900</intervalLength><uom>72</uom>", reading("1795420800", "900", "1"));
  xml.replace(xml.find("<title>E7</title>"), 17, "<title/>");
  EXPECT_NE(error_of(xml).find("has no title to name its meter; give the meter serial"),
            std::string::npos);
  const ReadingBatch batch = parsed(xml, "E1000017");
  ASSERT_EQ(batch.channels.size(), 1u);
  EXPECT_EQ(batch.channels[0].meter_serial, "E1000017");
}

TEST(GreenButton, ASingleEntryDocumentIsReadLikeAFeed) {
  const std::string xml =
      "<entry xmlns='http://www.w3.org/2005/Atom'><content>"
      "<IntervalBlock xmlns='http://naesb.org/espi'>" +
      reading("1795420800", "900", "1") + "</IntervalBlock></content></entry>";
  // No MeterReading to tie it to: an error, not a guess.
  EXPECT_NE(error_of(xml, "E1").find("belongs to no MeterReading"), std::string::npos);
}

}  // namespace
}  // namespace rp::mdm
