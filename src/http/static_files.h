#pragma once
// Serves the built web front end (web/dist) for every GET/HEAD that is not an API route.
//   - "/" and extensionless paths that name no file fall back to index.html (client-side routing).
//   - Precompressed siblings are preferred when the client accepts them: app.js.br, then
//     app.js.gz, with Content-Encoding and "Vary: Accept-Encoding".
//   - assets/ (Vite's content-hashed names) are cached for a year, immutable; everything else
//     (index.html above all) is revalidated on every use (no-cache), which the ETag keeps cheap.
//   - ETag from size and mtime; If-None-Match that matches answers 304.
//   - "..", ".", hidden (dot) segments, encoded or not, and symlinks leaving the root answer 404.
//   - Page data: when a PageData function is given and answers for a request of the portal's page
//     (index.html, as itself or as a client-side route), that JSON is written into the page as
//     <script type="application/json" id="page-data"> before </head>, and the page is sent
//     uncompressed with Cache-Control: no-store (it is this visitor's alone). The portal reads it
//     instead of asking the server who is signed in, which saves a round trip on every page load.

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "http/request.h"
#include "http/response.h"

namespace rp::http {

// A JSON value to write into the portal's page for `request`, or nullopt for none (a visitor who
// is not signed in). Called from the server's threads, concurrently.
using PageData = std::function<std::optional<std::string>(const Request& request)>;

// The JSON text made safe inside an HTML <script> element: every "<" becomes "\u003c" (so no
// "</script>" or "<!--" can appear), which JSON reads back as the same text.
std::string json_for_script_element(std::string_view json);

class StaticFiles {
 public:
  // `root` is the directory to serve; it must exist when requests arrive. `page_data` may be empty.
  explicit StaticFiles(std::filesystem::path root, PageData page_data = {});

  // True for GET and HEAD requests whose path is not under /api/.
  bool handles(const Request& request) const;

  // The answer for `request` (which handles() accepted): a file response (Response::file_path set),
  // a 304, or a 404 problem. Never reads the file itself; the server streams it.
  Response serve(const Request& request) const;

  // The Content-Type for a file name by its extension ("app.js" -> "text/javascript; ...").
  static std::string_view content_type_for(std::string_view file_name);

 private:
  // The portal's page with `data` written in, or nullopt when the page has no </head>.
  std::optional<Response> page_with_data(const std::filesystem::path& page,
                                         const std::string& data) const;

  std::filesystem::path root_;  // canonical
  PageData page_data_;
};

}  // namespace rp::http
