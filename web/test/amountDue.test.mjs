// What the customer owes (src/portal/amountDue.ts).
import { test } from "node:test";
import assert from "node:assert/strict";
import { creditAmount, isCredit, latestBill, owesNothing, suggestedPayment, pastDueCents } from "../.test-build/portal/amountDue.js";

const usd = (amount) => ({ amount, currency: "USD" });
const bill = (id, status, amountDue) => ({ id, number: id, status, amount_due: usd(amountDue) });

test("the latest bill is the newest one that stands", () => {
  assert.equal(latestBill([bill(3, "cancelled", "90.00"), bill(2, "released", "84.50"), bill(1, "released", "70.00")]).id, 2);
  assert.equal(latestBill([bill(3, "cancelled", "90.00")]), null);
  assert.equal(latestBill([]), null);
});

test("Pay suggests the amount due, never more than the balance", () => {
  assert.equal(suggestedPayment(usd("84.50"), bill(2, "released", "84.50")), 8450n);
  // Paid part of the bill since: the balance is what is left.
  assert.equal(suggestedPayment(usd("34.50"), bill(2, "released", "84.50")), 3450n);
  // A late fee or an older balance on top: the bill's amount due.
  assert.equal(suggestedPayment(usd("99.50"), bill(2, "released", "84.50")), 8450n);
  // No bill yet: the balance.
  assert.equal(suggestedPayment(usd("12.00"), null), 1200n);
  // Nothing owed, or a credit: nothing suggested.
  assert.equal(suggestedPayment(usd("0.00"), bill(2, "released", "84.50")), 0n);
  assert.equal(suggestedPayment(usd("-5.00"), null), 0n);
  // A bill with nothing due (a credit carried): the balance.
  assert.equal(suggestedPayment(usd("10.00"), bill(2, "released", "-3.00")), 1000n);
});

test("a negative balance is a credit, shown as a positive amount", () => {
  assert.equal(isCredit(usd("-12.50")), true);
  assert.equal(owesNothing(usd("-12.50")), true);
  assert.equal(owesNothing(usd("0.00")), true);
  assert.equal(owesNothing(usd("0.01")), false);
  assert.equal(isCredit(usd("0.00")), false);
  assert.deepEqual(creditAmount(usd("-12.50")), usd("12.50"));
  assert.deepEqual(creditAmount(usd("-0.05")), usd("0.05"));
});

test("past due is what is still owed of the latest bill after its due date", () => {
  const bill = { status: "released", due_date: "2026-11-18", amount_due: { amount: "159.03", currency: "USD" } };
  const usd = (amount) => ({ amount, currency: "USD" });
  assert.equal(pastDueCents(usd("159.03"), bill, "2026-11-18"), 0n); // on the due date: not yet
  assert.equal(pastDueCents(usd("159.03"), bill, "2026-11-19"), 15903n);
  assert.equal(pastDueCents(usd("100.00"), bill, "2026-11-19"), 10000n); // partly paid
  assert.equal(pastDueCents(usd("0.00"), bill, "2026-11-19"), 0n);
  assert.equal(pastDueCents(usd("-5.00"), bill, "2026-11-19"), 0n);
  assert.equal(pastDueCents(usd("200.00"), null, "2026-11-19"), 0n);
});
