#pragma once
// What ingest needs to know about the meter channel a read names: found through the meter's serial
// and the channel's name, with the meter's installation span and the service agreements of its
// service point, and the checks every interval read must pass against it.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/time.h"
#include "mdm/reading.h"
#include "store/session.h"

namespace rp::mdm {

struct AgreementSpan {
  std::string start_date;  // local "YYYY-MM-DD", inclusive
  std::string end_date;    // local "YYYY-MM-DD", inclusive; empty while the service continues
};

struct IngestChannel {
  // Empty when the channel was found; otherwise why no read of it can be taken
  // ("unknown meter 'E9'", "meter E1000017 has no channel 'gal'").
  std::string problem;
  std::int64_t channel_id = 0;
  std::int64_t meter_id = 0;
  std::int64_t service_point_id = 0;  // 0: the meter is not installed at a service point
  std::string meter_serial;
  std::string channel_name;
  std::string unit;                   // kWh, kW, gal, CCF, therm
  std::string commodity;              // of the service point; from the unit when there is none
  std::int32_t interval_minutes = 0;  // 0 for a register channel
  std::int32_t dial_digits = 0;       // register channels; 0 = the unit's default
  std::optional<std::int64_t> installed_from;  // first instant of the installation day
  std::optional<std::int64_t> removed_until;   // first instant after the removal day
  std::vector<AgreementSpan> agreements;
  bool found() const { return problem.empty(); }
  // False for a channel of energy received from the customer ("kWh-received"): it may run
  // backwards and is not checked for negative consumption.
  bool delivered() const;
};

// Looks the channel up. A key that names no channel is returned with `problem` set (not an error).
Result<IngestChannel> find_ingest_channel(store::Session& session, const UtilityZone& zone,
                                          const ChannelKey& key);

// Why `value` cannot be taken for `channel` (empty when it can): a problem of the channel, a
// register channel, a stated interval length (Green Button) other than the channel's, a start not
// aligned to the interval, an interval ending after `now`, or a start outside the installation.
std::string interval_value_problem(const IngestChannel& channel, std::int32_t stated_seconds,
                                   const IntervalValue& value, std::int64_t now);

// Whether a service agreement covers the local date around the middle of UTC day `utc_day`.
bool service_active_on(const IngestChannel& channel, const UtilityZone& zone, std::int32_t utc_day);

// The dial digits to use for a register channel: its own, else 5 for kWh, 7 for gal, 5 for
// CCF and therm.
std::int32_t dial_digits_of(const IngestChannel& channel);

// floor(seconds / 86400): the UTC day of an instant, also before 1970.
inline std::int32_t utc_day_of(std::int64_t seconds) {
  std::int64_t day = seconds / 86400;
  if (seconds % 86400 < 0) --day;
  return static_cast<std::int32_t>(day);
}

}  // namespace rp::mdm
