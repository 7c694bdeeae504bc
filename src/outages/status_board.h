#pragma once
// What customers are told of outages, answered from memory: a snapshot of every open outage and
// the premises it leaves dark, taken by refresh() (the server's outage watch, after each
// prediction pass: every 2 seconds). A status lookup never waits on the database, so it keeps
// answering while a storm's reports and last gasps fill the writer; each answer says when its
// snapshot was taken (seconds old in a storm) rather than pretending to be live.
//
// What a customer may see of an outage: its number, status, cause, roughly how many customers are
// out, the ETR, the crew's progress and the utility's public note; never which homes, and never
// another home's outage of its own (public lookups by address see outages of at least
// kPublicMinimumCustomers, a single home's dark house being nobody else's business).

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "outages/outage_map.h"
#include "outages/outages.h"

namespace rp::outages {

struct PremiseStatus {
  std::string as_of;             // when the snapshot was taken ("" before the first)
  std::optional<Outage> outage;  // the open outage the premise is dark in
};

class StatusBoard {
 public:
  // Takes a new snapshot. Errors: the database's (the previous snapshot stays).
  Result<void> refresh(store::Database& database);

  // Whether a snapshot has been taken.
  bool ready() const;

  // The premise's status. `in_public`: a lookup by address, not by the premise's own customer;
  // outages smaller than kPublicMinimumCustomers are not shown.
  PremiseStatus at_premise(std::int64_t premise_id, bool in_public) const;

  // The map of affected areas (outage_map.h) and when it was drawn ("" before the first).
  std::pair<std::string, OutageMap> map() const;

 private:
  struct Snapshot {
    std::string as_of;
    std::vector<Outage> outages;
    std::unordered_map<std::int64_t, std::size_t> by_premise;  // index into outages
    OutageMap map;
  };
  std::shared_ptr<const Snapshot> current() const;

  mutable std::mutex mutex_;
  std::shared_ptr<const Snapshot> snapshot_;
  std::mutex refresh_mutex_;  // one refresh at a time; guards served_
  // The served areas change only with new premises: read again every kServedAreasMinutes.
  std::vector<ServedArea> served_;
  Instant served_read_at_{};
  static constexpr int kServedAreasMinutes = 10;
};

}  // namespace rp::outages
