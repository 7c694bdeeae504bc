#pragma once
// The VEE exception queue: what ingest could not settle on its own (ingest.h), for staff to list
// and resolve. Each exception names the rule, the evidence, the meter and day it is about, and
// the accounts whose next bill the day falls into (the bills-to-be it affects).
//
// Resolutions (each recorded with who, when and a note; an exception is resolved once):
//  * accept   the reads stand as they are (a held register read becomes accepted);
//  * edit     staff give the right values: interval slots become `edited` (the prior version of
//             the day is kept in interval_day_history with the note), or a held register read
//             gets the right reading and is accepted (the note records the old reading);
//  * estimate the exception's slots are set aside and filled by VEE's estimation from the
//             channel's history (interval exceptions only).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/time.h"
#include "store/database.h"

namespace rp::mdm {

struct ExceptionFilter {
  std::string status = "open";  // open | accepted | edited | estimated | all
  std::int64_t after_id = 0;    // cursor: exceptions with a larger id
  std::int64_t limit = 50;      // 1..500
};

struct QueuedExceptionView {
  std::int64_t id = 0;
  std::string rule;
  std::string evidence;
  std::string status;
  std::string meter_serial;
  std::string channel;
  std::string unit;
  std::string day;  // the UTC day, "2026-11-02"
  std::int32_t first_slot = -1;
  std::int32_t last_slot = -1;
  std::int32_t interval_minutes = 0;  // 0 for a register channel
  std::optional<std::int64_t> register_read_id;
  std::optional<std::int64_t> reread_order_id;  // the field asked to read it again (orders)
  std::optional<std::int64_t> photo_id;  // the customer's photo of the dial (orders/photos.h)
  std::vector<std::string> accounts;  // account numbers billed for the service point that day
  std::string created_at;
  std::string resolved_at;
  std::string resolved_by;
  std::string resolution_note;
};

struct ExceptionPage {
  std::vector<QueuedExceptionView> items;
  std::optional<std::int64_t> next_after_id;  // set when there may be more
};

// Errors: invalid_input naming "status" or "limit".
Result<ExceptionPage> list_exceptions(store::Database& database, const ExceptionFilter& filter);

struct SlotValue {
  std::int32_t slot = 0;
  std::int64_t milli_units = 0;
};

struct Resolution {
  std::string actor;  // "staff:jdoe"
  std::string note;   // required: why
  Instant at;
  // edit: interval slots, or the register reading
  std::vector<SlotValue> values;
  std::optional<std::int64_t> reading_milli_units;
};

// Errors: not_found for an unknown id; conflict when it is already resolved (or the day changed
// meanwhile); invalid_input naming "note", "values" (a slot outside the day, none given) or
// "reading"; for estimate, invalid_input when the exception is about a register read and
// conflict when VEE has no history to estimate from (the finding says why).
Result<QueuedExceptionView> accept_exception(store::Database& database, std::int64_t id,
                                             const Resolution& resolution);
Result<QueuedExceptionView> edit_exception(store::Database& database, std::int64_t id,
                                           const Resolution& resolution);
Result<QueuedExceptionView> estimate_exception(store::Database& database, const UtilityZone& zone,
                                               std::int64_t id, const Resolution& resolution);

}  // namespace rp::mdm
