#include "notify/phone_number.h"

#include <gtest/gtest.h>

namespace rp::notify {
namespace {

TEST(PhoneNumber, NumbersAsTypedBecomeE164) {
  EXPECT_EQ(*e164_number("(541) 555-0134"), "+15415550134");
  EXPECT_EQ(*e164_number("541.555.0134"), "+15415550134");
  EXPECT_EQ(*e164_number("+1 541 555 0134"), "+15415550134");
  EXPECT_EQ(*e164_number("1-541-555-0134"), "+15415550134");
  EXPECT_EQ(*e164_number("+52 55 1234 5678"), "+525512345678");
}

TEST(PhoneNumber, WhatCannotBeTextedIsRefusedByName) {
  for (const char* bad : {"", "555-0134", "not a number", "(800) 555-0199", "+1 541 555 01345",
                          "123456789012345678901234567890123456789012345"}) {
    auto number = e164_number(bad, "US", "phone");
    ASSERT_FALSE(number.ok()) << bad;
    EXPECT_EQ(number.error().field, "phone") << bad;
  }
}

}  // namespace
}  // namespace rp::notify
