#include "api/message_handlers.h"

#include "api/actor_names.h"
#include "api/answers.h"
#include "api/guards.h"
#include "core/json_writer.h"
#include "http/json_body.h"
#include "http/problem.h"
#include "messaging/canned_replies.h"
#include "messaging/inbox.h"
#include "messaging/threads.h"

namespace rp::api {
namespace {

constexpr std::int64_t kMostThreadsPerPage = 100;

http::Response problem(const Error& error) {
  return http::problem_from_error(error);
}

void write_attachment(JsonWriter& out, const messaging::AttachmentInfo& attachment) {
  out.begin_object().key("id").number(attachment.id).key("name").string(attachment.file_name);
  out.key("type").string(attachment.content_type).key("size").number(attachment.size_bytes);
  out.end_object();
}

// Staff see who did what by name (actor_names.h); customers never get staff names.
void write_summary(JsonWriter& out, const messaging::ThreadSummary& thread, bool for_staff,
                   const ActorNames* names) {
  out.begin_object().key("id").number(thread.id);
  if (for_staff) {
    auto number = AccountNumber::parse(thread.account_number);
    out.key("account").string(number.ok() ? number->formatted() : thread.account_number);
    out.key("customer").string(thread.customer_name);
    out.key("assigned_to");
    if (thread.assigned_to.empty()) {
      out.null();
    } else {
      out.string(thread.assigned_to);
    }
    out.key("assigned_to_name");
    if (thread.assigned_to.empty() || names == nullptr) {
      out.null();
    } else {
      out.string(names->of(thread.assigned_to));
    }
  }
  out.key("topic").string(thread.topic).key("subject").string(thread.subject);
  out.key("status").string(thread.status).key("opened_at").string(thread.opened_at);
  out.key("last_message_at").string(thread.last_message_at).key("first_reply_at");
  if (thread.first_reply_at.empty()) {
    out.null();
  } else {
    out.string(thread.first_reply_at);
  }
  out.key("bill");
  if (thread.bill_number) {
    out.number(*thread.bill_number);
  } else {
    out.null();
  }
  out.key("payment");
  if (thread.payment_confirmation.empty()) {
    out.null();
  } else {
    out.string(thread.payment_confirmation);
  }
  out.end_object();
}

std::string thread_json(const messaging::Thread& thread, bool for_staff,
                        const ActorNames* names = nullptr) {
  JsonWriter out;
  out.begin_object().key("thread");
  write_summary(out, thread.summary, for_staff, names);
  out.key("messages").begin_array();
  for (const messaging::Message& message : thread.messages) {
    out.begin_object().key("id").number(message.id);
    out.key("from").string(message.from_utility ? "utility" : "customer");
    if (for_staff) {
      out.key("internal").boolean(message.internal).key("actor").string(message.actor);
      out.key("actor_name").string(names != nullptr ? names->of(message.actor) : message.actor);
    }
    out.key("body").string(message.body).key("created_at").string(message.created_at);
    out.key("attachments").begin_array();
    for (const auto& attachment : message.attachments) write_attachment(out, attachment);
    out.end_array().end_object();
  }
  out.end_array().end_object();
  return out.take();
}

std::string page_json(const messaging::ThreadPage& page, bool for_staff,
                      const ActorNames* names = nullptr) {
  JsonWriter out;
  out.begin_object().key("threads").begin_array();
  for (const auto& thread : page.threads) write_summary(out, thread, for_staff, names);
  out.end_array().key("next_cursor");
  if (page.next_cursor.empty()) {
    out.null();
  } else {
    out.string(page.next_cursor);
  }
  out.end_object();
  return out.take();
}

http::Response file_answer(const messaging::Attachment& file) {
  http::Response response = http::text_response(200, file.content, file.info.content_type);
  response.set_header("Content-Disposition",
                      "attachment; filename=\"" + file.info.file_name + "\"");
  response.set_header("Cache-Control", "private, no-store");
  return response;
}

// Only the customer writes as the customer: staff answer from the inbox.
std::optional<http::Response> require_customer(const http::Request& request) {
  if (customer_login(request)) return std::nullopt;
  return http::problem(403, "customer-only", "Only the customer",
                       "only the customer writes as the customer: staff answer from the inbox "
                       "(/api/v1/staff/messages)",
                       {}, "customer-only");
}

// The names of the staff, keys and customers among `actors`, read in one snapshot.
Result<ActorNames> names_of(ApiContext& context, const std::vector<std::string>& actors) {
  return context.database.read<ActorNames>(
      [&](store::Session& session) { return ActorNames::load(session, actors); });
}

Result<ActorNames> names_in(ApiContext& context, const messaging::Thread& thread) {
  std::vector<std::string> actors{thread.summary.assigned_to};
  for (const auto& message : thread.messages) actors.push_back(message.actor);
  return names_of(context, actors);
}

Result<std::size_t> page_limit(const http::Request& request) {
  auto limit = integer_query(request, "limit", 20);
  RP_TRY(limit);
  if (*limit < 1 || *limit > kMostThreadsPerPage) {
    return invalid_input("limit", "limit is 1 to 100");
  }
  return static_cast<std::size_t>(*limit);
}

Result<std::vector<std::int64_t>> attachment_ids(const nlohmann::json& body) {
  std::vector<std::int64_t> ids;
  if (!body.contains("attachments") || body["attachments"].is_null()) return ids;
  if (!body["attachments"].is_array()) {
    return invalid_input("attachments", "attachments is a list of uploaded file ids");
  }
  for (const auto& id : body["attachments"]) {
    if (!id.is_number_integer()) {
      return invalid_input("attachments", "attachments is a list of uploaded file ids");
    }
    ids.push_back(id.get<std::int64_t>());
  }
  return ids;
}

std::string text_field(const nlohmann::json& body, const char* key) {
  return body.contains(key) && body[key].is_string() ? body[key].get<std::string>() : "";
}

Result<std::int64_t> thread_param(const http::Request& request) {
  return id_param(request, "id", "message thread");
}

http::Response staff_thread_answer(ApiContext& context, int status,
                                   const messaging::Thread& thread) {
  auto names = names_in(context, thread);
  if (!names.ok()) return problem(names.error());
  return json_text(status, thread_json(thread, true, &*names));
}

}  // namespace

std::vector<std::string> upload_path_suffixes() {
  return {"/message-attachments"};
}

http::Response upload_attachment_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_account_access(context, request)) return *refused;
  if (auto refused = require_customer(request)) return *refused;
  auto number = account_number_param(request);
  if (!number.ok()) return problem(number.error());
  auto uploaded = messaging::upload_attachment(context.database, *number,
                                               request.query_param("name").value_or(""),
                                               request.body, request.actor);
  if (!uploaded.ok()) return problem(uploaded.error());
  JsonWriter out;
  out.begin_object().key("attachment");
  write_attachment(out, *uploaded);
  out.end_object();
  return json_text(201, out.take());
}

http::Response account_attachment_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_account_access(context, request)) return *refused;
  auto number = account_number_param(request);
  if (!number.ok()) return problem(number.error());
  auto id = id_param(request, "id", "attachment");
  if (!id.ok()) return problem(id.error());
  auto file = messaging::account_attachment(context.database, *number, *id);
  if (!file.ok()) return problem(file.error());
  return file_answer(*file);
}

http::Response account_threads_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_account_access(context, request)) return *refused;
  auto number = account_number_param(request);
  if (!number.ok()) return problem(number.error());
  auto limit = page_limit(request);
  if (!limit.ok()) return problem(limit.error());
  auto page = messaging::account_threads(context.database, *number,
                                         request.query_param("cursor").value_or(""), *limit);
  if (!page.ok()) return problem(page.error());
  return json_text(200, page_json(*page, false));
}

http::Response open_thread_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_account_access(context, request)) return *refused;
  if (auto refused = require_customer(request)) return *refused;
  auto number = account_number_param(request);
  if (!number.ok()) return problem(number.error());
  auto body = http::parse_json_object_body(request);
  if (!body.ok()) return problem(body.error());
  auto ids = attachment_ids(*body);
  if (!ids.ok()) return problem(ids.error());
  auto opened = messaging::open_thread(
      context.database, *number,
      {text_field(*body, "topic"), text_field(*body, "subject"), text_field(*body, "body"), *ids},
      request.actor);
  if (!opened.ok()) return problem(opened.error());
  return json_text(201, thread_json(*opened, false));
}

http::Response account_thread_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_account_access(context, request)) return *refused;
  auto number = account_number_param(request);
  if (!number.ok()) return problem(number.error());
  auto id = thread_param(request);
  if (!id.ok()) return problem(id.error());
  auto thread = messaging::account_thread(context.database, *number, *id);
  if (!thread.ok()) return problem(thread.error());
  return json_text(200, thread_json(*thread, false));
}

http::Response customer_reply_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_account_access(context, request)) return *refused;
  if (auto refused = require_customer(request)) return *refused;
  auto number = account_number_param(request);
  if (!number.ok()) return problem(number.error());
  auto id = thread_param(request);
  if (!id.ok()) return problem(id.error());
  auto body = http::parse_json_object_body(request);
  if (!body.ok()) return problem(body.error());
  auto ids = attachment_ids(*body);
  if (!ids.ok()) return problem(ids.error());
  auto thread = messaging::customer_reply(context.database, *number, *id, text_field(*body, "body"),
                                          *ids, request.actor);
  if (!thread.ok()) return problem(thread.error());
  return json_text(201, thread_json(*thread, false));
}

http::Response inbox_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto view = messaging::parse_inbox_view(request.query_param("view").value_or("unassigned"));
  if (!view.ok()) return problem(view.error());
  auto limit = page_limit(request);
  if (!limit.ok()) return problem(limit.error());
  auto page = messaging::inbox(context.database, *view, request.actor,
                               request.query_param("cursor").value_or(""), *limit);
  if (!page.ok()) return problem(page.error());
  auto names = names_of(context, {});
  if (!names.ok()) return problem(names.error());
  return json_text(200, page_json(*page, true, &*names));
}

http::Response inbox_figures_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto figures = messaging::inbox_figures(context.database, request.actor, now());
  if (!figures.ok()) return problem(figures.error());
  JsonWriter out;
  out.begin_object().key("unassigned").number(figures->unassigned);
  out.key("mine").number(figures->mine).key("waiting").number(figures->waiting);
  out.key("open").number(figures->open).key("oldest_open_at");
  if (figures->oldest_open_at.empty()) {
    out.null();
  } else {
    out.string(figures->oldest_open_at);
  }
  out.key("opened_30_days").number(figures->opened);
  out.key("answered_30_days").number(figures->answered);
  for (const auto& [key, value] :
       {std::pair{"first_reply_median_minutes", figures->first_reply_median_minutes},
        std::pair{"first_reply_p90_minutes", figures->first_reply_p90_minutes}}) {
    out.key(key);
    if (value) {
      out.number(*value);
    } else {
      out.null();
    }
  }
  out.end_object();
  return json_text(200, out.take());
}

http::Response staff_thread_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto id = thread_param(request);
  if (!id.ok()) return problem(id.error());
  auto thread = messaging::staff_thread(context.database, *id);
  if (!thread.ok()) return problem(thread.error());
  return staff_thread_answer(context, 200, *thread);
}

http::Response staff_reply_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto id = thread_param(request);
  if (!id.ok()) return problem(id.error());
  auto body = http::parse_json_object_body(request);
  if (!body.ok()) return problem(body.error());
  if (body->contains("internal") && !(*body)["internal"].is_boolean()) {
    return problem(invalid_input("internal", "internal is true (a note only staff see) or false"));
  }
  const bool internal = body->value("internal", false);
  auto thread = messaging::staff_reply(context.database, *id, text_field(*body, "body"), internal,
                                       request.actor);
  if (!thread.ok()) return problem(thread.error());
  return staff_thread_answer(context, 201, *thread);
}

http::Response assign_thread_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto id = thread_param(request);
  if (!id.ok()) return problem(id.error());
  auto body = http::parse_json_object_body(request);
  if (!body.ok()) return problem(body.error());
  if (!body->contains("assigned_to") ||
      !((*body)["assigned_to"].is_null() || (*body)["assigned_to"].is_string())) {
    return problem(invalid_input("assigned_to",
                                 "assigned_to is \"me\", a staff member (\"staff:12\") or null"));
  }
  std::string assignee = text_field(*body, "assigned_to");
  if (assignee == "me") assignee = request.actor;
  auto thread = messaging::assign_thread(context.database, *id, assignee, request.actor);
  if (!thread.ok()) return problem(thread.error());
  return staff_thread_answer(context, 200, *thread);
}

http::Response close_thread_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto id = thread_param(request);
  if (!id.ok()) return problem(id.error());
  auto thread = messaging::close_thread(context.database, *id, request.actor);
  if (!thread.ok()) return problem(thread.error());
  return staff_thread_answer(context, 200, *thread);
}

http::Response link_thread_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto id = thread_param(request);
  if (!id.ok()) return problem(id.error());
  auto body = http::parse_json_object_body(request);
  if (!body.ok()) return problem(body.error());
  std::optional<std::int64_t> bill;
  if (body->contains("bill") && !(*body)["bill"].is_null()) {
    if (!(*body)["bill"].is_number_integer()) {
      return problem(invalid_input("bill", "bill is a bill number, or null"));
    }
    bill = (*body)["bill"].get<std::int64_t>();
  }
  if (body->contains("payment") && !(*body)["payment"].is_null() &&
      !(*body)["payment"].is_string()) {
    return problem(invalid_input("payment", "payment is a confirmation number, or null"));
  }
  auto thread = messaging::link_thread(context.database, *id, bill, text_field(*body, "payment"),
                                       request.actor);
  if (!thread.ok()) return problem(thread.error());
  return staff_thread_answer(context, 200, *thread);
}

http::Response staff_attachment_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto id = id_param(request, "id", "attachment");
  if (!id.ok()) return problem(id.error());
  auto file = messaging::staff_attachment(context.database, *id);
  if (!file.ok()) return problem(file.error());
  return file_answer(*file);
}

namespace {

std::string replies_json(const std::vector<messaging::CannedReply>& replies,
                         const ActorNames& names) {
  JsonWriter out;
  out.begin_object().key("canned_replies").begin_array();
  for (const auto& reply : replies) {
    out.begin_object().key("id").number(reply.id).key("title").string(reply.title);
    out.key("language").string(reply.language).key("body").string(reply.body);
    out.key("changed_by").string(reply.changed_by);
    out.key("changed_by_name").string(names.of(reply.changed_by));
    out.key("changed_at").string(reply.changed_at);
    out.end_object();
  }
  out.end_array().end_object();
  return out.take();
}

}  // namespace

http::Response canned_replies_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto replies = messaging::canned_replies(context.database);
  if (!replies.ok()) return problem(replies.error());
  auto names = names_of(context, {});
  if (!names.ok()) return problem(names.error());
  return json_text(200, replies_json(*replies, *names));
}

http::Response save_canned_reply_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto body = http::parse_json_object_body(request);
  if (!body.ok()) return problem(body.error());
  auto replies =
      messaging::save_canned_reply(context.database,
                                   {0, text_field(*body, "title"), text_field(*body, "language"),
                                    text_field(*body, "body"), "", ""},
                                   request.actor);
  if (!replies.ok()) return problem(replies.error());
  auto names = names_of(context, {});
  if (!names.ok()) return problem(names.error());
  return json_text(200, replies_json(*replies, *names));
}

http::Response delete_canned_reply_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto id = id_param(request, "id", "canned reply");
  if (!id.ok()) return problem(id.error());
  auto replies = messaging::delete_canned_reply(context.database, *id);
  if (!replies.ok()) return problem(replies.error());
  auto names = names_of(context, {});
  if (!names.ok()) return problem(names.error());
  return json_text(200, replies_json(*replies, *names));
}

}  // namespace rp::api
