#pragma once
// Photos over HTTP (orders/photos.h). The image is the request body as sent (any Content-Type;
// what it is is told from its content).
//  * POST /api/v1/staff/service-orders/{order}/photos?purpose=reading|site|failure
//    (orders.field): 201 {"photo"}, or 200 with replayed for the same image again.
//  * POST /api/v1/accounts/{number}/meter-reads/{read}/photo: the customer's photo of the dial
//    for the reading they sent; 201 {"photo"}, 200 replayed.
//  * GET /api/v1/staff/photos/{id} (accounts.read) and GET /api/v1/accounts/{number}/photos/{id}
//    (the account's own): the image, as a download, never cached.

#include "api/api.h"
#include "http/request.h"
#include "http/response.h"

namespace rp::api {

http::Response add_order_photo_handler(ApiContext& context, http::Request& request);
http::Response add_read_photo_handler(ApiContext& context, http::Request& request);
http::Response staff_photo_handler(ApiContext& context, http::Request& request);
http::Response account_photo_handler(ApiContext& context, http::Request& request);

}  // namespace rp::api
