// The customer's consent to budget billing and autopay changes made by staff (src/staff/consent.ts),
// autopay on the customer's request (src/staff/autopay.ts), and the requests carrying them
// (src/staff/actionsApi.ts, with a stand-in for fetch).
import { test, beforeEach } from "node:test";
import assert from "node:assert/strict";

import {
  CONSENT_FIELDS,
  CONSENT_HOWS,
  CONSENT_SERVER_FIELDS,
  LONGEST_CONSENT_TEXT,
  checkConsent,
  consentDraftFor,
  consentOf,
  consentSentence,
  consentWords,
  utf8Length,
} from "../.test-build/staff/consent.js";
import {
  AUTOPAY_PERMISSION,
  autopayCancelledWords,
  autopayDraftFor,
  autopayEnrolledWords,
  autopayNow,
  checkAutopay,
  whenWords,
} from "../.test-build/staff/autopay.js";
import { cancelAutopay, enrolInAutopay } from "../.test-build/staff/actionsApi.js";
import { setCsrfToken } from "../.test-build/staff/api.js";

// ---- consent ----

test("the form opens with the account holder's name, no way chosen and no reference", () => {
  assert.deepEqual(consentDraftFor("  Susan Smith "), { givenBy: "Susan Smith", how: "", reference: "" });
  assert.deepEqual(CONSENT_FIELDS, ["given_by", "how", "reference"]);
  assert.deepEqual(CONSENT_HOWS.map((h) => [h.value, h.label]), [["phone", "By phone"], ["in_person", "In person"], ["written", "In writing"]]);
});

test("who agreed and how are needed; the reference is not", () => {
  assert.deepEqual(checkConsent({ givenBy: "Susan Smith", how: "phone", reference: "" }), {});
  const none = checkConsent({ givenBy: "   ", how: "", reference: "" });
  assert.match(none.given_by, /name of the person who agreed/);
  assert.match(none.how, /Choose how the customer agreed/);
  assert.equal(none.reference, undefined);
  assert.match(checkConsent({ givenBy: "Susan", how: "fax", reference: "" }).how, /Choose how/, "only the server's three ways");
});

test("the name and the reference are at most 100 bytes of UTF-8, on one line, as the server counts them", () => {
  assert.equal(LONGEST_CONSENT_TEXT, 100);
  assert.equal(utf8Length("José"), 5);
  assert.deepEqual(checkConsent({ givenBy: "a".repeat(100), how: "phone", reference: "r".repeat(100) }), {});
  assert.match(checkConsent({ givenBy: "a".repeat(101), how: "phone", reference: "" }).given_by, /100 characters/);
  // 60 accented letters are 120 bytes: the server would refuse them.
  assert.match(checkConsent({ givenBy: "é".repeat(60), how: "phone", reference: "" }).given_by, /accented letter counts as two/);
  assert.match(checkConsent({ givenBy: "Susan", how: "written", reference: "x".repeat(101) }).reference, /100 characters/);
  assert.match(checkConsent({ givenBy: "Susan\tSmith", how: "phone", reference: "" }).given_by, /one line/);
  assert.match(checkConsent({ givenBy: "Susan", how: "phone", reference: "call\n4471" }).reference, /one line/);
});

test("the consent sent: trimmed, without an empty reference", () => {
  assert.deepEqual(consentOf({ givenBy: " Susan Smith ", how: "phone", reference: " call 4471 " }), {
    given_by: "Susan Smith",
    how: "phone",
    reference: "call 4471",
  });
  assert.deepEqual(consentOf({ givenBy: "Tom", how: "in_person", reference: "  " }), { given_by: "Tom", how: "in_person" });
});

test("the server's refusal is said at the field it names; a missing consent at the name", () => {
  assert.equal(CONSENT_SERVER_FIELDS.consent, "given_by");
  assert.equal(CONSENT_SERVER_FIELDS["consent.given_by"], "given_by");
  assert.equal(CONSENT_SERVER_FIELDS["consent.how"], "how");
  assert.equal(CONSENT_SERVER_FIELDS["consent.reference"], "reference");
});

test("the consent in words, as the History says it", () => {
  assert.equal(consentWords({ given_by: "Susan Smith", how: "phone", reference: "call 4471" }), "at the request of Susan Smith, by phone (call 4471)");
  assert.equal(consentWords({ given_by: "Tom", how: "in_person" }), "at the request of Tom, in person");
  assert.equal(consentSentence({ given_by: "Ana", how: "written", reference: "form 12" }), "At the request of Ana, in writing (form 12).");
});

// ---- autopay ----

const visa = { id: 7, method: "card", label: "Visa •••• 4242", default: false, created_at: "2026-12-01T10:00:00Z" };
const bank = { id: 9, method: "bank", label: "Checking •••• 6789", default: true, created_at: "2026-12-02T10:00:00Z" };

test("autopay needs payments.take; the form starts from the method in use, else the default, else the only one", () => {
  assert.equal(AUTOPAY_PERMISSION, "payments.take");
  assert.deepEqual(autopayDraftFor(null, [visa, bank]), { methodId: "9", days: "" });
  assert.deepEqual(autopayDraftFor({ enrolled: true, payment_method_id: 7, days_before_due: 3 }, [visa, bank]), { methodId: "7", days: "3" });
  assert.deepEqual(autopayDraftFor(null, [visa]), { methodId: "7", days: "" });
  assert.deepEqual(autopayDraftFor(null, [visa, { ...bank, default: false }]), { methodId: "", days: "" }, "two and no default: the user chooses");
  assert.deepEqual(autopayDraftFor(null, []), { methodId: "", days: "" });
});

test("a saved method of the account and 0 to 20 days are needed", () => {
  assert.deepEqual(checkAutopay({ methodId: "7", days: "0" }, [visa, bank]), {});
  assert.deepEqual(checkAutopay({ methodId: "9", days: " 20 " }, [visa, bank]), {});
  const wrong = checkAutopay({ methodId: "", days: "21" }, [visa, bank]);
  assert.match(wrong.payment_method_id, /Choose the saved method/);
  assert.match(wrong.days_before_due, /from 0 \(on the due date\) to 20/);
  assert.match(checkAutopay({ methodId: "8", days: "3" }, [visa, bank]).payment_method_id, /Choose/, "a method the account does not list");
  for (const days of ["", "-1", "2.5", "three", "100"]) assert.ok(checkAutopay({ methodId: "7", days }, [visa]).days_before_due, days);
});

test("autopay in words: when it pays, from which method, and on whose word", () => {
  assert.equal(whenWords(0), "on the due date");
  assert.equal(whenWords(1), "1 day before it is due");
  assert.equal(whenWords(5), "5 days before it is due");
  assert.equal(autopayNow({ enrolled: false }, [visa]), "Autopay is off: the customer pays each bill themselves.");
  assert.equal(autopayNow({ enrolled: true, payment_method_id: 7, days_before_due: 3 }, [visa]), "Autopay pays each bill from Visa •••• 4242, 3 days before it is due.");
  assert.equal(autopayNow({ enrolled: true, payment_method_id: 5, days_before_due: 0 }, [visa]), "Autopay pays each bill from saved method 5, on the due date.");
  const consent = { given_by: "Susan Smith", how: "phone", reference: "call 4471" };
  assert.equal(
    autopayEnrolledWords({ enrolled: true, payment_method_id: 9, days_before_due: 2 }, [visa, bank], consent),
    "Autopay is on. Each bill from now on is paid from Checking •••• 6789, 2 days before it is due, for what is still owed on it. " +
      "At the request of Susan Smith, by phone (call 4471).",
  );
  assert.equal(autopayCancelledWords({ given_by: "Tom", how: "in_person" }), "Autopay is off: no bill is paid automatically from now on. At the request of Tom, in person.");
});

// ---- the requests ----

let asked = [];
let answer;
beforeEach(() => {
  asked = [];
  answer = () => new Response(JSON.stringify({ enrolled: true, payment_method_id: 9, days_before_due: 2, enrolled_at: "2026-12-07T10:00:00Z" }), {
    status: 200,
    headers: { "Content-Type": "application/json" },
  });
  globalThis.fetch = async (path, init) => {
    asked.push({ path, ...init });
    return answer();
  };
  setCsrfToken("csrf-ana");
});

test("autopay is enrolled with PUT and cancelled with DELETE, each with the consent and the CSRF token", async () => {
  const consent = { given_by: "Susan Smith", how: "phone" };
  const enrolled = await enrolInAutopay("100000017", 9, 2, consent);
  assert.equal(enrolled.payment_method_id, 9);
  answer = () => new Response(null, { status: 204 });
  assert.equal(await cancelAutopay("100000017", { given_by: "Tom", how: "written", reference: "form 12" }), undefined);
  assert.deepEqual(asked.map((a) => `${a.method} ${a.path}`), ["PUT /api/v1/accounts/100000017/autopay", "DELETE /api/v1/accounts/100000017/autopay"]);
  assert.deepEqual(JSON.parse(asked[0].body), { payment_method_id: 9, days_before_due: 2, consent });
  assert.deepEqual(JSON.parse(asked[1].body), { consent: { given_by: "Tom", how: "written", reference: "form 12" } });
  for (const a of asked) {
    assert.equal(a.headers["X-CSRF-Token"], "csrf-ana");
    assert.equal(a.headers["Content-Type"], "application/json");
    assert.equal(a.credentials, "same-origin");
  }
});

test("a refused consent is a 422 naming its field", async () => {
  answer = () =>
    new Response(
      JSON.stringify({ type: "https://ratepayer.dev/problems/invalid-input", title: "Invalid input", status: 422, detail: "consent.given_by is required: who agreed to the change", field: "consent.given_by" }),
      { status: 422, headers: { "Content-Type": "application/problem+json" } },
    );
  await assert.rejects(cancelAutopay("100000017", { given_by: "", how: "phone" }), (e) => e.status === 422 && CONSENT_SERVER_FIELDS[e.field] === "given_by");
});
