#include "api/photo_handlers.h"

#include "api/answers.h"
#include "api/guards.h"
#include "api/order_handlers.h"
#include "core/json_writer.h"
#include "http/problem.h"
#include "orders/photos.h"

namespace rp::api {
namespace {

http::Response photo_answer(const Result<orders::Photo>& photo) {
  if (!photo.ok()) return http::problem_from_error(photo.error());
  JsonWriter out;
  out.begin_object().key("photo").begin_object().key("id").number(photo->id);
  out.key("purpose").string(photo->purpose).key("content_type").string(photo->content_type);
  out.key("size_bytes").number(photo->size_bytes).key("taken_by").string(photo->taken_by);
  out.key("taken_at").string(photo->taken_at).end_object();
  out.key("replayed").boolean(photo->replayed).end_object();
  return json_text(photo->replayed ? 200 : 201, out.take());
}

http::Response file_answer(const Result<orders::PhotoFile>& file) {
  if (!file.ok()) return http::problem_from_error(file.error());
  http::Response response = http::text_response(200, file->bytes, file->content_type);
  response.set_header("Content-Disposition", "attachment; filename=\"" + file->file_name + "\"");
  response.set_header("Cache-Control", "private, no-store");
  return response;
}

}  // namespace

http::Response add_order_photo_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto id = order_param(request, &context.database);
  if (!id.ok()) return http::problem_from_error(id.error());
  return photo_answer(orders::add_order_photo(context.database, *id,
                                              request.query_param("purpose").value_or(""),
                                              request.body, request.actor));
}

http::Response add_read_photo_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_account_access(context, request)) return *refused;
  auto number = account_number_param(request);
  if (!number.ok()) return http::problem_from_error(number.error());
  auto read = id_param(request, "read", "reading");
  if (!read.ok()) return http::problem_from_error(read.error());
  return photo_answer(
      orders::add_read_photo(context.database, *number, *read, request.body, request.actor));
}

http::Response staff_photo_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto id = id_param(request, "id", "photo");
  if (!id.ok()) return http::problem_from_error(id.error());
  return file_answer(orders::photo_file(context.database, *id));
}

http::Response account_photo_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_account_access(context, request)) return *refused;
  auto number = account_number_param(request);
  if (!number.ok()) return http::problem_from_error(number.error());
  auto id = id_param(request, "id", "photo");
  if (!id.ok()) return http::problem_from_error(id.error());
  return file_answer(orders::photo_file(context.database, *id, &*number));
}

}  // namespace rp::api
