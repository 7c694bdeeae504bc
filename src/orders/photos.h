#pragma once
// Photos kept with the work they show: a technician's of the dial read, of the site, or of why a
// visit could not be done, with the service order (at most 10 an order); a customer's of the
// dial, with the reading they sent (one a reading), for the person who checks a held reading.
// Images only (JPEG, PNG, GIF, WebP), told by their content, 5 MB at most. The same image sent
// again for the same order (a field page resending what it queued offline) is kept once and
// answered as before (`replayed`). Photos are served back only as downloads, to staff and to the
// account's own customer.

#include <cstdint>
#include <string>
#include <vector>

#include "core/account_number.h"
#include "core/result.h"
#include "store/database.h"

namespace rp::orders {

struct Photo {
  std::int64_t id = 0;
  std::string purpose;  // reading | site | failure (an order's); dial (a customer's reading)
  std::string content_type;
  std::int64_t size_bytes = 0;
  std::string taken_by;
  std::string taken_at;
  bool replayed = false;
};

inline constexpr std::size_t kMostPhotosPerOrder = 10;

// Errors: not_found (no such order); invalid_input "purpose" (not reading, site or failure),
// "file" (empty, over 5 MB: code attachment-too-large; not an image: code photo-type); conflict
// when the order has 10 photos already (code too-many-photos).
Result<Photo> add_order_photo(store::Database& database, std::int64_t order_id,
                              const std::string& purpose, const std::string& bytes,
                              const std::string& actor);

// A photo of the dial for register read `read_id`: a reading the account's customer sent, of one
// of its meters, while in service there. Errors: not_found (no such account, or no such reading
// of theirs); invalid_input "file" as
// above; conflict when the reading has another photo already (code read-has-photo).
Result<Photo> add_read_photo(store::Database& database, const AccountNumber& account,
                             std::int64_t read_id, const std::string& bytes,
                             const std::string& actor);

// Inside a read of an order: its photos, without their content.
Result<std::vector<Photo>> photos_of_order(store::Session& session, std::int64_t order_id);

struct PhotoFile {
  std::string account_number;  // digits
  std::string content_type;
  std::string file_name;  // "photo-12.jpg"
  std::string bytes;
};

// Photo `id`'s content; with `account`, only when it belongs to that account (else not_found).
Result<PhotoFile> photo_file(store::Database& database, std::int64_t id,
                             const AccountNumber* account = nullptr);

}  // namespace rp::orders
