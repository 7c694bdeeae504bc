#include "payments/payment_channel.h"

#include <gtest/gtest.h>

namespace rp::payments {
namespace {

constexpr PaymentChannel kAll[] = {PaymentChannel::web, PaymentChannel::phone,
                                   PaymentChannel::cashier, PaymentChannel::lockbox,
                                   PaymentChannel::autopay};

TEST(PaymentChannel, EveryNameRoundTrips) {
  for (PaymentChannel channel : kAll) {
    auto parsed = parse_payment_channel(payment_channel_name(channel));
    ASSERT_TRUE(parsed.ok()) << payment_channel_name(channel);
    EXPECT_EQ(*parsed, channel);
  }
  // The stored values: the payments table's CHECK constraint lists exactly these.
  EXPECT_EQ(payment_channel_name(PaymentChannel::web), "web");
  EXPECT_EQ(payment_channel_name(PaymentChannel::phone), "phone");
  EXPECT_EQ(payment_channel_name(PaymentChannel::cashier), "cashier");
  EXPECT_EQ(payment_channel_name(PaymentChannel::lockbox), "lockbox");
  EXPECT_EQ(payment_channel_name(PaymentChannel::autopay), "autopay");
}

TEST(PaymentChannel, AnUnknownNameIsRefusedNamingTheChannels) {
  auto refused = parse_payment_channel("mail");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, ErrorKind::invalid_input);
  EXPECT_EQ(refused.error().field, "channel");
  EXPECT_EQ(refused.error().message,
            "'mail' is not a payment channel: one of web, phone, cashier, lockbox, autopay");
  EXPECT_FALSE(parse_payment_channel("").ok());
  EXPECT_FALSE(parse_payment_channel("Web").ok());
}

}  // namespace
}  // namespace rp::payments
