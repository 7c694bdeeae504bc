#include "core/json_writer.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace rp {
namespace {

TEST(JsonWriter, WritesNestedObjectsAndArraysWithCommasInPlace) {
  JsonWriter out;
  out.begin_object()
      .key("account_number")
      .string("100000017")
      .key("agreements")
      .begin_array()
      .begin_object()
      .key("id")
      .number(1)
      .key("end_date")
      .null()
      .end_object()
      .begin_object()
      .key("id")
      .number(-2)
      .key("open")
      .boolean(true)
      .end_object()
      .end_array()
      .key("empty")
      .begin_array()
      .end_array()
      .key("nothing")
      .begin_object()
      .end_object()
      .end_object();
  EXPECT_EQ(out.take(), R"({"account_number":"100000017","agreements":[{"id":1,"end_date":null},)"
                        R"({"id":-2,"open":true}],"empty":[],"nothing":{}})");
}

TEST(JsonWriter, EscapesQuotesBackslashesAndControlCharactersAndKeepsUtf8) {
  JsonWriter out;
  std::string awkward = "Luis \"Lucho\" Hernández\\\n\t\x01";
  out.begin_object().key("name").string(awkward).end_object();
  std::string text = out.take();
  EXPECT_EQ(text, "{\"name\":\"Luis \\\"Lucho\\\" Hernández\\\\\\n\\t\\u0001\"}");
  EXPECT_EQ(nlohmann::json::parse(text)["name"], awkward) << "must round-trip through a parser";
}

TEST(JsonWriter, PlacesJsonWrittenEarlierAsOneValue) {
  JsonWriter inner;
  inner.begin_object().key("cents").number(500).end_object();
  JsonWriter outer;
  outer.begin_object().key("summary").string("Paid").key("event").json(inner.take());
  outer.key("after").boolean(true).end_object();
  EXPECT_EQ(outer.take(), R"({"summary":"Paid","event":{"cents":500},"after":true})");
}

TEST(JsonWriter, OptionalStringsAreNullWhenAbsent) {
  JsonWriter out;
  out.begin_array().optional_string(std::nullopt).optional_string("2026-11-23").end_array();
  EXPECT_EQ(out.take(), R"([null,"2026-11-23"])");
}

}  // namespace
}  // namespace rp
