#pragma once
// Messaging over HTTP (messaging/threads.h, messaging/inbox.h): the customer's messages in the
// portal and the staff's inbox in the console. Shapes in docs/openapi.yaml.
//
// Customer side (the account's routes): only a signed-in customer writes as the customer (403
// customer-only for staff: they answer from the inbox); reading is open to whoever may read the
// account.
// Attachments are uploaded one at a time as the raw file (POST .../message-attachments?name=,
// up to 5 MB: the server's upload limit for that path), then sent by id with a message; they are
// served back only as downloads (Content-Disposition: attachment, the type the content showed,
// never cached).

#include <string>
#include <vector>

#include "api/api.h"
#include "http/request.h"
#include "http/response.h"

namespace rp::api {

// The paths whose requests carry a file (http::ServerOptions::upload_path_suffixes).
std::vector<std::string> upload_path_suffixes();

http::Response upload_attachment_handler(ApiContext& context, http::Request& request);
http::Response account_attachment_handler(ApiContext& context, http::Request& request);
http::Response account_threads_handler(ApiContext& context, http::Request& request);
http::Response open_thread_handler(ApiContext& context, http::Request& request);
http::Response account_thread_handler(ApiContext& context, http::Request& request);
http::Response customer_reply_handler(ApiContext& context, http::Request& request);

http::Response inbox_handler(ApiContext& context, http::Request& request);
http::Response inbox_figures_handler(ApiContext& context, http::Request& request);
http::Response staff_thread_handler(ApiContext& context, http::Request& request);
http::Response staff_reply_handler(ApiContext& context, http::Request& request);
http::Response assign_thread_handler(ApiContext& context, http::Request& request);
http::Response close_thread_handler(ApiContext& context, http::Request& request);
http::Response link_thread_handler(ApiContext& context, http::Request& request);
http::Response staff_attachment_handler(ApiContext& context, http::Request& request);
http::Response canned_replies_handler(ApiContext& context, http::Request& request);
http::Response save_canned_reply_handler(ApiContext& context, http::Request& request);
http::Response delete_canned_reply_handler(ApiContext& context, http::Request& request);

}  // namespace rp::api
