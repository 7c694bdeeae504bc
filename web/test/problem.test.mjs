// Reading problem+json answers (src/portal/problem.ts).
import { test } from "node:test";
import assert from "node:assert/strict";
import { ApiError, fieldErrorsOf, problemFrom } from "../.test-build/portal/problem.js";

test("the detail is what the customer reads", () => {
  const e = problemFrom(422, "Unprocessable", { type: "https://ratepayer.example/problems/invalid-input", title: "Invalid input", status: 422, detail: "zip \"9747\" is not a ZIP code", field: "zip" }, null);
  assert.ok(e instanceof ApiError);
  assert.equal(e.detail, "zip \"9747\" is not a ZIP code");
  assert.equal(e.status, 422);
  assert.deepEqual(e.fieldErrors, { zip: "zip \"9747\" is not a ZIP code" });
  assert.equal(e.kind, "invalid-input");
});

test("the MFA step is recognised by the type's last segment", () => {
  const e = problemFrom(401, "Unauthorized", { type: "https://ratepayer.example/problems/mfa-required", title: "Code needed", status: 401 }, null);
  assert.equal(e.kind, "mfa-required");
  assert.equal(e.detail, "Code needed");
});

test("validation errors in several shapes become field -> message", () => {
  assert.deepEqual(fieldErrorsOf({ errors: [{ field: "email", detail: "bad email" }, { pointer: "/zip", message: "bad zip" }] }, "d"), { email: "bad email", zip: "bad zip" });
  assert.deepEqual(fieldErrorsOf({ errors: { street: ["no such street"], zip: "wrong" } }, "d"), { street: "no such street", zip: "wrong" });
  assert.deepEqual(fieldErrorsOf({ errors: [{ name: "password" }] }, "too common"), { password: "too common" });
  assert.deepEqual(fieldErrorsOf({}, "d"), {});
});

test("a refused payment carries its confirmation; a lockout its Retry-After", () => {
  const declined = problemFrom(402, "Payment Required", { type: ".../payment-failed", title: "Payment failed", status: 402, detail: "card declined", confirmation: "P000000031" }, null);
  assert.equal(declined.confirmation, "P000000031");
  const locked = problemFrom(429, "Too Many Requests", { detail: "Try again in 15 minutes." }, "900");
  assert.equal(locked.retryAfter, 900);
  assert.equal(problemFrom(429, "", {}, "soon").retryAfter, undefined);
});

test("an answer that is not problem+json still says what happened", () => {
  const e = problemFrom(502, "Bad Gateway", null, null);
  assert.equal(e.detail, "Request failed (HTTP 502 Bad Gateway).");
  assert.equal(e.type, "about:blank");
});
