#pragma once
// AMI head-ends: the systems that talk to a utility's smart meters. Ratepayer asks one to connect
// or disconnect a meter's switch; like real head-ends it answers at once with a transaction id and
// an expiry, and does the work later, so the outcome is asked for afterwards (remote_orders.h).
// Ratepayer also pings meters before telling customers their power is back
// (outages/outage_moves.h): a ping is answered within the request, each meter on, dark, or silent.
//
// HttpHeadEnd speaks the documented protocol (docs/orders.md, "The head-end"), with a bearer
// token; tests/head_end/fake_head_end.py is its double on loopback. A utility whose head-end speaks
// something else puts an adapter implementing HeadEnd in front of it.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/time.h"

namespace rp::orders {

struct HeadEndCommand {
  std::string command;    // connect | disconnect
  std::string meter;      // the meter's serial
  std::string reference;  // the order ("SO000123"), for the head-end's own records
};

struct HeadEndAccepted {
  std::string transaction_id;
  Instant expires_at;  // no outcome by then: the command is taken as not done
};

struct HeadEndOutcome {
  std::string status;  // pending | succeeded | failed
  std::string reason;  // failed: the head-end's words
};

// A meter's answer to a ping: energized true (on) or false (dark); nullopt when it did not answer.
struct MeterPingAnswer {
  std::string meter;
  std::optional<bool> energized;
};

class HeadEnd {
 public:
  virtual ~HeadEnd() = default;
  // Errors: unavailable when the head-end cannot be reached or does not take the command (then
  // nothing was started); invalid_input when it refuses the command (an unknown meter).
  virtual Result<HeadEndAccepted> send(const HeadEndCommand& command) = 0;
  // Errors: unavailable when it cannot be reached (ask again later); not_found for a transaction it
  // does not know.
  virtual Result<HeadEndOutcome> outcome(const std::string& transaction_id) = 0;
  // Asks meters (at most 1,000) whether they have power, for `reference` (an outage
  // "OUT000123"). A meter missing from the answer did not answer. Errors: unavailable when the
  // head-end cannot be reached or does not answer the ping.
  virtual Result<std::vector<MeterPingAnswer>> ping(const std::vector<std::string>& meters,
                                                    const std::string& reference) = 0;
};

struct HeadEndSettings {
  std::string url;    // "https://headend.utility.example"; "" none
  std::string token;  // bearer token
  long timeout_seconds = 10;
};

// The HTTP adapter for `settings`.
std::unique_ptr<HeadEnd> http_head_end(const HeadEndSettings& settings);

}  // namespace rp::orders
