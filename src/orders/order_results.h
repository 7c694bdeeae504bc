#pragma once
// What completing a service order does, inside the transaction of the move that completes it
// (orders.h, move_order). Internal to the orders service.
//
//  * On `complete` (also when the result then waits for a supervisor): the readings taken are
//    recorded through MDM as field reads (mdm/customer_reads.h, ReadBy::field: an unlikely one is
//    refused at once, to be read again or confirmed) and kept with the order.
//  * When the order becomes completed (at once, or when a supervisor approves), the kind's work:
//    - stop_service: every open service agreement of the account ends on the order's last day
//      (accounts/service_stop.h), the final bill is made at once, off-cycle
//      (billing/final_bill.h), and a forwarding address becomes the mailing address
//      (accounts/mailing_address.h, which tells the customer);
//    - transfer: the same as a stop for the services here, then each service chosen at the new
//      premise starts the day after the last day (accounts::start_at_service_point; refused,
//      and nothing done, if someone else is in service there by then);
//    - meter_remove / meter_install / meter_exchange (of the order's service): the meter in place
//      is taken out on the utility's today (its final reading sent with the completion), and the
//      new meter given with the completion (kept with the order until approved) is put in from
//      today (accounts::install_meter), a register meter with the reading it was put in with
//      recorded as its first field read (0 unless given). The period the exchange falls in is
//      billed on both meters (billing/bill_meter_usage.h);
//    - disconnect / reconnect: the service point of the order's service (or of every open service)
//      is recorded disconnected / connected, with an account event;
//    - every other kind: the readings only.

#include <cstdint>
#include <string>
#include <vector>

#include "core/time.h"
#include "mdm/customer_reads.h"
#include "orders/orders.h"
#include "store/session.h"

namespace rp::orders {

// Errors: conflict naming the last day when a stop or transfer is completed before its last day
// (the final read is taken on or after it).
Result<void> check_ready_to_complete(const ServiceOrder& order, LocalDate today);

// Records `reads` as field reads on the order's account and returns the results JSON
// ({"reads":[{"meter","reading","unit","read_at","status"}]}). Errors: invalid_input "reads" for
// more than 10; the readings' own (naming reading, meter, read_at), each prefixed with its place.
Result<std::string> record_field_reads(store::Session& session, const UtilityZone& zone,
                                       const ServiceOrder& order,
                                       const std::vector<mdm::CustomerRead>& reads, Instant now);

// The results with the new meter of an exchange or install kept in them (required for those
// kinds: invalid_input "new_meter"; refused for others), with the reading it was put in with
// (`reading`, "" for 0). Checks the meter's fields; invalid_input "new_meter.reading" for a
// reading that is not a number of at most 3 decimals, or is negative.
Result<std::string> keep_new_meter(const ServiceOrder& order,
                                   const std::optional<accounts::NewMeter>& meter,
                                   const std::string& reading);

// Carries out the kind's work for `order` becoming completed, updating order.final_bill_id and
// order.results. Errors: those of the domain code it calls (nothing is written: the caller's
// transaction rolls back).
Result<void> carry_out(store::Session& session, std::int64_t account_id, ServiceOrder& order,
                       const std::string& actor, const std::string& at);

}  // namespace rp::orders
