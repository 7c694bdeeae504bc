#pragma once
// Idle libcurl easy handles kept between requests, so their connections stay open (libcurl's
// connection cache lives on each handle): the mailer's SMTP sessions and the SMS gateway's HTTP
// keep-alive. Safe to use from several threads: each takes an idle handle, or a new one.

#include <mutex>
#include <vector>

namespace rp::notify {

class CurlHandles {
 public:
  CurlHandles() = default;
  ~CurlHandles();
  CurlHandles(const CurlHandles&) = delete;
  CurlHandles& operator=(const CurlHandles&) = delete;

  // An idle handle (its connection open), else a new one; null when libcurl cannot make one.
  // The handle is the caller's until given back.
  void* take();
  // Keeps `handle` for the next request when its connection is in a known state (the request
  // worked), else closes it.
  void give_back(void* handle, bool reusable);

 private:
  std::mutex mutex_;
  std::vector<void*> idle_;  // guarded by mutex_
};

}  // namespace rp::notify
