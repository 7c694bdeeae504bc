#include "core/json.h"

#include <gtest/gtest.h>

namespace rp {
namespace {

TEST(MoneyJson, IsAStringAmountAndCurrency) {
  EXPECT_EQ(money_json(Money::from_cents(12345)).dump(), R"({"amount":"123.45","currency":"USD"})");
  EXPECT_EQ(money_json(Money::from_cents(-5))["amount"], "-0.05");
  EXPECT_EQ(money_json(Money())["amount"], "0.00");
}

TEST(RequiredString, ReturnsTheValue) {
  const json body = json::parse(R"({"name":"Ada Lovelace","note":""})");
  EXPECT_EQ(*required_string(body, "name"), "Ada Lovelace");
  EXPECT_EQ(*required_string(body, "note"), "");
}

TEST(RequiredString, MissingNullOrWrongTypeNamesTheField) {
  const json body = json::parse(R"({"name":null,"age":42,"tags":["a"]})");
  for (const char* field : {"name", "missing"}) {
    Result<std::string> value = required_string(body, field);
    ASSERT_FALSE(value.ok()) << field;
    EXPECT_EQ(value.error().kind, ErrorKind::invalid_input);
    EXPECT_EQ(value.error().field, field);
    EXPECT_EQ(value.error().message, std::string(field) + " is required");
  }
  Result<std::string> age = required_string(body, "age");
  ASSERT_FALSE(age.ok());
  EXPECT_EQ(age.error().field, "age");
  EXPECT_EQ(age.error().message, "age must be a string, not a JSON number");
  EXPECT_EQ(required_string(body, "tags").error().message,
            "tags must be a string, not a JSON array");
}

TEST(RequiredString, BodyThatIsNotAnObjectIsRejected) {
  for (const char* text : {"[]", "\"name\"", "null", "3"}) {
    Result<std::string> value = required_string(json::parse(text), "name");
    ASSERT_FALSE(value.ok()) << text;
    EXPECT_EQ(value.error().field, "name");
    EXPECT_NE(value.error().message.find("must be a JSON object"), std::string::npos);
  }
}

TEST(OptionalString, AbsentOrNullIsNothingButWrongTypeIsAnError) {
  const json body = json::parse(R"({"nickname":"Ada","middle":null,"count":1})");
  EXPECT_EQ(**optional_string(body, "nickname"), "Ada");
  EXPECT_FALSE(optional_string(body, "middle")->has_value());
  EXPECT_FALSE(optional_string(body, "absent")->has_value());
  Result<std::optional<std::string>> count = optional_string(body, "count");
  ASSERT_FALSE(count.ok());
  EXPECT_EQ(count.error().field, "count");
}

TEST(RequiredMoney, ReadsDecimalDollarStrings) {
  const json body = json::parse(R"({"amount":"12.34","refund":"-0.05","whole":"7"})");
  EXPECT_EQ(*required_money(body, "amount"), Money::from_cents(1234));
  EXPECT_EQ(*required_money(body, "refund"), Money::from_cents(-5));
  EXPECT_EQ(*required_money(body, "whole"), Money::from_cents(700));
}

TEST(RequiredMoney, RejectsJsonNumbersAskingForAString) {
  for (const char* text : {R"({"amount":12.34})", R"({"amount":12})", R"({"amount":true})"}) {
    Result<Money> money = required_money(json::parse(text), "amount");
    ASSERT_FALSE(money.ok()) << text;
    EXPECT_EQ(money.error().kind, ErrorKind::invalid_input);
    EXPECT_EQ(money.error().field, "amount");
    EXPECT_NE(money.error().message.find("must be a string"), std::string::npos)
        << money.error().message;
  }
}

TEST(RequiredMoney, BadStringsMissingAndNullNameTheField) {
  const json body =
      json::parse(R"({"payment_amount":"1,234.56","fee":"1.999","tip":"","credit":null})");
  Result<Money> separators = required_money(body, "payment_amount");
  ASSERT_FALSE(separators.ok());
  EXPECT_EQ(separators.error().field, "payment_amount");
  EXPECT_NE(separators.error().message.find("payment_amount \"1,234.56\""), std::string::npos);
  EXPECT_NE(separators.error().message.find("thousands separators"), std::string::npos);
  EXPECT_EQ(required_money(body, "fee").error().field, "fee");
  EXPECT_EQ(required_money(body, "tip").error().field, "tip");
  EXPECT_EQ(required_money(body, "credit").error().message, "credit is required");
  EXPECT_EQ(required_money(body, "absent").error().message, "absent is required");
}

TEST(OptionalMoney, AbsentIsNothingPresentMustBeValid) {
  const json body = json::parse(R"({"limit":"50.00","bad":50})");
  EXPECT_EQ(**optional_money(body, "limit"), Money::from_cents(5000));
  EXPECT_FALSE(optional_money(body, "absent")->has_value());
  EXPECT_FALSE(optional_money(body, "bad").ok());
}

}  // namespace
}  // namespace rp
