// Taking a payment in the staff console (src/staff/payment.ts): what is refused before sending, the
// request for cash, a check and a card, the button's words and who took it on the receipt.
import { test } from "node:test";
import assert from "node:assert/strict";

import {
  EMPTY_PAYMENT,
  PAYMENT_SERVER_FIELDS,
  cardEntryOf,
  checkPayment,
  paymentMethodLabel,
  paymentRequest,
  receiptTakenBy,
  receiptTitle,
  takeButtonLabel,
} from "../.test-build/staff/payment.js";

const today = new Date(2026, 11, 6); // Dec 6, 2026
const draft = (over) => ({ ...EMPTY_PAYMENT, amount: "60.00", ...over });
const card = { method: "card", cardNumber: "4242 4242 4242 4242", cardExpiry: "08/29", cardCvc: "123" };

test("cash: an amount of dollars and cents, more than $0.00 and at most $1,000,000.00", () => {
  assert.deepEqual(checkPayment(draft({}), today), {});
  assert.deepEqual(checkPayment(draft({ amount: "$1,204.5" }), today), {});
  assert.equal(checkPayment(draft({ amount: "" }), today).amount, "Type the amount taken.");
  assert.match(checkPayment(draft({ amount: "12.345" }), today).amount, /dollars and cents/);
  assert.match(checkPayment(draft({ amount: "-5" }), today).amount, /dollars and cents/);
  assert.equal(checkPayment(draft({ amount: "0.00" }), today).amount, "The amount must be more than $0.00.");
  assert.equal(checkPayment(draft({ amount: "1000000.01" }), today).amount, "One payment is at most $1,000,000.00.");
  assert.deepEqual(checkPayment(draft({ amount: "1000000" }), today), {});
});

test("a check needs its number: 1 to 10 digits", () => {
  assert.match(checkPayment(draft({ method: "check", checkNumber: "" }), today).check_number, /1 to 10 digits/);
  assert.match(checkPayment(draft({ method: "check", checkNumber: "12345678901" }), today).check_number, /1 to 10 digits/);
  assert.match(checkPayment(draft({ method: "check", checkNumber: "12a" }), today).check_number, /1 to 10 digits/);
  assert.deepEqual(checkPayment(draft({ method: "check", checkNumber: " 1042 " }), today), {});
  assert.deepEqual(checkPayment(draft({ checkNumber: "" }), today), {}, "cash asks no check number");
});

test("a card: a number passing the check digit, an expiry not past, a 3 or 4 digit code", () => {
  assert.deepEqual(checkPayment(draft(card), today), {});
  assert.match(checkPayment(draft({ ...card, cardNumber: "4242 4242 4242 4241" }), today).card_number, /mistyped/);
  assert.match(checkPayment(draft({ ...card, cardNumber: "4242" }), today).card_number, /13 to 19 digits/);
  assert.match(checkPayment(draft({ ...card, cardNumber: "" }), today).card_number, /Type the card number/);
  assert.equal(checkPayment(draft({ ...card, cardExpiry: "11/26" }), today).card_expiry, "The card expired at the end of 11/2026.");
  assert.deepEqual(checkPayment(draft({ ...card, cardExpiry: "12/26" }), today), {}, "a card works through its month");
  assert.match(checkPayment(draft({ ...card, cardExpiry: "13/29" }), today).card_expiry, /MM\/YY/);
  assert.match(checkPayment(draft({ ...card, cardCvc: "12" }), today).card_cvc, /3 or 4 digits/);
  assert.deepEqual(cardEntryOf(draft(card)), { number: "4242424242424242", exp_month: 8, exp_year: 2029, cvc: "123" });
});

test("the request: cash, a check with its number, a card by the processor's token", () => {
  assert.deepEqual(paymentRequest(draft({ amount: "$1,204.5" })), { amount: "1204.50", method: "cash" });
  assert.deepEqual(paymentRequest(draft({ method: "check", checkNumber: " 1042 " })), { amount: "60.00", method: "check", check_number: "1042" });
  assert.deepEqual(paymentRequest(draft(card), "tok_1"), { amount: "60.00", method: "card", payment_method: { token: "tok_1" } });
  assert.throws(() => paymentRequest(draft(card)), RangeError, "a card is never sent without its token");
});

test("the button says what it does; a server field names the form's", () => {
  assert.equal(takeButtonLabel(draft({})), "Take $60.00 in cash");
  assert.equal(takeButtonLabel(draft({ method: "check" })), "Take a $60.00 check");
  assert.equal(takeButtonLabel(draft(card)), "Charge $60.00 to the card");
  assert.equal(takeButtonLabel(draft({ amount: "abc" })), "Take the payment");
  assert.equal(paymentMethodLabel("card"), "Card by phone");
  assert.equal(PAYMENT_SERVER_FIELDS.exp_year, "card_expiry");
  assert.equal(PAYMENT_SERVER_FIELDS.check_number, "check_number");
});

const paid = { confirmation: "P000038307", status: "posted" };
const staff = { actor: "staff:1", actor_kind: "staff", actor_name: "Lena Ortiz" };

test("who took it: the answer's own, else the payment list asked for since, never guessed", () => {
  const before = { state: "ready", data: {} };
  const after = { state: "ready", data: {} };
  assert.equal(receiptTakenBy({ ...paid, taken_by: staff }, [], before, before), "Lena Ortiz");
  assert.equal(receiptTakenBy(paid, [], before, before), "Checking…", "the list has not been asked for again yet");
  assert.equal(receiptTakenBy(paid, [], { state: "loading" }, before), "Checking…");
  assert.equal(receiptTakenBy(paid, [{ ...paid, taken_by: staff }], after, before), "Lena Ortiz");
  assert.equal(receiptTakenBy(paid, [{ confirmation: "P1", taken_by: staff }], after, before), "Not recorded by the server");
  assert.match(receiptTakenBy(paid, [], { state: "failed", error: {} }, before), /could not load/);
  assert.equal(receiptTitle(paid), "Payment received");
  assert.equal(receiptTitle({ ...paid, status: "pending" }), "Payment pending");
});
