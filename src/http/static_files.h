#pragma once
// Serves the built web front end (web/dist) for every GET/HEAD that is not an API route.
//   - "/" and extensionless paths that name no file fall back to index.html (client-side routing).
//   - Precompressed siblings are preferred when the client accepts them: app.js.br, then
//     app.js.gz, with Content-Encoding and "Vary: Accept-Encoding".
//   - assets/ (Vite's content-hashed names) are cached for a year, immutable; everything else
//     (index.html above all) is revalidated on every use (no-cache), which the ETag keeps cheap.
//   - ETag from size and mtime; If-None-Match that matches answers 304.
//   - "..", ".", hidden (dot) segments, encoded or not, and symlinks leaving the root answer 404.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "http/request.h"
#include "http/response.h"

namespace rp::http {

class StaticFiles {
 public:
  // `root` is the directory to serve; it must exist when requests arrive.
  explicit StaticFiles(std::filesystem::path root);

  // True for GET and HEAD requests whose path is not under /api/.
  bool handles(const Request& request) const;

  // The answer for `request` (which handles() accepted): a file response (Response::file_path set),
  // a 304, or a 404 problem. Never reads the file itself; the server streams it.
  Response serve(const Request& request) const;

  // The Content-Type for a file name by its extension ("app.js" -> "text/javascript; ...").
  static std::string_view content_type_for(std::string_view file_name);

 private:
  std::filesystem::path root_;  // canonical
};

}  // namespace rp::http
