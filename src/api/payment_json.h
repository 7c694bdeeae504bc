#pragma once
// A payment as every payment route answers it.

#include "api/actor_names.h"
#include "core/json_writer.h"
#include "payments/payment_intake.h"

namespace rp::api {

// {"id", "confirmation", "account_number", "amount", "status", "channel", "method",
// "method_label", "failure_reason" (failed), "effective_on", "created_at", "balance_after",
// "moved_to" / "moved_from" (a moved payment / the payment carrying it), "account_balance" (after
// a change), and with `names` (staff callers) "taken_by": {"actor", "actor_kind", "actor_name"}
// or null when it was not recorded}.
void write_payment(JsonWriter& out, const payments::PaymentView& payment,
                   const ActorNames* names = nullptr);

}  // namespace rp::api
