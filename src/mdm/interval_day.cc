#include "mdm/interval_day.h"
#include "core/assert.h"

namespace rp::mdm {
namespace {

constexpr char kBase64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr int kMaxVarintBytes = 10;  // ceil(64 / 7)

// The 6-bit value of a base64 character, or -1.
int base64_digit(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

std::string base64_encode(const std::string& bytes) {
  std::string out;
  out.reserve((bytes.size() * 4 + 2) / 3);
  std::size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    const std::uint32_t group =
        static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i])) << 16 |
        static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8 |
        static_cast<unsigned char>(bytes[i + 2]);
    out += kBase64[group >> 18];
    out += kBase64[(group >> 12) & 63];
    out += kBase64[(group >> 6) & 63];
    out += kBase64[group & 63];
  }
  const std::size_t rest = bytes.size() - i;
  if (rest > 0) {
    std::uint32_t group = static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i])) << 16;
    if (rest == 2)
      group |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8;
    out += kBase64[group >> 18];
    out += kBase64[(group >> 12) & 63];
    if (rest == 2) out += kBase64[(group >> 6) & 63];
  }
  return out;
}

Error bad_values(const std::string& problem) {
  return invalid_input("values", "the packed interval values " + problem);
}

// Strict RFC 4648 base64 without padding: only alphabet characters, no '=', and the unused low
// bits of the last character zero, so every byte string has exactly one text.
Result<std::string> base64_decode(std::string_view text) {
  if (text.size() % 4 == 1) {
    return bad_values("have a length (" + std::to_string(text.size()) +
                      ") that no base64 text has; the text is truncated or damaged");
  }
  std::string bytes;
  bytes.reserve(text.size() * 3 / 4);
  std::uint32_t group = 0;
  int bits = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const int digit = base64_digit(text[i]);
    if (digit < 0) {
      const auto byte = static_cast<unsigned char>(text[i]);
      const std::string shown = byte >= 0x21 && byte < 0x7f ? "'" + std::string(1, text[i]) + "'"
                                                            : "byte " + std::to_string(byte);
      return bad_values("contain " + shown + " at position " + std::to_string(i) +
                        ", which is not a base64 character (A-Z a-z 0-9 + /, no padding)");
    }
    group = (group << 6) | static_cast<std::uint32_t>(digit);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes += static_cast<char>((group >> bits) & 0xff);
    }
  }
  if ((group & ((1u << bits) - 1)) != 0) {
    return bad_values("end with a character whose unused bits are not zero (not canonical base64)");
  }
  return bytes;
}

void append_varint(std::uint64_t value, std::string& out) {
  while (value >= 0x80) {
    out += static_cast<char>((value & 0x7f) | 0x80);
    value >>= 7;
  }
  out += static_cast<char>(value);
}

std::uint64_t zig_zag(std::uint64_t delta) {
  const auto as_signed = static_cast<std::int64_t>(delta);
  return (delta << 1) ^ static_cast<std::uint64_t>(as_signed >> 63);
}

std::uint64_t un_zig_zag(std::uint64_t encoded) {
  return (encoded >> 1) ^ (~(encoded & 1) + 1);
}

}  // namespace

IntervalDay IntervalDay::empty(std::int64_t channel_id, std::int32_t utc_day,
                               std::int32_t interval_minutes) {
  RP_ASSERT(interval_minutes > 0 && 1440 % interval_minutes == 0, "intervals divide the day");
  const std::size_t slots =
      interval_minutes > 0 && 1440 % interval_minutes == 0 ? 1440 / interval_minutes : 0;
  IntervalDay day;
  day.channel_id = channel_id;
  day.utc_day = utc_day;
  day.interval_minutes = interval_minutes;
  day.values.assign(slots, 0);
  day.quality.assign(slots, Quality::missing);
  return day;
}

// Differences are taken modulo 2^64, so any two int64 values (INT64_MIN after INT64_MAX included)
// differ by one 64-bit step that the decoder undoes exactly.
std::string pack_values(const std::vector<std::int64_t>& values) {
  std::string bytes;
  bytes.reserve(values.size() * 2);
  std::uint64_t previous = 0;
  for (const std::int64_t value : values) {
    const auto current = static_cast<std::uint64_t>(value);
    append_varint(zig_zag(current - previous), bytes);
    previous = current;
  }
  return base64_encode(bytes);
}

Result<std::vector<std::int64_t>> unpack_values(std::string_view packed,
                                                std::size_t expected_count) {
  Result<std::string> decoded = base64_decode(packed);
  if (!decoded.ok()) return decoded.error();
  const std::string& bytes = *decoded;
  std::vector<std::int64_t> values;
  values.reserve(expected_count);
  std::uint64_t previous = 0;
  std::size_t pos = 0;
  while (pos < bytes.size()) {
    if (values.size() == expected_count) {
      return bad_values("hold more than the " + std::to_string(expected_count) +
                        " values of this day");
    }
    std::uint64_t encoded = 0;
    for (int i = 0;; ++i) {
      if (pos == bytes.size()) return bad_values("end in the middle of a value (truncated)");
      const auto byte = static_cast<unsigned char>(bytes[pos++]);
      if (i == kMaxVarintBytes - 1 && byte > 1) {
        return bad_values("hold a number that does not fit in 64 bits");
      }
      encoded |= static_cast<std::uint64_t>(byte & 0x7f) << (7 * i);
      if ((byte & 0x80) == 0) {
        if (byte == 0 && i > 0) return bad_values("hold a number with redundant bytes");
        break;
      }
    }
    previous += un_zig_zag(encoded);
    values.push_back(static_cast<std::int64_t>(previous));
  }
  if (values.size() != expected_count) {
    return bad_values("hold " + std::to_string(values.size()) + " values; the day has " +
                      std::to_string(expected_count) + " slots");
  }
  return values;
}

std::string pack_quality(const std::vector<Quality>& quality) {
  std::string out;
  out.reserve(quality.size());
  for (const Quality q : quality) out += static_cast<char>('0' + static_cast<int>(q));
  return out;
}

Result<std::vector<Quality>> unpack_quality(std::string_view packed, std::size_t expected_count) {
  if (packed.size() != expected_count) {
    return invalid_input("quality", "the packed quality flags hold " +
                                        std::to_string(packed.size()) + " slots; the day has " +
                                        std::to_string(expected_count));
  }
  std::vector<Quality> quality;
  quality.reserve(packed.size());
  for (std::size_t i = 0; i < packed.size(); ++i) {
    const char c = packed[i];
    if (c < '0' || c > '3') {
      return invalid_input("quality", "the packed quality flags hold an unknown flag at slot " +
                                          std::to_string(i) +
                                          " (expected 0 actual, 1 estimated, 2 edited, 3 missing)");
    }
    quality.push_back(static_cast<Quality>(c - '0'));
  }
  return quality;
}

}  // namespace rp::mdm
