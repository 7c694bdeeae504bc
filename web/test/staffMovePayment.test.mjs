// Moving a misapplied payment (src/staff/movePayment.ts), account numbers as typed
// (src/staff/accountNumber.ts), and the adjustment queue's words (src/staff/adjustmentQueue.ts).
import { test } from "node:test";
import assert from "node:assert/strict";

import { amountWords, canMove, checkMove, movedWords } from "../.test-build/staff/movePayment.js";
import { accountNumberProblem, cleanAccountNumber } from "../.test-build/staff/accountNumber.js";
import { OWN_REQUEST_REFUSED, adjustmentAmount, approvalRefusal, isOwnRequest, requesterWords } from "../.test-build/staff/adjustmentQueue.js";

test("only a posted payment, and not a bank payment, is moved", () => {
  assert.equal(canMove({ status: "posted", method: "check" }), true);
  assert.equal(canMove({ status: "posted", method: "card" }), true);
  assert.equal(canMove({ status: "posted", method: "bank" }), false);
  for (const status of ["pending", "failed", "returned", "moved", "voided", "refunded"]) assert.equal(canMove({ status, method: "check" }), false, status);
});

test("account numbers as typed: spaces and dashes go; nine digits", () => {
  assert.equal(cleanAccountNumber(" 1000-0002 5 "), "100000025");
  assert.equal(accountNumberProblem("1000-0002-5"), undefined);
  assert.match(accountNumberProblem(""), /Type the account number/);
  assert.match(accountNumberProblem("10000002"), /9 digits/);
  assert.match(accountNumberProblem("10000002X"), /9 digits/);
});

test("the move needs another account and a reason", () => {
  assert.deepEqual(checkMove({ toAccount: "100000025", reason: "Check for 100000025 posted here" }, "100000017"), {});
  const errors = checkMove({ toAccount: "", reason: " " }, "100000017");
  assert.deepEqual(Object.keys(errors).sort(), ["reason", "to_account"]);
  assert.match(checkMove({ toAccount: "1000 0001 7", reason: "x" }, "100000017").to_account, /this account/);
});

test("what the move did, in words, whichever shape the amounts came in", () => {
  const moved = {
    payment: { confirmation: "P000038307", status: "moved" },
    new_payment: { confirmation: "P000038400", account_number: "100000025", amount: { amount: "60.00", currency: "USD" } },
    from_account: { number: "1000-0001-7", balance: { amount: "60.00", currency: "USD" } },
    to_account: { number: "1000-0002-5", balance: "-60.00" },
  };
  assert.equal(movedWords(moved), "$60.00 moved from account 1000-0001-7 to account 1000-0002-5 as payment P000038400.");
  assert.equal(amountWords("-60.00"), "-$60.00");
  assert.equal(amountWords(6000), "$60.00");
});

test("who requested an adjustment, and the refusal of one's own", () => {
  assert.equal(isOwnRequest("staff:3", 3), true);
  assert.equal(isOwnRequest("staff:31", 3), false);
  assert.equal(requesterWords("staff:3", 3), "You");
  assert.equal(requesterWords("staff:4", 3), "Staff user 4");
  assert.equal(requesterWords("api_key:1", 3), "API key 1");
  assert.equal(requesterWords("system:late-fees", 3), "System (late-fees)");
  const conflict = { status: 409, detail: "adjustment 7 needs a second person: it was requested by staff:3" };
  assert.equal(approvalRefusal(conflict, true), `${OWN_REQUEST_REFUSED} (adjustment 7 needs a second person: it was requested by staff:3)`);
  assert.equal(approvalRefusal({ status: 403, detail: "no" }, true).startsWith(OWN_REQUEST_REFUSED), true);
  assert.equal(approvalRefusal(conflict, false), conflict.detail);
  assert.equal(approvalRefusal({ status: 422, detail: "bad note" }, true), "bad note");
});

test("an adjustment's amount without its sign, and which way it goes", () => {
  assert.deepEqual(adjustmentAmount({ amount: "-450.00", currency: "USD" }), { size: "$450.00", kind: "Credit" });
  assert.deepEqual(adjustmentAmount({ amount: "25", currency: "USD" }), { size: "$25.00", kind: "Charge" });
});
