#pragma once
// Payments over HTTP: paying (idempotent), the payment history, and the test processor's
// tokenization.

#include "api/api.h"

namespace rp::api {

// POST /api/v1/accounts/{number}/payments with an Idempotency-Key header and
// {"amount": "84.50", "payment_method": {"token": "tok_..."}} (or {"saved_id": 3}, a saved method):
// 201 posted, 202 pending (the processor did not answer; it is settled later), 402 failed
// (problem+json with the reason and the confirmation). A retry with the key replays the same
// answer.
http::Response submit_payment_handler(ApiContext& context, http::Request& request);
// GET /api/v1/accounts/{number}/payments?cursor=&limit=: newest first.
http::Response account_payments_handler(ApiContext& context, http::Request& request);
// POST /api/v1/staff/accounts/{number}/payments (Idempotency-Key) {"amount": "60.00", "method":
// "cash" | "check" (with "check_number") | "card" (with "payment_method": {"token"}, by phone)}.
http::Response staff_payment_handler(ApiContext& context, http::Request& request);
// GET /api/v1/staff/cashier-drawer?day=YYYY-MM-DD&cashier=staff:ana (default: today, the caller).
http::Response cashier_drawer_handler(ApiContext& context, http::Request& request);
// POST /api/v1/accounts/{number}/payment-methods {"token": "...", "default": true}: saves it.
http::Response save_payment_method_handler(ApiContext& context, http::Request& request);
// GET /api/v1/accounts/{number}/payment-methods: saved methods, default first.
http::Response payment_methods_handler(ApiContext& context, http::Request& request);
// DELETE /api/v1/accounts/{number}/payment-methods/{id}: 204.
http::Response remove_payment_method_handler(ApiContext& context, http::Request& request);
// POST /api/v1/payment-methods/test-tokens {"card": {...}}: the test processor's tokenization.
http::Response test_token_handler(ApiContext& context, http::Request& request);
// POST /api/v1/staff/payments/{confirmation}/return {"return_code": "R01"}: the bank sent the
// payment back (payment_returns.h); 200 with the payment, the reason and the fee charged.
http::Response return_payment_handler(ApiContext& context, http::Request& request);
// GET /api/v1/staff/lockbox/suspense?cursor=&limit=: lockbox items no account was found for.
http::Response lockbox_suspense_handler(ApiContext& context, http::Request& request);
// POST /api/v1/staff/lockbox/items/{id}/apply {"account_number": "..."}: posts the item's check
// on that account; 409 when it was already placed.
http::Response apply_lockbox_item_handler(ApiContext& context, http::Request& request);
// POST /api/v1/accounts/{number}/scheduled-payments {"amount", "pay_on", "payment_method_id"}:
// 201; GET lists them; DELETE .../scheduled-payments/{id} cancels one (204; 409 once paid).
http::Response schedule_payment_handler(ApiContext& context, http::Request& request);
http::Response scheduled_payments_handler(ApiContext& context, http::Request& request);
http::Response cancel_scheduled_payment_handler(ApiContext& context, http::Request& request);
// GET /api/v1/accounts/{number}/autopay: {"enrolled", ...}; PUT {"payment_method_id",
// "days_before_due"} enrols or changes it; DELETE cancels it (204; 404 when not enrolled).
http::Response autopay_handler(ApiContext& context, http::Request& request);
http::Response enrol_autopay_handler(ApiContext& context, http::Request& request);
http::Response cancel_autopay_handler(ApiContext& context, http::Request& request);
// POST /api/v1/staff/payments/{confirmation}/void {"reason"}: the same day only (payment_voids.h).
http::Response void_payment_handler(ApiContext& context, http::Request& request);
// POST /api/v1/staff/accounts/{number}/refunds (Idempotency-Key) {"amount"?, "reason"}: a check
// for the credit balance (all of it without an amount); 201, 200 for a retry.
http::Response refund_handler(ApiContext& context, http::Request& request);
// POST /api/v1/bank-accounts {"routing_number", "account_number", "account_type", "holder_name"}:
// the account sealed in the vault; 201 {"token": "ach_...", "label": "Checking •••• 6789"}.
http::Response bank_account_handler(ApiContext& context, http::Request& request);

}  // namespace rp::api
