#include "rating/exact_json.h"

#include <cstdint>
#include <limits>
#include <string>

#include <gtest/gtest.h>

namespace rp::rating {
namespace {

JsonValue parsed(std::string_view text) {
  Result<JsonValue> value = parse_exact_json(text, "test");
  EXPECT_TRUE(value.ok()) << text << ": " << (value.ok() ? "" : value.error().message);
  return value.ok() ? *value : JsonValue();
}

Result<Decimal> decimal_of(std::string_view json) {
  static JsonValue holder;
  holder = parsed(json);
  return JsonNode(holder, "rate").as_decimal();
}

std::int64_t raw(std::string_view json) {
  Result<Decimal> value = decimal_of(json);
  EXPECT_TRUE(value.ok()) << json << ": " << (value.ok() ? "" : value.error().message);
  return value.ok() ? value->raw() : -1;
}

TEST(ExactJson, NumbersKeepTheirTextSoPointOneIsExactlyOneTenth) {
  const JsonValue doc = parsed(R"({"rate": 0.1, "big": 12345678901234567890123, "neg": -7})");
  EXPECT_EQ(doc.find("rate")->text, "0.1");
  EXPECT_EQ(doc.find("big")->text, "12345678901234567890123");
  EXPECT_EQ(doc.find("neg")->text, "-7");
  EXPECT_EQ(raw("0.1"), 100'000'000);
  EXPECT_EQ(raw("0.1125"), 112'500'000);
  EXPECT_EQ(raw("\"0.1125\""), 112'500'000);  // a string holding a number reads the same
  EXPECT_EQ(raw("1.5e-3"), 1'500'000);
  EXPECT_EQ(raw("2E2"), 200'000'000'000);
  EXPECT_EQ(raw("-0.000000001"), -1);
  EXPECT_EQ(raw("9223372036.854775807"), std::numeric_limits<std::int64_t>::max());
  EXPECT_EQ(raw("-9223372036.854775808"), std::numeric_limits<std::int64_t>::min());
}

TEST(ExactJson, ExtraDigitsAreAnErrorUnlessRoundingWasAskedFor) {
  Result<Decimal> strict = decimal_of("0.07956999999999999");
  ASSERT_FALSE(strict.ok());
  EXPECT_EQ(strict.error().field, "rate");
  EXPECT_EQ(strict.error().message,
            "rate: \"0.07956999999999999\" has more than 9 digits after the decimal point");

  const JsonValue doc = parsed("[0.07956999999999999, -0.0000000005, 0.0000000004, 1e-400]");
  const JsonNode list(doc, "list");
  bool rounded = false;
  EXPECT_EQ(list.item(0).as_decimal(ExtraDigits::round, &rounded)->to_string(), "0.07957");
  EXPECT_TRUE(rounded);
  EXPECT_EQ(list.item(1).as_decimal(ExtraDigits::round)->raw(), -1);  // half away from zero
  EXPECT_EQ(list.item(2).as_decimal(ExtraDigits::round)->raw(), 0);
  EXPECT_EQ(list.item(3).as_decimal(ExtraDigits::round)->raw(), 0);
  rounded = false;
  EXPECT_EQ(JsonNode(parsed("0.5"), "x").as_decimal(ExtraDigits::round, &rounded)->raw(),
            500'000'000);
  EXPECT_FALSE(rounded);
}

TEST(ExactJson, OutOfRangeAndNonNumbersAreErrorsNamingThePath) {
  for (const char* text : {"9223372036.854775808", "1e10", "\"1e1000000000\"", "\"1,000\"",
                           "\"+1\"", "\".5\"", "\"1.\"", "\"\"", "\" 1\"", "true", "[1]"}) {
    Result<Decimal> value = decimal_of(text);
    ASSERT_FALSE(value.ok()) << text;
    EXPECT_EQ(value.error().kind, ErrorKind::invalid_input);
    EXPECT_EQ(value.error().field, "rate");
    EXPECT_EQ(value.error().message.rfind("rate: ", 0), 0u) << value.error().message;
  }
}

TEST(ExactJson, PercentagesBecomeFractionsExactly) {
  EXPECT_EQ(JsonNode(parsed("\"80\""), "p").as_percent()->to_string(), "0.8");
  EXPECT_EQ(JsonNode(parsed("5.25"), "p").as_percent()->to_string(), "0.0525");
  EXPECT_FALSE(JsonNode(parsed("\"0.12345678\""), "p").as_percent().ok());
  EXPECT_EQ(percent_text(Decimal::from_raw(800'000'000)), "80");
  EXPECT_EQ(percent_text(Decimal::from_raw(52'500'000)), "5.25");
  EXPECT_EQ(percent_text(Decimal::from_raw(1)), "0.0000001");
  EXPECT_EQ(percent_text(Decimal::from_raw(-12'345'000'000)), "-1234.5");
  EXPECT_EQ(percent_text(Decimal()), "0");
  EXPECT_EQ(percent_text(Decimal::from_raw(std::numeric_limits<std::int64_t>::min())),
            "-922337203685.4775808");
}

TEST(ExactJson, IntegersMustBeWholeAndInRange) {
  const JsonValue doc = parsed("[3, 3.0, 3.5, 30, \"3\"]");
  const JsonNode list(doc, "months");
  EXPECT_EQ(*list.item(0).as_integer(0, 11), 3);
  EXPECT_EQ(*list.item(1).as_integer(0, 11), 3);
  EXPECT_EQ(list.item(2).as_integer(0, 11).error().message, "months[2]: 3.5 is not a whole number");
  EXPECT_EQ(list.item(3).as_integer(0, 11).error().message, "months[3]: 30 is outside 0..11");
  EXPECT_FALSE(list.item(4).as_integer(0, 11).ok());
}

TEST(ExactJson, MalformedJsonSaysWhere) {
  Result<JsonValue> broken = parse_exact_json("{\n  \"name\": \"x\",\n}", "tariff");
  ASSERT_FALSE(broken.ok());
  EXPECT_EQ(broken.error().field, "tariff");
  EXPECT_NE(broken.error().message.find("line 3, column 1"), std::string::npos)
      << broken.error().message;

  EXPECT_FALSE(parse_exact_json("", "tariff").ok());
  EXPECT_FALSE(parse_exact_json("{} {}", "tariff").ok());
  EXPECT_FALSE(parse_exact_json("{\"a\": \"\xff\"}", "tariff").ok());  // not UTF-8
  EXPECT_FALSE(parse_exact_json("{\"a\": 1} // comment", "tariff").ok());
}

TEST(ExactJson, DuplicateKeysAreRejectedWithTheirPlace) {
  Result<JsonValue> doubled =
      parse_exact_json(R"({"versions": [{"energy": {"rate": 1, "rate": 2}}]})", "tariff");
  ASSERT_FALSE(doubled.ok());
  EXPECT_EQ(doubled.error().message,
            "tariff is not valid JSON: duplicate key \"rate\" in versions[0].energy");
}

TEST(ExactJson, DeepNestingIsRejectedNotAStackOverflow) {
  const std::string deep = std::string(100'000, '[') + std::string(100'000, ']');
  Result<JsonValue> nested = parse_exact_json(deep, "tariff");
  ASSERT_FALSE(nested.ok());
  EXPECT_NE(nested.error().message.find("nested more than 64 levels"), std::string::npos);
  EXPECT_TRUE(parse_exact_json(std::string(64, '[') + std::string(64, ']'), "tariff").ok());
}

TEST(ExactJson, UnknownKeysListTheKnownOnes) {
  const JsonValue doc = parsed(R"({"rate": 1, "rat": 2})");
  Result<void> checked = JsonNode(doc, "tiers[0]").expect_object_with_keys({"max", "rate"});
  ASSERT_FALSE(checked.ok());
  EXPECT_EQ(checked.error().field, "tiers[0].rat");
  EXPECT_EQ(checked.error().message, "tiers[0].rat: unknown field; the fields here are max, rate");
}

TEST(ExactJson, PrettyTextKeepsShortContainersOnOneLineAndReadsBack) {
  JsonValue tier = JsonValue::object();
  tier.add("max", JsonValue::string("500")).add("rate", JsonValue::string("0.1125"));
  JsonValue tiers = JsonValue::array();
  tiers.push(tier).push(tier);
  JsonValue root = JsonValue::object();
  root.add("name", JsonValue::string("Quote \" backslash \\ tab \t bell \x07 é"));
  root.add("flag", JsonValue::boolean_value(true)).add("none", JsonValue());
  root.add("count", JsonValue::integer(-3)).add("tiers", tiers).add("empty", JsonValue::array());
  root.add("long", JsonValue::string(std::string(120, 'x')));
  const std::string text = write_pretty_json(root);
  EXPECT_NE(text.find("\n  \"tiers\": [{\"max\": \"500\", \"rate\": \"0.1125\"}, {\"max\": "
                      "\"500\", \"rate\": \"0.1125\"}],\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("\\\" backslash \\\\ tab \\t bell \\u0007 é"), std::string::npos) << text;
  EXPECT_EQ(text.back(), '\n');

  const JsonValue back = parsed(text);
  EXPECT_EQ(back.find("name")->text, root.find("name")->text);
  EXPECT_EQ(back.find("count")->text, "-3");
  EXPECT_EQ(back.find("none")->type, JsonValue::Type::null);
  EXPECT_EQ(back.find("tiers")->items.size(), 2u);
  EXPECT_EQ(write_pretty_json(back), text);
}

}  // namespace
}  // namespace rp::rating
