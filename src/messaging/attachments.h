#pragma once
// What a customer may attach to a message, decided by the file's content, never by its name or
// the type the browser claimed: JPEG, PNG, GIF, WebP images and PDF documents, 5 MB at most,
// three per message. Pure.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace rp::messaging {

inline constexpr std::size_t kLargestAttachment = 5 * 1024 * 1024;
inline constexpr std::size_t kMostAttachments = 3;

// The media type the bytes are, by their signature; none for anything else.
std::optional<std::string> sniff_content_type(std::string_view bytes);

// A file name safe to store and to send back in Content-Disposition: the last path part, only
// letters, digits, spaces and . _ - ( ) kept (others become _), at most 100 characters, never
// empty ("attachment"); an extension matching the content type is added when missing.
std::string safe_file_name(std::string_view name, const std::string& content_type);

// Errors: invalid_input ("file") naming what is wrong: empty, over 5 MB, or not an image or a
// PDF by its content (code attachment-type).
Result<std::string> checked_content_type(std::string_view bytes);

}  // namespace rp::messaging
