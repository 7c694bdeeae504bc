#pragma once
// Where the work a thread is doing came from: the client address, user agent and request id of the
// HTTP request it answers. The server sets it around each handler; the SQLite writer carries it
// from the thread that queued a write to the write itself. So a record written deep inside a
// service (the audit trail's) can say where the change came from without every service passing
// the request along. Empty fields for work no request asked for (a scheduled job, the CLI).

#include <string>

namespace rp {

struct RequestOrigin {
  std::string client_address;
  std::string user_agent;
  std::string request_id;
};

// The origin of the work on this thread; all fields empty outside a request.
const RequestOrigin& current_request_origin();

// Makes `origin` current on this thread for the scope's life, then restores the one before.
class ScopedRequestOrigin {
 public:
  explicit ScopedRequestOrigin(RequestOrigin origin);
  ~ScopedRequestOrigin();
  ScopedRequestOrigin(const ScopedRequestOrigin&) = delete;
  ScopedRequestOrigin& operator=(const ScopedRequestOrigin&) = delete;

 private:
  RequestOrigin previous_;
};

}  // namespace rp
