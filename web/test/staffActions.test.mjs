// The account page's actions (src/staff/actions.ts): which the user's permissions allow and the one
// line naming those they do not; and the requests each action sends (src/staff/actionsApi.ts, with
// a stand-in for fetch): paths, bodies, the CSRF token, the Idempotency-Key of those moving money.
import { test, beforeEach } from "node:test";
import assert from "node:assert/strict";

import { ACCOUNT_ACTIONS, actionsFor, lackingLine } from "../.test-build/staff/actions.js";
import {
  enrolInBudgetBilling,
  fetchArrangementOffer,
  leaveBudgetBilling,
  makeArrangement,
  moveOut,
  requestAdjustment,
  changeMailingAddress,
  resendBill,
  saveContactDetails,
  takePayment,
  tokenizeCard,
} from "../.test-build/staff/actionsApi.js";
import { ApiError, setCsrfToken } from "../.test-build/staff/api.js";

// ---- who may do what ----

const ids = (actions) => actions.map((a) => a.id);

test("each action names the permission it needs, as docs/operations.md lists them", () => {
  assert.deepEqual(
    ACCOUNT_ACTIONS.map((a) => [a.id, a.permission]),
    [
      ["payment", "payments.take"],
      ["adjustment", "adjustments.request"],
      ["arrangement", "arrangements.make"],
      ["contact", "accounts.change"],
      ["mailing-address", "accounts.change"],
      ["budget", "accounts.change"],
      ["move-out", "accounts.change"],
    ],
  );
});

test("an administrator may take every action; nothing is said missing", () => {
  const all = ["accounts.read", "accounts.change", "notes.write", "arrangements.make", "payments.take", "adjustments.request", "audit.read"];
  const { allowed, lacking } = actionsFor(all);
  assert.deepEqual(ids(allowed), ["payment", "adjustment", "arrangement", "contact", "mailing-address", "budget", "move-out"]);
  assert.deepEqual(lacking, []);
  assert.equal(lackingLine(lacking), "");
});

test("a cashier takes payments; the line names the rest, grouped by the permission they need", () => {
  const { allowed, lacking } = actionsFor(["accounts.read", "notes.write", "payments.take", "lockbox.apply"]);
  assert.deepEqual(ids(allowed), ["payment"]);
  assert.equal(
    lackingLine(lacking),
    "Not open to you: Request an adjustment needs adjustments.request; Set up an arrangement needs arrangements.make; " +
      "Contact details, Change mailing address, Budget billing and Move out need accounts.change.",
  );
});

test("a billing clerk requests adjustments only; an auditor may take none", () => {
  const clerk = actionsFor(["accounts.read", "notes.write", "billing.read", "adjustments.request"]);
  assert.deepEqual(ids(clerk.allowed), ["adjustment"]);
  assert.match(lackingLine(clerk.lacking), /^Not open to you: Take a payment needs payments\.take; /);
  const auditor = actionsFor(["accounts.read", "billing.read", "audit.read"]);
  assert.deepEqual(auditor.allowed, []);
  assert.equal(auditor.lacking.length, ACCOUNT_ACTIONS.length);
});

test("every action says what on the page it changes", () => {
  const refreshes = Object.fromEntries(ACCOUNT_ACTIONS.map((a) => [a.id, [...a.refreshes]]));
  assert.deepEqual(refreshes.payment, ["payments", "aging", "statement"]);
  assert.deepEqual(refreshes.adjustment, ["aging", "statement"]);
  // An email added or removed, or paperless, changes which notices can be sent.
  assert.deepEqual(refreshes.contact, ["preferences", "noticeChoices"]);
  assert.deepEqual(refreshes.budget, ["preferences"]);
  assert.ok(refreshes.arrangement.includes("arrangements"));
});

// ---- the requests ----

let asked = [];
let answer;
beforeEach(() => {
  asked = [];
  answer = () => new Response("{}", { status: 200, headers: { "Content-Type": "application/json" } });
  globalThis.fetch = async (path, init) => {
    asked.push({ path, ...init });
    return answer();
  };
  setCsrfToken("csrf-lena");
});

const json = (body, status = 200) => () =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": status < 400 ? "application/json" : "application/problem+json" } });
const body = (i) => JSON.parse(asked[i].body);

test("a payment goes to the staff route with its Idempotency-Key and the CSRF token", async () => {
  const payment = { id: 9, confirmation: "P000038307", amount: { amount: "25.00", currency: "USD" }, status: "posted" };
  answer = json(payment, 201);
  assert.deepEqual(await takePayment("100000017", { amount: "25.00", method: "cash" }, "console-k1"), payment);
  assert.equal(asked[0].method, "POST");
  assert.equal(asked[0].path, "/api/v1/staff/accounts/100000017/payments");
  assert.equal(asked[0].headers["Idempotency-Key"], "console-k1");
  assert.equal(asked[0].headers["X-CSRF-Token"], "csrf-lena");
  assert.equal(asked[0].credentials, "same-origin");
  assert.deepEqual(body(0), { amount: "25.00", method: "cash" });

  answer = json({ token: "tok_test_approve_card_visa_4242_x", method: "card", label: "Visa •••• 4242", last_four: "4242" }, 201);
  const token = await tokenizeCard({ number: "4242424242424242", exp_month: 8, exp_year: 2029, cvc: "123" });
  assert.equal(token.label, "Visa •••• 4242");
  assert.equal(asked[1].path, "/api/v1/payment-methods/test-tokens");
  assert.deepEqual(body(1), { card: { number: "4242424242424242", exp_month: 8, exp_year: 2029, cvc: "123" } });
});

test("a card the processor refuses is a 402 naming the failed payment's confirmation", async () => {
  answer = json({ type: "https://ratepayer.dev/problems/payment-failed", title: "Payment failed", status: 402, detail: "the card was declined", confirmation: "P000038323" }, 402);
  await assert.rejects(
    takePayment("100000017", { amount: "9.00", method: "card", payment_method: { token: "tok" } }, "console-k2"),
    (e) => e instanceof ApiError && e.status === 402 && e.confirmation === "P000038323" && e.detail === "the card was declined",
  );
});

test("an adjustment carries its key; the offer, the arrangement, contact details, budget billing, move-out, the mailing address and a resend their own paths", async () => {
  await requestAdjustment("100000017", { amount: "-5.00", reason_code: "goodwill", memo: "Kept waiting" }, "console-k3");
  await fetchArrangementOffer("100000017");
  await makeArrangement("100000017", 3);
  await saveContactDetails("100000017", { phone: "5415550199" });
  const consent = { given_by: "Susan Smith", how: "phone", reference: "call 4471" };
  await enrolInBudgetBilling("100000017", null, consent);
  await enrolInBudgetBilling("100000017", 6, { given_by: "Susan Smith", how: "in_person" });
  await leaveBudgetBilling("100000017", { given_by: "Tom Smith", how: "written" });
  await moveOut("100000017", "2026-12-31");
  await changeMailingAddress("100000017", { line1: "12 Oak St", line2: "Apt 3", city: "Bend", state: "OR", zip: "97701" });
  await resendBill("100000017", 41);
  assert.deepEqual(
    asked.map((a) => `${a.method} ${a.path}`),
    [
      "POST /api/v1/staff/accounts/100000017/adjustments",
      "GET /api/v1/accounts/100000017/arrangement-offers",
      "POST /api/v1/accounts/100000017/arrangements",
      "PUT /api/v1/accounts/100000017/preferences",
      "POST /api/v1/staff/accounts/100000017/budget-billing",
      "POST /api/v1/staff/accounts/100000017/budget-billing",
      "DELETE /api/v1/accounts/100000017/budget-billing",
      "POST /api/v1/staff/accounts/100000017/move-out",
      "PUT /api/v1/staff/accounts/100000017/mailing-address",
      "POST /api/v1/staff/accounts/100000017/bills/41/resend",
    ],
  );
  assert.equal(asked[0].headers["Idempotency-Key"], "console-k3");
  assert.deepEqual(body(0), { amount: "-5.00", reason_code: "goodwill", memo: "Kept waiting" });
  assert.equal(asked[1].headers["X-CSRF-Token"], undefined, "a read sends no token");
  assert.deepEqual(body(2), { installments: 3 });
  assert.deepEqual(body(3), { phone: "5415550199" });
  assert.deepEqual(body(4), { consent }, "no month: the server's true-up month; always the customer's consent");
  assert.deepEqual(body(5), { true_up_month: 6, consent: { given_by: "Susan Smith", how: "in_person" } });
  assert.deepEqual(body(6), { consent: { given_by: "Tom Smith", how: "written" } }, "leaving carries the consent too");
  assert.equal(asked[6].headers["Content-Type"], "application/json");
  assert.deepEqual(body(7), { last_day: "2026-12-31" });
  assert.deepEqual(body(8), { mailing_address: { line1: "12 Oak St", line2: "Apt 3", city: "Bend", state: "OR", zip: "97701" } });
  assert.equal(asked[9].body, undefined, "a resend sends no body");
  for (const a of asked.filter((x) => x.method !== "GET")) assert.equal(a.headers["X-CSRF-Token"], "csrf-lena");
});
