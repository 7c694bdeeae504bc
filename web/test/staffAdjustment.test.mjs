// Requesting an adjustment in the staff console (src/staff/adjustment.ts): what is refused before
// sending, the signed amount sent, and whether it posted or waits for a second person.
import { test } from "node:test";
import assert from "node:assert/strict";

import {
  ADJUSTMENT_REASONS,
  EMPTY_ADJUSTMENT,
  adjustmentOutcome,
  adjustmentReasonLabel,
  adjustmentRequest,
  adjustmentWords,
  checkAdjustment,
} from "../.test-build/staff/adjustment.js";

const usd = (amount) => ({ amount, currency: "USD" });
const draft = (over) => ({ ...EMPTY_ADJUSTMENT, amount: "25.00", reason: "goodwill", memo: "Kept waiting on the phone", ...over });

test("the reasons are the server's, in words", () => {
  assert.deepEqual([...ADJUSTMENT_REASONS], ["billing_error", "meter_error", "leak_credit", "goodwill", "fee_waiver", "write_off", "deposit_interest", "other"]);
  assert.equal(adjustmentReasonLabel("leak_credit"), "Leak credit");
  assert.equal(adjustmentReasonLabel("write_off"), "Write-off");
  assert.equal(adjustmentReasonLabel("courtesy"), "courtesy");
});

test("an amount (not zero, no sign), a reason and a memo are needed", () => {
  assert.deepEqual(checkAdjustment(draft({})), {});
  assert.deepEqual(Object.keys(checkAdjustment(EMPTY_ADJUSTMENT)).sort(), ["amount", "memo", "reason_code"]);
  assert.equal(checkAdjustment(draft({ amount: "0" })).amount, "The amount must not be zero.");
  assert.match(checkAdjustment(draft({ amount: "-25" })).amount, /without a sign/);
  assert.equal(checkAdjustment(draft({ memo: "  \n" })).memo, "Say what the adjustment is for.");
  assert.equal(checkAdjustment(draft({ reason: "" })).reason_code, "Choose the reason.");
});

test("a credit is sent negative, a charge positive; the memo trimmed", () => {
  assert.deepEqual(adjustmentRequest(draft({ memo: " Kept waiting " })), { amount: "-25.00", reason_code: "goodwill", memo: "Kept waiting" });
  assert.deepEqual(adjustmentRequest(draft({ direction: "charge", amount: "$1,000", reason: "billing_error" })), {
    amount: "1000.00", reason_code: "billing_error", memo: "Kept waiting on the phone",
  });
});

test("posted at once, or waiting for a second person: said in words", () => {
  assert.equal(adjustmentWords({ amount: usd("-5.00") }), "a credit of $5.00");
  assert.equal(adjustmentWords({ amount: usd("12.50") }), "a charge of $12.50");
  const posted = adjustmentOutcome({ amount: usd("-5.00"), reason_code: "goodwill", status: "posted", decision_note: "within the approval limit of $100.00" });
  assert.deepEqual(posted, {
    title: "Posted",
    detail: "A credit of $5.00 (Goodwill) is on the account now. Within the approval limit of $100.00.",
  });
  const pending = adjustmentOutcome({ amount: usd("-500.00"), reason_code: "billing_error", status: "pending" });
  assert.equal(pending.title, "Waiting for approval");
  assert.equal(
    pending.detail,
    "A credit of $500.00 (Billing error) is not on the account yet. It posts once a second person with adjustments.approve approves it.",
  );
});
