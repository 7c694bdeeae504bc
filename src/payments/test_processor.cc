#include "payments/test_processor.h"

#include <sodium.h>

#include <cstdint>
#include <random>
#include <vector>

#include "core/assert.h"

namespace rp::payments {
namespace {

constexpr std::string_view kPrefix = "tok_test_";

// The scenario a number's last four select.
std::string scenario_of(std::string_view last_four) {
  if (last_four == "0002") return "decline";
  if (last_four == "9995") return "insufficient";
  if (last_four == "0119") return "error";
  if (last_four == "0408") return "timeout";
  return "approve";
}

std::string random_hex(std::size_t bytes) {
  static thread_local std::random_device device;
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < bytes; ++i) {
    const unsigned value = device() & 0xff;
    out.push_back(kHex[value >> 4]);
    out.push_back(kHex[value & 0xf]);
  }
  return out;
}

// FNV-1a: the same key gives the same charge reference, run after run.
std::string reference_of(const std::string& key) {
  std::uint64_t hash = 14695981039346656037ull;
  for (char c : key) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ull;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "tp_";
  for (int shift = 60; shift >= 0; shift -= 4) out.push_back(kHex[(hash >> shift) & 0xf]);
  return out;
}

// tok_test_<scenario>_<method>_<brand>_<last four>_<random>_<signature>
std::vector<std::string> parts_of(const std::string& token) {
  std::vector<std::string> parts;
  std::size_t begin = kPrefix.size();
  while (begin <= token.size()) {
    std::size_t end = token.find('_', begin);
    if (end == std::string::npos) end = token.size();
    parts.push_back(token.substr(begin, end - begin));
    begin = end + 1;
  }
  return parts;
}

std::string brand_label(const std::string& brand) {
  if (brand == "visa") return "Visa";
  if (brand == "mastercard") return "Mastercard";
  if (brand == "amex") return "American Express";
  if (brand == "discover") return "Discover";
  return "Card";
}

ChargeResult result_for(const std::string& scenario, const ChargeRequest& request,
                        bool looking_up) {
  if (scenario == "decline") return {ChargeOutcome::declined, "", "the card was declined"};
  if (scenario == "insufficient") {
    return {ChargeOutcome::insufficient_funds, "", "insufficient funds"};
  }
  if (scenario == "error") {
    return {ChargeOutcome::processor_error, "", "the processor had an error; nothing was charged"};
  }
  if (scenario == "timeout" && !looking_up) {
    return {ChargeOutcome::timeout, "", "the processor did not answer in time"};
  }
  return {ChargeOutcome::approved, reference_of(request.idempotency_key), ""};
}

}  // namespace

const char* charge_outcome_name(ChargeOutcome outcome) {
  switch (outcome) {
    case ChargeOutcome::approved:
      return "approved";
    case ChargeOutcome::declined:
      return "declined";
    case ChargeOutcome::insufficient_funds:
      return "insufficient_funds";
    case ChargeOutcome::processor_error:
      return "processor_error";
    case ChargeOutcome::timeout:
      return "timeout";
  }
  return "processor_error";
}

TestProcessor::TestProcessor() {
  RP_ASSERT(sodium_init() >= 0, "libsodium starts");
  randombytes_buf(key_.data(), key_.size());
}

std::string TestProcessor::signature_of(std::string_view unsigned_token) const {
  RP_ASSERT(sodium_init() >= 0, "libsodium starts");
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256(mac, reinterpret_cast<const unsigned char*>(unsigned_token.data()),
                         unsigned_token.size(), key_.data());
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < 16; ++i) {  // 128 bits are plenty against forgery
    out.push_back(kHex[mac[i] >> 4]);
    out.push_back(kHex[mac[i] & 0xf]);
  }
  return out;
}

Result<std::string> TestProcessor::tokenize_card(const CardDetails& card, LocalDate today) {
  auto checked = check_card(card, today);
  RP_TRY(checked);
  const std::string unsigned_token = std::string(kPrefix) + scenario_of(checked->last_four) +
                                     "_card_" + checked->brand + "_" + checked->last_four + "_" +
                                     random_hex(8);
  return unsigned_token + "_" + signature_of(unsigned_token);
}

Result<TokenInfo> TestProcessor::describe(const std::string& token) {
  const std::vector<std::string> parts =
      token.starts_with(kPrefix) ? parts_of(token) : std::vector<std::string>{};
  const Error refused =
      invalid_input("token", "the payment method token is not one the processor issued");
  if (parts.size() != 6 || parts[1] != "card" || parts[3].size() != 4) return refused;
  const std::string& given = parts[5];
  const std::string expected = signature_of(token.substr(0, token.size() - given.size() - 1));
  if (given.size() != expected.size() ||
      sodium_memcmp(given.data(), expected.data(), expected.size()) != 0) {
    return refused;
  }
  return TokenInfo{parts[1], brand_label(parts[2]) + " •••• " + parts[3], parts[3]};
}

ChargeResult TestProcessor::charge(const ChargeRequest& request) {
  if (!describe(request.token).ok()) {
    return {ChargeOutcome::declined, "", "the payment method token is not valid"};
  }
  return result_for(parts_of(request.token)[0], request, false);
}

std::optional<ChargeResult> TestProcessor::lookup(const ChargeRequest& request) {
  if (!describe(request.token).ok()) return std::nullopt;
  ChargeResult result = result_for(parts_of(request.token)[0], request, true);
  if (result.outcome != ChargeOutcome::approved) return std::nullopt;  // nothing was charged
  return result;
}

Result<void> TestProcessor::void_charge(const ChargeRequest& request) {
  if (!lookup(request)) return conflict("the processor has no approved charge to void");
  return success();
}

namespace {

Error no_card_processor() {
  return unavailable(
             "card payments are not available: this server has no card processor configured "
             "(payments.card_processor)")
      .coded("card-payments-unavailable");
}

}  // namespace

ChargeResult NoCardProcessor::charge(const ChargeRequest&) {
  return {ChargeOutcome::processor_error, "", no_card_processor().message};
}

std::optional<ChargeResult> NoCardProcessor::lookup(const ChargeRequest&) {
  return std::nullopt;
}

Result<TokenInfo> NoCardProcessor::describe(const std::string&) {
  return no_card_processor();
}

Result<void> NoCardProcessor::void_charge(const ChargeRequest&) {
  return no_card_processor();
}

}  // namespace rp::payments
