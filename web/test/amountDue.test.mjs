// What the customer owes now, by when and why (src/portal/amountDue.ts): the server's `owed`, read
// and worded, never worked out again from the balance and the bills.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  billReason, creditAmount, creditCents, deferredCents, isCredit, owedReasonLabel, owedWhen, owesNothing,
  pastDueCents, suggestedPayment,
} from "../.test-build/portal/amountDue.js";
import { en } from "../.test-build/portal/i18n/en.js";
import { es } from "../.test-build/portal/i18n/es.js";
import { translator } from "../.test-build/portal/i18n/translate.js";
import { formatDate } from "../.test-build/shared/format.js";

const usd = (amount) => ({ amount, currency: "USD" });
const reason = (kind, amount, on = null, bill_number = null) => ({ kind, amount: usd(amount), on, bill_number });

/** An `owed` as the server sends it; the reasons add up to balance - deferred. */
function owed({ balance, now, pastDue = "0.00", dueOn = null, deferred = "0.00", credit = "0.00", reasons = [] }) {
  return {
    balance: usd(balance), now: usd(now), past_due: usd(pastDue), due_on: dueOn,
    deferred: usd(deferred), credit: usd(credit), reasons,
  };
}

// After a payment arrangement: $205 balance, $150 moved to later bills, the $55 down payment due.
const arranged = owed({
  balance: "205.00", now: "55.00", dueOn: "2026-12-08", deferred: "150.00",
  reasons: [reason("bill", "205.00", "2026-11-20", 1042), reason("arranged", "-150.00", "2026-12-01")],
});
// A late fee posted since the bill, part of the bill paid.
const lateFee = owed({
  balance: "45.00", now: "45.00", pastDue: "40.00",
  reasons: [reason("bill", "100.00", "2026-11-20", 1042), reason("late_fee", "5.00", "2026-11-26"), reason("paid", "-60.00")],
});
const credit = owed({
  balance: "-12.50", now: "0.00", credit: "12.50",
  reasons: [reason("bill", "80.00", "2026-11-20", 1042), reason("paid", "-92.50")],
});

test("Pay proposes what is owed now, exactly as the server says", () => {
  assert.equal(suggestedPayment(arranged), 5500n); // not the $205 balance
  assert.equal(suggestedPayment(lateFee), 4500n); // the late fee is in it
  assert.equal(suggestedPayment(owed({ balance: "84.50", now: "84.50" })), 8450n);
  // Nothing owed, a credit, or a malformed figure: nothing proposed.
  assert.equal(suggestedPayment(credit), 0n);
  assert.equal(suggestedPayment(owed({ balance: "0.00", now: "0.00" })), 0n);
  assert.equal(suggestedPayment(owed({ balance: "10.00", now: "-1.00" })), 0n);
  assert.equal(suggestedPayment(owed({ balance: "10.00", now: "ten" })), 0n);
  assert.equal(owesNothing(credit), true);
  assert.equal(owesNothing(arranged), false);
  // All of it on later bills (the down payment paid): nothing owed now, the rest deferred.
  const paidDown = owed({ balance: "150.00", now: "0.00", deferred: "150.00" });
  assert.equal(owesNothing(paidDown), true);
  assert.equal(deferredCents(paidDown), 15000n);
});

test("past due is the server's past_due, not the balance after the bill's date", () => {
  assert.equal(pastDueCents(arranged), 0n); // the arrangement: nothing past due
  assert.equal(pastDueCents(lateFee), 4000n);
  assert.equal(pastDueCents(owed({ balance: "1.00", now: "1.00", pastDue: "bad" })), 0n);
  assert.equal(deferredCents(arranged), 15000n);
  assert.equal(deferredCents(lateFee), 0n);
  assert.equal(creditCents(credit), 1250n);
  assert.equal(creditCents(arranged), 0n);
});

test("by when: nothing, past due, partly past due, a date, or the next bill", () => {
  assert.deepEqual(owedWhen(credit), { kind: "nothing" });
  assert.deepEqual(owedWhen(arranged), { kind: "due", on: "2026-12-08" });
  assert.deepEqual(owedWhen(lateFee), { kind: "part_past_due", rest_due_on: null });
  assert.deepEqual(owedWhen(owed({ balance: "90.00", now: "90.00", pastDue: "40.00", dueOn: "2026-12-20" })),
    { kind: "part_past_due", rest_due_on: "2026-12-20" });
  assert.deepEqual(owedWhen(owed({ balance: "40.00", now: "40.00", pastDue: "40.00" })), { kind: "past_due" });
  // Only a charge since the bill (a late fee): the next bill asks for it.
  assert.deepEqual(owedWhen(owed({ balance: "5.00", now: "5.00" })), { kind: "next_bill" });
});

test("the latest bill's line of the statement", () => {
  assert.equal(billReason(arranged).bill_number, 1042);
  assert.equal(billReason(owed({ balance: "5.00", now: "5.00", reasons: [reason("opening_balance", "5.00", "2026-10-01")] })), null);
});

test("each line of the statement in the customer's words, English and Spanish", () => {
  const words = (r, language = "en", afterBill = true) =>
    owedReasonLabel(r, afterBill, translator(language === "es" ? es : en), (d) => formatDate(d, language === "es" ? "es-US" : "en-US"));
  assert.equal(words(reason("bill", "100.00", "2026-11-20", 1042)), "Bill 1042, due Nov 20, 2026");
  assert.equal(words(reason("late_fee", "5.00", "2026-11-26")), "Late fee, Nov 26, 2026");
  assert.equal(words(reason("paid", "-60.00")), "Payments and credits since the bill");
  assert.equal(words(reason("paid", "-60.00"), "en", false), "Payments and credits");
  assert.equal(words(reason("arranged", "-150.00", "2026-12-01")), "Moved to later bills by your payment arrangement of Dec 1, 2026");
  assert.equal(words(reason("arranged", "-150.00")), "Moved to later bills by your payment arrangement");
  assert.equal(words(reason("earlier", "4.00")), "Other changes");
  // A reversal is named by what it undoes; without that, only as a reversal.
  const reversal = (reverses, on) => ({ ...reason("reversal", "84.50", on), reverses });
  assert.equal(words(reversal("payment_returned", "2026-11-28")), "Returned payment, Nov 28, 2026");
  assert.equal(words(reversal("payment_voided", "2026-11-28")), "Payment cancelled by the utility, Nov 28, 2026");
  assert.equal(words(reversal("payment_moved")), "Payment moved to another account");
  assert.equal(words(reversal("payment")), "Payment reversed");
  assert.equal(words(reversal("bill")), "Reversal");
  assert.equal(words(reason("reversal", "84.50", "2026-11-28")), "Reversal, Nov 28, 2026");
  assert.equal(words(reason("opening_balance", "12.00")), "Opening balance");
  assert.equal(words(reason("something_new", "1.00", "2026-11-28")), "Other charge, Nov 28, 2026");
  for (const [kind, name] of [["adjustment", "Adjustment"], ["refund", "Refund"], ["deposit", "Deposit"], ["transfer", "Transfer"]]) {
    assert.equal(words(reason(kind, "1.00")), name);
  }
  assert.equal(words(reason("bill", "100.00", "2026-11-20", 1042), "es"), `Factura 1042, vence el ${formatDate("2026-11-20", "es-US")}`);
  assert.equal(words(reason("late_fee", "5.00", "2026-11-26"), "es"), `Cargo por mora del ${formatDate("2026-11-26", "es-US")}`);
  assert.equal(words(reason("paid", "-60.00"), "es"), "Pagos y créditos desde la factura");
  assert.equal(words(reason("arranged", "-150.00", "2026-12-01"), "es"),
    `Pasado a facturas futuras por su plan de pagos del ${formatDate("2026-12-01", "es-US")}`);
  assert.equal(words(reversal("payment_returned"), "es"), "Pago devuelto");
  assert.equal(words(reversal("payment_voided"), "es"), "Pago anulado por la empresa");
});

test("a negative balance is a credit, shown as a positive amount", () => {
  assert.equal(isCredit(usd("-12.50")), true);
  assert.equal(isCredit(usd("0.00")), false);
  assert.deepEqual(creditAmount(usd("-12.50")), usd("12.50"));
  assert.deepEqual(creditAmount(usd("-0.05")), usd("0.05"));
});
