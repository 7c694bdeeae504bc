#pragma once
// libcurl's global start, once per process, before the first handle (SMTP and the SMS provider).

namespace rp::notify {

void start_curl_once();

}  // namespace rp::notify
