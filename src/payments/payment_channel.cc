#include "payments/payment_channel.h"

#include <array>
#include <ostream>
#include <string>

namespace rp::payments {
namespace {

struct ChannelName {
  PaymentChannel channel;
  std::string_view name;
};

constexpr std::array<ChannelName, 5> kChannels = {{
    {PaymentChannel::web, "web"},
    {PaymentChannel::phone, "phone"},
    {PaymentChannel::cashier, "cashier"},
    {PaymentChannel::lockbox, "lockbox"},
    {PaymentChannel::autopay, "autopay"},
}};

}  // namespace

std::string_view payment_channel_name(PaymentChannel channel) {
  for (const ChannelName& item : kChannels) {
    if (item.channel == channel) return item.name;
  }
  return kChannels[0].name;
}

Result<PaymentChannel> parse_payment_channel(std::string_view name) {
  std::string names;
  for (const ChannelName& item : kChannels) {
    if (item.name == name) return item.channel;
    names += (names.empty() ? "" : ", ") + std::string(item.name);
  }
  return invalid_input("channel",
                       "'" + std::string(name) + "' is not a payment channel: one of " + names);
}

void PrintTo(PaymentChannel channel, std::ostream* out) {
  *out << payment_channel_name(channel);
}

}  // namespace rp::payments
