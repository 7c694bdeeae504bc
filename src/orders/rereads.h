#pragma once
// A reading held for a person (VEE doubted it: a customer's reading far above the usual, a dial
// misread) may be read again in the field instead of guessed at. Staff ask for it from the
// exception queue: a meter re-read order for the account in service at the meter, with the held
// reading in its details, linked to the exception. The customer sees it among their requests.
// When the order is completed with a reading (order_results.h), the held reading is set aside
// (never billed) and the exception resolved as edited by the field's reading, in the completion's
// transaction. Cancelling the order leaves the exception open for another resolution.

#include <cstdint>
#include <string>

#include "core/result.h"
#include "orders/orders.h"
#include "store/database.h"

namespace rp::orders {

// Asks for exception `exception_id` to be read again; asked twice, the first order is answered
// (`replayed`). Errors: not_found for no such exception; invalid_input ("exception") for an
// exception not about a register read; conflict for one already resolved (code
// exception-resolved) or a meter with nobody in service (code nobody-in-service).
Result<ServiceOrder> order_reread(store::Database& database, std::int64_t exception_id,
                                  const std::string& note, const std::string& actor);

// Inside a meter re-read's completion: sets aside the held reads it read again and resolves their
// exceptions. Does nothing when the completion carried no reading.
Result<void> settle_rereads(store::Session& session, const ServiceOrder& order,
                            const std::string& actor, const std::string& at);

}  // namespace rp::orders
