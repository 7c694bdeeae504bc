// How the portal words what the server refused (src/portal/problemWords.ts).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { PROBLEM_CODES, arrangementReasonWords, problemWords, waitWords } from "../.test-build/portal/problemWords.js";
import { en } from "../.test-build/portal/i18n/en.js";
import { es } from "../.test-build/portal/i18n/es.js";
import { translator } from "../.test-build/portal/i18n/translate.js";

const tEn = translator(en);
const tEs = translator(es);
const problem = (fields) => ({ status: 422, kind: "invalid-input", detail: "the server's English", ...fields });

test("a coded problem is worded by the portal in the reader's language", () => {
  const tooCommon = problem({ code: "password-too-common" });
  assert.equal(problemWords(tooCommon, "en", tEn), en.problemPasswordTooCommon);
  assert.equal(problemWords(tooCommon, "es", tEs), es.problemPasswordTooCommon);
  assert.notEqual(es.problemPasswordTooCommon, en.problemPasswordTooCommon);
});

test("without a code known to the portal, its type decides", () => {
  assert.equal(problemWords({ status: 401, kind: "sign-in-failed", detail: "x" }, "es", tEs), es.problemSignInFailed);
  assert.equal(
    problemWords({ status: 429, kind: "sign-in-locked", detail: "x", retryAfter: 900 }, "es", tEs),
    tEs("problemSignInLocked", { minutes: 15 }),
  );
  assert.equal(
    problemWords({ status: 429, kind: "sign-in-locked", detail: "x", retryAfter: 61 }, "en", tEn),
    tEn("problemSignInLocked", { minutes: 2 }),
  );
  assert.equal(problemWords({ status: 410, kind: "link-expired", detail: "x" }, "en", tEn), en.problemLinkExpired);
  assert.equal(problemWords({ status: 0, kind: "", detail: "" }, "es", tEs), es.errorNetwork);
  assert.equal(problemWords({ status: 500, kind: "internal", detail: "x" }, "en", tEn), en.problemServer);
});

test("a limit is worded with how long it lasts, from Retry-After", () => {
  const tooMany = (retryAfter) => ({ status: 429, kind: "too-many-requests", code: "too-many-requests", detail: "x", retryAfter });
  assert.equal(problemWords(tooMany(1800), "en", tEn),
    "There have been too many requests like this one. Try again in 30 minutes, or call us.");
  assert.equal(problemWords(tooMany(20 * 3600 + 5), "en", tEn),
    "There have been too many requests like this one. Try again in 21 hours, or call us.");
  assert.equal(problemWords(tooMany(30), "es", tEs),
    "Hemos recibido demasiadas solicitudes como esta. Inténtelo de nuevo en 1 minuto, o llámenos.");
  const locked = { status: 429, kind: "sign-in-locked", code: "password-attempts-locked", detail: "x", retryAfter: 600 };
  assert.equal(problemWords(locked, "en", tEn), "Too many wrong passwords. Try again in 10 minutes, or reset your password.");
  assert.equal(waitWords(90 * 60, tEn), "90 minutes");
  assert.equal(waitWords(90 * 60 + 1, tEn), "2 hours");
  assert.equal(waitWords(undefined, tEs), "60 minutos");
});

test("an unknown problem shows the server's detail in English, and a Spanish sentence of the portal's own", () => {
  const unknown = problem({ code: "some-new-refusal" });
  assert.equal(problemWords(unknown, "en", tEn), "the server's English");
  assert.equal(problemWords(unknown, "es", tEs), es.problemInvalid);
  assert.equal(problemWords({ status: 404, kind: "not-found", detail: "no bill 9" }, "es", tEs), es.problemNotFound);
  assert.equal(problemWords({ status: 409, kind: "conflict", detail: "already" }, "es", tEs), es.problemConflict);
});

test("a refused payment is said in the portal's words in both languages, not the processor's", () => {
  for (const detail of ["the card was declined", "insufficient funds", "the bank account failed validation"]) {
    const declined = { status: 402, kind: "payment-failed", detail };
    assert.equal(problemWords(declined, "en", tEn), en.problemPaymentFailed);
    assert.equal(problemWords(declined, "es", tEs), es.problemPaymentFailed);
  }
  // A 402 of another type, in English, still shows its detail (the portal does not know it).
  assert.equal(problemWords({ status: 402, kind: "something-new", detail: "a new refusal" }, "en", tEn), "a new refusal");
});

test("an arrangement's reason is worded by its code", () => {
  const closed = { reason: "the account is closed", reason_code: "account-closed" };
  assert.equal(arrangementReasonWords(closed, "es", tEs), es.problemAccountClosed);
  assert.equal(arrangementReasonWords({ reason: "a new reason" }, "en", tEn), "a new reason");
  assert.equal(arrangementReasonWords({ reason: "a new reason" }, "es", tEs), es.problemConflict);
});

// Every code the server gives (`.coded("...")`, and the arrangement reasons' codes) has words
// in the portal, so no customer reads the server's English in a Spanish page for a known refusal.
// (The staff side's codes are the console's to word: src/staff is left out.)
function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "staff" ? [] : sources(path);
    return name.endsWith(".cc") && !name.endsWith("_test.cc") ? [path] : [];
  });
}

test("every code the server names is worded in the portal", () => {
  const server = new Set();
  for (const file of sources(new URL("../../src", import.meta.url).pathname)) {
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/\.coded\("([a-z-]+)"\)/g)) server.add(m[1]);
    for (const m of text.matchAll(/\.coded\(number \? "([a-z-]+)" : "([a-z-]+)"\)/g)) {
      server.add(m[1]);
      server.add(m[2]);
    }
    if (file.endsWith("arrangement_rules.cc")) {
      for (const m of text.matchAll(/"([a-z]+(?:-[a-z]+)+)"\}/g)) server.add(m[1]);
    }
  }
  assert.ok(server.size >= 35, `found only ${server.size} codes in the server's sources`);
  for (const code of server) assert.ok(code in PROBLEM_CODES, `the server's code "${code}" has no words in the portal`);
  // And the portal words no code the server no longer gives.
  for (const code of Object.keys(PROBLEM_CODES)) assert.ok(server.has(code), `"${code}" is not given by the server`);
});
