#pragma once
// Time-based one-time codes (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits, as every
// authenticator app expects) on liboath, and the enrolment QR code on libqrencode. The key is 20
// random bytes, stored as hex and shown to the customer in base32.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace rp::auth {

inline constexpr int kTotpStepSeconds = 30;

// A new random key, 40 hex digits.
std::string new_totp_secret();

// The key in base32 (what an app takes when typed in), without padding.
std::string totp_base32(const std::string& secret_hex);

// otpauth://totp/<issuer>:<email>?secret=...&issuer=... (percent-encoded).
std::string otpauth_uri(const std::string& issuer, const std::string& email,
                        const std::string& secret_hex);

// The time step `code` is valid for at `unix_seconds`, one step either way allowed for clock
// drift; nullopt when it is not a valid code then.
std::optional<std::int64_t> totp_step_of(const std::string& secret_hex, std::string_view code,
                                         std::int64_t unix_seconds);

// The code for `unix_seconds` (for tests and for showing what a device shows).
std::string totp_code(const std::string& secret_hex, std::int64_t unix_seconds);

// `text` as a QR code in SVG (black modules on white, a 4-module quiet zone), with a <title>.
std::string qr_svg(const std::string& text, const std::string& title);

}  // namespace rp::auth
