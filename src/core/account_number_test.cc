#include "core/account_number.h"

#include <gtest/gtest.h>

namespace rp {
namespace {

// A spread of sequences: the first, the last, and ones with repeated and varied digits.
constexpr uint32_t kSequences[] = {0, 1, 12'345'678, 99'999'999, 40'404'040, 73'102'958};

TEST(AccountNumber, IsEightSequenceDigitsAndALuhnCheckDigit) {
  EXPECT_EQ(AccountNumber::from_sequence(1).digits(), "000000018");
  EXPECT_EQ(AccountNumber::from_sequence(0).digits(), "000000000");
  // Luhn over 12345678: the textbook check digit for 1234567 8 is 2.
  EXPECT_EQ(AccountNumber::from_sequence(12'345'678).digits(), "123456782");
  EXPECT_EQ(AccountNumber::from_sequence(12'345'678).formatted(), "1234-5678-2");
  EXPECT_EQ(luhn_check_digit("7992739871"), '3');  // the published Luhn example
}

TEST(AccountNumber, SequenceRoundTrips) {
  for (uint32_t sequence : kSequences) {
    const AccountNumber number = AccountNumber::from_sequence(sequence);
    EXPECT_EQ(number.sequence(), sequence);
    EXPECT_EQ(number.digits().size(), 9u);
    Result<AccountNumber> parsed = AccountNumber::parse(number.digits());
    ASSERT_TRUE(parsed.ok()) << parsed.error().message;
    EXPECT_EQ(*parsed, number);
    EXPECT_EQ(*AccountNumber::parse(number.formatted()), number);
  }
}

TEST(AccountNumber, AcceptsSpacesAndDashesAsPeopleTypeThem) {
  const AccountNumber expected = AccountNumber::from_sequence(12'345'678);
  for (const char* typed : {"123456782", "1234-5678-2", " 1234 5678 2 ", "123-456-782",
                            "  123456782", "1234 - 5678 - 2"}) {
    Result<AccountNumber> parsed = AccountNumber::parse(typed);
    ASSERT_TRUE(parsed.ok()) << typed << ": " << parsed.error().message;
    EXPECT_EQ(*parsed, expected) << typed;
  }
}

TEST(AccountNumber, WrongLengthSaysSo) {
  for (const char* typed : {"", "12345678", "1234567820", "1234-5678", "---"}) {
    Result<AccountNumber> parsed = AccountNumber::parse(typed);
    ASSERT_FALSE(parsed.ok()) << typed;
    EXPECT_EQ(parsed.error().kind, ErrorKind::invalid_input);
    EXPECT_EQ(parsed.error().field, "account_number");
    EXPECT_NE(parsed.error().message.find("account numbers have 9 digits"), std::string::npos)
        << parsed.error().message;
  }
}

TEST(AccountNumber, OtherCharactersAreNamed) {
  Result<AccountNumber> parsed = AccountNumber::parse("1234-5678-O");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error().field, "account_number");
  EXPECT_NE(parsed.error().message.find("contains 'O'"), std::string::npos);
  EXPECT_FALSE(AccountNumber::parse("12345678.2").ok());
  EXPECT_FALSE(AccountNumber::parse("+123456782").ok());
}

TEST(AccountNumber, WrongCheckDigitSaysTheNumberMayBeMistyped) {
  Result<AccountNumber> parsed = AccountNumber::parse("1234-5678-3");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error().field, "account_number");
  EXPECT_NE(parsed.error().message.find("check digit does not match: the number may be mistyped"),
            std::string::npos)
      << parsed.error().message;
}

TEST(AccountNumber, DetectsEverySingleDigitTypo) {
  for (uint32_t sequence : kSequences) {
    const std::string digits = AccountNumber::from_sequence(sequence).digits();
    for (size_t position = 0; position < digits.size(); ++position) {
      for (char typo = '0'; typo <= '9'; ++typo) {
        if (typo == digits[position]) continue;
        std::string mistyped = digits;
        mistyped[position] = typo;
        EXPECT_FALSE(AccountNumber::parse(mistyped).ok()) << digits << " -> " << mistyped;
      }
    }
  }
}

TEST(AccountNumber, DetectsAdjacentTranspositionsExceptLuhnsBlindSpot09) {
  int checked = 0;
  for (uint32_t sequence : kSequences) {
    const std::string digits = AccountNumber::from_sequence(sequence).digits();
    for (size_t position = 0; position + 1 < digits.size(); ++position) {
      const char a = digits[position];
      const char b = digits[position + 1];
      if (a == b) continue;
      std::string swapped = digits;
      std::swap(swapped[position], swapped[position + 1]);
      const bool blind_spot = (a == '0' && b == '9') || (a == '9' && b == '0');
      EXPECT_EQ(AccountNumber::parse(swapped).ok(), blind_spot) << digits << " -> " << swapped;
      ++checked;
    }
  }
  EXPECT_GE(checked, 25);  // the sequences above hold 27 unequal neighbour pairs
}

TEST(AccountNumber, EveryTranspositionOfEveryDigitPairIsCaughtSaveZeroNine) {
  // Exhaustive over digit pairs: place "ab" at each position of an otherwise-zero sequence.
  for (size_t position = 0; position + 1 < 8; ++position) {
    for (char a = '0'; a <= '9'; ++a) {
      for (char b = '0'; b <= '9'; ++b) {
        if (a == b) continue;
        std::string payload(8, '0');
        payload[position] = a;
        payload[position + 1] = b;
        const std::string digits = payload + luhn_check_digit(payload);
        std::string swapped = digits;
        std::swap(swapped[position], swapped[position + 1]);
        const bool blind_spot = (a == '0' && b == '9') || (a == '9' && b == '0');
        EXPECT_EQ(AccountNumber::parse(swapped).ok(), blind_spot) << digits << " -> " << swapped;
      }
    }
  }
}

}  // namespace
}  // namespace rp
