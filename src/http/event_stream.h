#pragma once
// Server-sent events (text/event-stream): a handler opens a stream by returning a Response whose
// `events` is set. The server writes the status and headers (chunked, never cached, the
// connection kept for the stream alone), then calls on_open with a sink; whatever is sent to the
// sink is written to the client in order, as soon as it is sent, until the client goes away or
// the server stops. Plain C++: no Beast here.

#include <functional>
#include <memory>
#include <string>

namespace rp::http {

class EventSink {
 public:
  virtual ~EventSink() = default;
  // Queues `text` (whole SSE records, e.g. "event: account\ndata: {...}\n\n") to be written.
  // Returns false once the connection has closed: the caller then drops the sink. Thread-safe.
  virtual bool send(std::string text) = 0;
  // Ends the stream after what is already queued: the last chunk is written and the connection
  // closes (the client sees the stream end). Later sends return false. Thread-safe.
  virtual void end() = 0;
};

struct EventStream {
  // Called once, on the connection's thread, after the headers are written.
  std::function<void(std::shared_ptr<EventSink>)> on_open;
};

}  // namespace rp::http
