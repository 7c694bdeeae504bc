// Contact details, budget billing and move-out in the staff console (src/staff/accountChanges.ts):
// what is refused before sending, only what changed is sent, and what was done in words.
import { test } from "node:test";
import assert from "node:assert/strict";

import {
  addressLine,
  budgetEnrolled,
  budgetLeft,
  checkContact,
  checkLastDay,
  contactChanges,
  contactDraftOf,
  contactSummary,
  moveOutDone,
  openServices,
  servicesInWords,
} from "../.test-build/staff/accountChanges.js";

const usd = (amount) => ({ amount, currency: "USD" });
const prefs = { paperless: false, email: "maria@example.com", phone: "+15415550177", budget: null };

test("the form starts from the account's details, the phone as read aloud", () => {
  assert.deepEqual(contactDraftOf(prefs), { email: "maria@example.com", phone: "(541) 555-0177", paperless: false });
  assert.deepEqual(contactDraftOf({ ...prefs, phone: "" }).phone, "");
});

test("an email that is not one, a phone that is not a US number, paperless without an email are refused", () => {
  assert.deepEqual(checkContact({ email: "", phone: "", paperless: false }), {}, "both may be emptied");
  assert.match(checkContact({ email: "maria@", phone: "", paperless: false }).email, /whole email address/);
  assert.match(checkContact({ email: "", phone: "555-0177", paperless: false }).phone, /US phone number/);
  assert.deepEqual(checkContact({ email: "a@b.example", phone: "+1 (541) 555.0199", paperless: true }), {});
  assert.match(checkContact({ email: " ", phone: "", paperless: true }).paperless, /need an email/);
});

test("only what changed is sent; the same phone in another form is no change", () => {
  assert.deepEqual(contactChanges(prefs, contactDraftOf(prefs)), {});
  assert.deepEqual(contactChanges(prefs, { email: "maria@example.com", phone: "541-555-0177", paperless: false }), {});
  assert.deepEqual(contactChanges(prefs, { email: " new@example.com ", phone: "(541) 555-0199", paperless: true }), {
    email: "new@example.com", phone: "5415550199", paperless: true,
  });
  assert.deepEqual(contactChanges(prefs, { email: "", phone: "", paperless: false }), { email: "", phone: "" }, "emptied: cleared");
  assert.equal(contactSummary({ ...prefs, phone: "5415550199", paperless: true }), "Email maria@example.com; phone (541) 555-0199; paperless bills on.");
  assert.equal(contactSummary({ ...prefs, email: "", phone: "" }), "Email none; phone none; paperless bills off.");
});

test("budget billing: the plan enrolled, and what leaving does with the deferred balance", () => {
  assert.equal(
    budgetEnrolled({ installment: usd("193.69"), true_up_month: 12, enrolled_on: "2026-12-06" }),
    "On budget billing since Dec 6, 2026: $193.69 a month from the next bill, trued up each December.",
  );
  assert.equal(
    budgetLeft({ ended_on: "2026-12-06", deferred_balance: usd("42.10") }),
    "Left budget billing on Dec 6, 2026. The next bill asks for the whole balance: the deferred $42.10 falls due on it.",
  );
  assert.equal(
    budgetLeft({ ended_on: "2026-12-06", deferred_balance: usd("-12.00") }),
    "Left budget billing on Dec 6, 2026. The next bill asks for the whole balance, less $12.00 credited: the installments asked for more than the charges.",
  );
  assert.equal(budgetLeft({ ended_on: "2026-12-06", deferred_balance: usd("0.00") }), "Left budget billing on Dec 6, 2026. The next bill asks for the whole balance; nothing was deferred.");
});

const agreement = (commodity, end_date = null) => ({ id: 1, commodity, end_date });

test("moving out stops the open services after the last day", () => {
  const services = openServices([agreement("electric"), agreement("water"), agreement("gas", "2025-01-31"), agreement("sewer")]);
  assert.deepEqual(services.map((a) => a.commodity), ["electric", "water", "sewer"]);
  assert.equal(servicesInWords(services), "electric, water and sewer");
  assert.equal(servicesInWords([agreement("electric")]), "electric");
  assert.equal(addressLine({ line1: "9337 Madison Pl", line2: "", city: "Bend", state: "OR", zip: "97701" }), "9337 Madison Pl, Bend, OR 97701");
  assert.equal(addressLine({ line1: "12 Oak St", line2: "Unit 2", city: "Eugene", state: "OR", zip: "97403" }), "12 Oak St, Unit 2, Eugene, OR 97403");
  assert.match(checkLastDay("").last_day, /Choose the customer's last day/);
  assert.match(checkLastDay("31/12/2026").last_day, /YYYY-MM-DD/);
  assert.deepEqual(checkLastDay("2026-12-31"), {});
  assert.equal(
    moveOutDone({ account_number: "100000017", last_day: "2026-12-31", services_stopped: 1 }),
    "Service stops after Dec 31, 2026: 1 service stopped. The final bill, prorated to the last day, follows with the cycle's next bill run.",
  );
});
