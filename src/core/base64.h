#pragma once
// Base64 (RFC 4648, the standard alphabet with padding), for binary kept in a text column.

#include <optional>
#include <string>
#include <string_view>

namespace rp {

std::string base64_encode(std::string_view bytes);

// None for text that is not standard base64.
std::optional<std::string> base64_decode(std::string_view text);

}  // namespace rp
