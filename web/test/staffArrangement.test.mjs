// Setting up a payment arrangement in the staff console (src/staff/arrangement.ts): a plan's terms,
// why none is offered, and the arrangement made, in words.
import { test } from "node:test";
import assert from "node:assert/strict";

import { arrangementMade, noOfferReason, planTerms, planTitle } from "../.test-build/staff/arrangement.js";

const usd = (amount) => ({ amount, currency: "USD" });
const plan = { installments: 3, down_payment: usd("94.08"), installment: usd("94.07"), last_installment: usd("94.09"), total: usd("376.31") };

test("a plan: its installments, the down payment, each installment and the last when it differs", () => {
  assert.equal(planTitle(plan), "3 installments");
  assert.equal(planTerms(plan), "$94.08 down within 7 days, then $94.07 on each of the next 3 bills (the last $94.09). Total $376.31.");
  const even = { ...plan, installments: 2, installment: usd("141.11"), last_installment: usd("141.11") };
  assert.equal(planTerms(even), "$94.08 down within 7 days, then $141.11 on each of the next 2 bills. Total $376.31.");
});

test("no plan offered: the server's reason as a sentence", () => {
  assert.equal(noOfferReason({ eligible: false, reason: "nothing is past due", plans: [], past_due: usd("0.00") }), "Nothing is past due.");
  assert.match(noOfferReason({ eligible: false, plans: [], past_due: usd("0.00") }), /no plan/);
});

test("the arrangement made, from the server's answer", () => {
  const made = {
    id: 1, status: "active", past_due: usd("89.15"), down_payment: usd("22.29"), down_payment_due_on: "2026-12-13", down_payment_kept: false,
    installments: 3, installment: usd("22.28"), last_installment: usd("22.30"), installments_billed: 0, created_on: "2026-12-06",
  };
  assert.equal(
    arrangementMade(made),
    "$22.29 down by Dec 13, 2026, then 3 installments of $22.28 on the next bills (the last $22.30). It covers $89.15 past due.",
  );
});
