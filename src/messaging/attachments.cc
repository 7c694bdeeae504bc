#include "messaging/attachments.h"

#include <cctype>

namespace rp::messaging {
namespace {

bool starts_with(std::string_view bytes, std::string_view signature, std::size_t at = 0) {
  return bytes.size() >= at + signature.size() && bytes.substr(at, signature.size()) == signature;
}

std::string extension_of(const std::string& content_type) {
  if (content_type == "image/jpeg") return ".jpg";
  if (content_type == "image/png") return ".png";
  if (content_type == "image/gif") return ".gif";
  if (content_type == "image/webp") return ".webp";
  return ".pdf";
}

bool ends_with_any_case(const std::string& text, const std::string& suffix) {
  if (text.size() < suffix.size()) return false;
  for (std::size_t i = 0; i < suffix.size(); ++i) {
    const auto a = static_cast<unsigned char>(text[text.size() - suffix.size() + i]);
    if (std::tolower(a) != suffix[i]) return false;
  }
  return true;
}

}  // namespace

std::optional<std::string> sniff_content_type(std::string_view bytes) {
  if (starts_with(bytes, "\xFF\xD8\xFF")) return "image/jpeg";
  if (starts_with(bytes, "\x89PNG\r\n\x1A\n")) return "image/png";
  if (starts_with(bytes, "GIF87a") || starts_with(bytes, "GIF89a")) return "image/gif";
  if (starts_with(bytes, "RIFF") && starts_with(bytes, "WEBP", 8)) return "image/webp";
  if (starts_with(bytes, "%PDF-")) return "application/pdf";
  return std::nullopt;
}

std::string safe_file_name(std::string_view name, const std::string& content_type) {
  const std::size_t slash = name.find_last_of("/\\");
  if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
  std::string safe;
  for (char c : name) {
    const auto u = static_cast<unsigned char>(c);
    const bool kept =
        std::isalnum(u) || c == ' ' || c == '.' || c == '_' || c == '-' || c == '(' || c == ')';
    safe += (kept && u < 0x80) ? c : '_';
    if (safe.size() == 100) break;
  }
  while (!safe.empty() && (safe.front() == '.' || safe.front() == ' ')) safe.erase(0, 1);
  if (safe.empty()) safe = "attachment";
  const std::string extension = extension_of(content_type);
  const bool matches = ends_with_any_case(safe, extension) ||
                       (content_type == "image/jpeg" && ends_with_any_case(safe, ".jpeg"));
  if (!matches) safe += extension;
  return safe;
}

Result<std::string> checked_content_type(std::string_view bytes) {
  if (bytes.empty()) return invalid_input("file", "the file is empty");
  if (bytes.size() > kLargestAttachment) {
    return invalid_input("file", "a file may be 5 MB at most; this one is " +
                                     std::to_string((bytes.size() + 1023) / 1024) + " KB")
        .coded("attachment-too-large");
  }
  auto type = sniff_content_type(bytes);
  if (!type) {
    return invalid_input("file",
                         "attach a photo (JPEG, PNG, GIF, WebP) or a PDF; this file is "
                         "neither, whatever its name says")
        .coded("attachment-type");
  }
  return *type;
}

}  // namespace rp::messaging
