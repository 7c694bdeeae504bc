#include "http/static_files.h"

#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <system_error>

#include "http/problem.h"

namespace rp::http {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kImmutable = "public, max-age=31536000, immutable";
constexpr std::string_view kRevalidate = "no-cache";

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// The q-value the Accept-Encoding header gives `coding` (RFC 9110 12.5.3): its own entry, else
// the "*" entry, else 0.
double accepted_quality(std::string_view accept_encoding, std::string_view coding) {
  double wildcard = 0;
  bool has_wildcard = false;
  while (!accept_encoding.empty()) {
    std::size_t comma = accept_encoding.find(',');
    std::string_view entry = accept_encoding.substr(0, comma);
    accept_encoding.remove_prefix(comma == std::string_view::npos ? accept_encoding.size()
                                                                  : comma + 1);
    std::size_t semicolon = entry.find(';');
    std::string_view name = trim(entry.substr(0, semicolon));
    double quality = 1;
    if (semicolon != std::string_view::npos) {
      std::string_view parameter = trim(entry.substr(semicolon + 1));
      if (parameter.size() > 2 && (parameter[0] == 'q' || parameter[0] == 'Q') &&
          parameter[1] == '=') {
        quality = std::strtod(std::string(parameter.substr(2)).c_str(), nullptr);
      }
    }
    if (equals_ignoring_case(name, coding)) return quality;
    if (name == "*") {
      wildcard = quality;
      has_wildcard = true;
    }
  }
  return has_wildcard ? wildcard : 0;
}

// The request path as a relative path inside the root, or nullopt when a segment could escape
// or reveal something: "..", ".", hidden names, backslashes. Empty segments are ignored.
std::optional<fs::path> safe_relative_path(std::string_view path) {
  fs::path relative;
  while (!path.empty()) {
    std::size_t slash = path.find('/');
    std::string_view segment = path.substr(0, slash);
    path.remove_prefix(slash == std::string_view::npos ? path.size() : slash + 1);
    if (segment.empty()) continue;
    if (segment.front() == '.') return std::nullopt;  // "..", "." and dot files
    if (segment.find_first_of(std::string_view("\\\0", 2)) != std::string_view::npos) {
      return std::nullopt;
    }
    relative /= segment;
  }
  return relative;
}

struct FileInfo {
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
};

std::optional<FileInfo> regular_file_info(const fs::path& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) return std::nullopt;
  return FileInfo{
      static_cast<std::uint64_t>(info.st_size),
      static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec};
}

bool is_directory_path(const fs::path& path) {
  struct stat info {};
  return ::stat(path.c_str(), &info) == 0 && S_ISDIR(info.st_mode);
}

bool is_inside(const fs::path& root, const fs::path& path) {
  std::error_code error;
  fs::path real = fs::canonical(path, error);
  if (error) return false;
  auto [root_end, ignored] = std::mismatch(root.begin(), root.end(), real.begin(), real.end());
  return root_end == root.end();
}

std::string hex(std::uint64_t value) {
  char buffer[17];
  auto end = std::to_chars(buffer, buffer + sizeof buffer, value, 16).ptr;
  return std::string(buffer, end);
}

// Strong validator of one representation: size and mtime of the file actually sent.
std::string entity_tag(const FileInfo& info, std::string_view encoding) {
  std::string tag = "\"" + hex(info.size) + "-" + hex(static_cast<std::uint64_t>(info.mtime_ns));
  if (!encoding.empty()) tag += "-" + std::string(encoding);
  return tag + "\"";
}

// If-None-Match uses weak comparison (RFC 9110 13.1.2): W/ prefixes are ignored.
bool none_match_hits(std::string_view if_none_match, std::string_view tag) {
  if (trim(if_none_match) == "*") return true;
  while (!if_none_match.empty()) {
    std::size_t comma = if_none_match.find(',');
    std::string_view candidate = trim(if_none_match.substr(0, comma));
    if_none_match.remove_prefix(comma == std::string_view::npos ? if_none_match.size() : comma + 1);
    if (candidate.starts_with("W/")) candidate.remove_prefix(2);
    if (candidate == tag) return true;
  }
  return false;
}

bool has_extension(const fs::path& path) {
  return path.filename().has_extension();
}

}  // namespace

std::string json_for_script_element(std::string_view json) {
  std::string safe;
  safe.reserve(json.size() + 16);
  for (char c : json) {
    if (c == '<') {
      safe += "\\u003c";
    } else {
      safe += c;
    }
  }
  return safe;
}

StaticFiles::StaticFiles(fs::path root, PageData page_data) : page_data_(std::move(page_data)) {
  std::error_code error;
  root_ = fs::canonical(root, error);
  if (error) root_ = fs::absolute(root).lexically_normal();
}

bool StaticFiles::handles(const Request& request) const {
  if (request.method != "GET" && request.method != "HEAD") return false;
  return !(request.path == "/api" || request.path.starts_with("/api/"));
}

Response StaticFiles::serve(const Request& request) const {
  auto not_found = [&] {
    return problem(404, "not-found", "Not found", "There is no file at " + request.path + ".");
  };
  auto relative = safe_relative_path(request.path);
  if (!relative) return not_found();

  fs::path file = root_ / *relative;
  if (relative->empty() || is_directory_path(file)) file /= "index.html";
  auto info = regular_file_info(file);
  if (!info) {
    if (has_extension(*relative)) return not_found();
    file = root_ / "index.html";  // a client-side route: the app decides what to show
    relative = fs::path("index.html");
    info = regular_file_info(file);
    if (!info) return not_found();
  }
  if (!is_inside(root_, file)) return not_found();

  if (page_data_ && file.lexically_normal() == root_ / "index.html") {
    if (auto data = page_data_(request)) {
      if (auto page = page_with_data(file, *data)) return std::move(*page);
    }
  }

  Response response;
  response.content_type = content_type_for(file.filename().native());
  bool immutable = relative->begin() != relative->end() && *relative->begin() == "assets";
  response.set_header("Cache-Control", std::string(immutable ? kImmutable : kRevalidate));

  std::string_view accept_encoding = request.header("accept-encoding").value_or("");
  std::string_view encoding;
  bool has_variants = false;
  for (auto [coding, suffix] :
       {std::pair<std::string_view, std::string_view>{"br", ".br"}, {"gzip", ".gz"}}) {
    fs::path variant = file;
    variant += suffix;
    auto variant_info = regular_file_info(variant);
    if (!variant_info) continue;
    has_variants = true;
    if (encoding.empty() && accepted_quality(accept_encoding, coding) > 0) {
      encoding = coding;
      file = std::move(variant);
      info = variant_info;
    }
  }
  if (has_variants) response.set_header("Vary", "Accept-Encoding");

  std::string tag = entity_tag(*info, encoding);
  response.set_header("ETag", tag);
  auto if_none_match = request.header("if-none-match");
  if (if_none_match && none_match_hits(*if_none_match, tag)) {
    response.status = 304;
    response.content_type.clear();
    return response;
  }
  if (!encoding.empty()) response.set_header("Content-Encoding", std::string(encoding));
  response.file_path = file.native();
  return response;
}

std::optional<Response> StaticFiles::page_with_data(const fs::path& page,
                                                    const std::string& data) const {
  std::ifstream in(page, std::ios::binary);
  if (!in) return std::nullopt;
  std::string html((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::size_t head_end = html.find("</head>");
  if (head_end == std::string::npos) return std::nullopt;
  html.insert(head_end, "<script type=\"application/json\" id=\"page-data\">" +
                            json_for_script_element(data) + "</script>\n");
  Response response = text_response(200, std::move(html), "text/html; charset=utf-8");
  response.set_header("Cache-Control", "no-store");
  return response;
}

std::string_view StaticFiles::content_type_for(std::string_view file_name) {
  static constexpr std::pair<std::string_view, std::string_view> kTypes[] = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".map", "application/json"},
      {".webmanifest", "application/manifest+json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},
      {".webp", "image/webp"},
      {".avif", "image/avif"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".ttf", "font/ttf"},
      {".txt", "text/plain; charset=utf-8"},
      {".xml", "application/xml"},
      {".pdf", "application/pdf"},
      {".wasm", "application/wasm"},
  };
  std::size_t dot = file_name.rfind('.');
  if (dot != std::string_view::npos) {
    std::string_view extension = file_name.substr(dot);
    for (const auto& [known, type] : kTypes) {
      if (equals_ignoring_case(extension, known)) return type;
    }
  }
  return "application/octet-stream";
}

}  // namespace rp::http
