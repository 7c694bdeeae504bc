#include "orders/photos.h"

#include "accounts/account_events.h"
#include "core/base64.h"
#include "core/secret_token.h"
#include "core/time.h"
#include "messaging/attachments.h"
#include "orders/orders.h"

namespace rp::orders {

using store::Row;
using store::Session;

namespace {

// The image's media type, or why it cannot be kept.
Result<std::string> image_type(const std::string& bytes) {
  auto type = messaging::checked_content_type(bytes);
  RP_TRY(type);
  if (!type->starts_with("image/")) {
    return invalid_input("file", "send a photo (JPEG, PNG, GIF, WebP); this file is not an image")
        .coded("photo-type");
  }
  return type;
}

Photo photo_from(const Row& row) {
  Photo photo;
  photo.id = row.integer("id");
  photo.purpose = row.text("purpose");
  photo.content_type = row.text("content_type");
  photo.size_bytes = row.integer("size_bytes");
  photo.taken_by = row.text("taken_by");
  photo.taken_at = row.text("taken_at");
  return photo;
}

std::string extension_of(const std::string& content_type) {
  const std::string kind = content_type.substr(content_type.find('/') + 1);
  return kind == "jpeg" ? "jpg" : kind;
}

}  // namespace

Result<Photo> add_order_photo(store::Database& database, std::int64_t order_id,
                              const std::string& purpose, const std::string& bytes,
                              const std::string& actor) {
  if (purpose != "reading" && purpose != "site" && purpose != "failure") {
    return invalid_input("purpose", "purpose is reading, site or failure");
  }
  auto type = image_type(bytes);
  RP_TRY(type);
  const std::string digest = token_digest(bytes);
  const std::string content = base64_encode(bytes);
  return database.write<Photo>([&](Session& session) -> Result<Photo> {
    RP_TRY(session.execute_named("orders/lock_order", {order_id}));
    auto account = session.query_named("orders/order_account_id", {order_id});
    RP_TRY(account);
    if (account->empty()) return not_found("there is no order " + order_number(order_id));
    const std::int64_t account_id = account->at(0).integer("account_id");
    auto earlier = session.query_named("orders/photo_of_order_by_digest", {order_id, digest});
    RP_TRY(earlier);
    if (!earlier->empty()) {
      Photo photo = photo_from(earlier->at(0));
      photo.replayed = true;
      return photo;
    }
    auto kept = photos_of_order(session, order_id);
    RP_TRY(kept);
    if (kept->size() >= kMostPhotosPerOrder) {
      return conflict("order " + order_number(order_id) + " has 10 photos, the most it keeps")
          .coded("too-many-photos");
    }
    const std::string at = format_instant(now());
    auto inserted = session.execute_named(
        "orders/insert_photo",
        {account_id, order_id, store::Value{store::Null{}}, purpose, *type,
         static_cast<std::int64_t>(bytes.size()), digest, content, actor, at});
    RP_TRY(inserted);
    if (*inserted > 0) {
      RP_TRY(accounts::record_event(
          session, {account_id, "order.photo", actor,
                    "Photo (" + purpose + ") added to service order " + order_number(order_id)}));
    }
    auto added = session.query_named("orders/photo_of_order_by_digest", {order_id, digest});
    RP_TRY(added);
    Photo photo = photo_from(added->at(0));
    photo.replayed = *inserted == 0;  // the same image sent at the same moment: kept once
    return photo;
  });
}

Result<Photo> add_read_photo(store::Database& database, const AccountNumber& account,
                             std::int64_t read_id, const std::string& bytes,
                             const std::string& actor) {
  auto type = image_type(bytes);
  RP_TRY(type);
  const std::string digest = token_digest(bytes);
  const std::string content = base64_encode(bytes);
  return database.write<Photo>([&](Session& session) -> Result<Photo> {
    auto account_id = session.query_named("orders/account_by_number", {account.digits()});
    RP_TRY(account_id);
    if (account_id->empty()) return not_found("no account " + account.formatted());
    const std::int64_t id = account_id->at(0).integer("id");
    auto read = session.query_named("orders/read_of_account", {read_id, id});
    RP_TRY(read);
    if (read->empty()) {
      return not_found("account " + account.formatted() + " has no reading " +
                       std::to_string(read_id));
    }
    auto earlier = session.query_named("orders/photo_of_read", {read_id});
    RP_TRY(earlier);
    if (!earlier->empty()) {
      if (earlier->at(0).text("sha256") != digest) {
        return conflict("this reading has its photo already").coded("read-has-photo");
      }
      Photo photo = photo_from(earlier->at(0));
      photo.replayed = true;
      return photo;
    }
    RP_TRY(session.execute_named(
        "orders/insert_photo",
        {id, store::Value{store::Null{}}, read_id, std::string("dial"), *type,
         static_cast<std::int64_t>(bytes.size()), digest, content, actor, format_instant(now())}));
    auto added = session.query_named("orders/photo_of_read", {read_id});
    RP_TRY(added);
    if (added->at(0).text("sha256") != digest) {  // another upload won the race
      return conflict("this reading has its photo already").coded("read-has-photo");
    }
    return photo_from(added->at(0));
  });
}

Result<std::vector<Photo>> photos_of_order(Session& session, std::int64_t order_id) {
  auto rows = session.query_named("orders/photos_of_order", {order_id});
  RP_TRY(rows);
  std::vector<Photo> photos;
  for (const Row& row : *rows) photos.push_back(photo_from(row));
  return photos;
}

Result<PhotoFile> photo_file(store::Database& database, std::int64_t id,
                             const AccountNumber* account) {
  return database.read<PhotoFile>([&](Session& session) -> Result<PhotoFile> {
    auto rows = session.query_named("orders/photo_file", {id});
    RP_TRY(rows);
    if (rows->empty() ||
        (account != nullptr && rows->at(0).text("account_number") != account->digits())) {
      return not_found("there is no photo " + std::to_string(id));
    }
    const Row& row = rows->at(0);
    auto bytes = base64_decode(row.text("content_base64"));
    if (!bytes) return internal_error("photo " + std::to_string(id) + " is not readable");
    return PhotoFile{row.text("account_number"), row.text("content_type"),
                     "photo-" + std::to_string(id) + "." + extension_of(row.text("content_type")),
                     std::move(*bytes)};
  });
}

}  // namespace rp::orders
