#include "notify/curl_handles.h"

#include <curl/curl.h>

#include "notify/curl_start.h"

namespace rp::notify {

CurlHandles::~CurlHandles() {
  for (void* handle : idle_) curl_easy_cleanup(static_cast<CURL*>(handle));
}

void* CurlHandles::take() {
  start_curl_once();
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      void* handle = idle_.back();
      idle_.pop_back();
      return handle;
    }
  }
  return curl_easy_init();
}

void CurlHandles::give_back(void* handle, bool reusable) {
  if (handle == nullptr) return;
  if (!reusable) {
    curl_easy_cleanup(static_cast<CURL*>(handle));
    return;
  }
  std::lock_guard lock(mutex_);
  idle_.push_back(handle);
}

}  // namespace rp::notify
