#include "notify/curl_start.h"

#include <curl/curl.h>

#include <mutex>

namespace rp::notify {

void start_curl_once() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

}  // namespace rp::notify
