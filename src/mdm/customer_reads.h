#pragma once
// Meter readings customers submit for meters nobody reads automatically (portal: "Submit a meter
// reading"). The reading is checked against the meter's recent accepted reads:
//  * lower than the last reading (and not a plausible roll of the dial), above what the service
//    can physically deliver, or more than kImplausibleFactor times the recent daily use: held for
//    staff (an exception in the queue), with a message that tells the customer what happens next;
//  * otherwise accepted at once.
// The customer's message never blames them and never asks them to do anything more.

#include <cstdint>
#include <optional>
#include <string>

#include "core/account_number.h"
#include "core/result.h"
#include "core/time.h"
#include "store/database.h"

namespace rp::mdm {

// A reading whose daily use is more than this many times the recent daily use (plus one unit a
// day) is held.
inline constexpr std::int64_t kImplausibleFactor = 3;

struct CustomerRead {
  std::string meter;    // serial; may be empty when the account has one register meter
  std::string reading;  // "12345" or "12345.6", in the meter's unit
  std::optional<std::string> read_at;  // ISO 8601 with offset; default: now
  bool confirmed = false;  // a field read: the technician confirms an unusual reading is right
};

struct CustomerReadOutcome {
  std::int64_t id = 0;
  std::string status;   // accepted | held
  std::string message;  // for the customer
  std::string meter;
  std::string unit;
  std::string reading;  // as stored, "12345.600"
  std::string read_at;  // UTC
};

// Errors: not_found for an unknown account; invalid_input naming "reading" (not a number, more
// than 3 decimals, negative), "read_at" (malformed, in the future, before the meter was
// installed), or "meter" (not one of the account's meters, a meter that is read automatically,
// or which one when the account has several); conflict when a different reading was already
// submitted for the same meter and time.
// Who took a reading: the customer (held for staff when unlikely), or a technician at the dial
// (an unlikely reading is refused, to be read again: invalid_input "reading" naming why, unless
// `confirmed`; a reading below the last one is always refused). Field reads are stored as
// 'manual'.
enum class ReadBy { customer, field };

// submit_customer_read's work inside the caller's write transaction, for a reading by `by`.
Result<CustomerReadOutcome> record_register_read(store::Session& session, const UtilityZone& zone,
                                                 const AccountNumber& account,
                                                 const CustomerRead& read, Instant now, ReadBy by);

Result<CustomerReadOutcome> submit_customer_read(store::Database& database, const UtilityZone& zone,
                                                 const AccountNumber& account,
                                                 const CustomerRead& read, Instant now);

}  // namespace rp::mdm
