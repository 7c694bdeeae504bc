// Exactly-once payment attempts (src/portal/idempotency.ts).
import { test } from "node:test";
import assert from "node:assert/strict";
import { newIdempotencyKey, outcomeUnknown, PaymentAttempts } from "../.test-build/portal/idempotency.js";

// A predictable random source: each call fills with the next counter value.
function counter() {
  let n = 0;
  return (bytes) => {
    n += 1;
    bytes.fill(n);
    return bytes;
  };
}

test("a key is 128 random bits in hex", () => {
  assert.equal(newIdempotencyKey((b) => b.fill(0xab)), `portal-${"ab".repeat(16)}`);
  const real = new Set(Array.from({ length: 100 }, () => newIdempotencyKey()));
  assert.equal(real.size, 100);
  for (const k of real) assert.match(k, /^portal-[0-9a-f]{32}$/);
});

test("a retry after an unknown outcome reuses the key and the card token", () => {
  const attempts = new PaymentAttempts(counter());
  const first = attempts.current();
  first.token = "tok_visa_4242";
  attempts.failed(0); // network error: may have been charged
  assert.equal(attempts.retrying, true);
  const again = attempts.current();
  assert.equal(again.key, first.key);
  assert.equal(again.token, "tok_visa_4242");
  attempts.failed(503);
  assert.equal(attempts.current().key, first.key);
});

test("a definite answer ends the attempt: the next payment gets a new key", () => {
  for (const status of [402, 422, 404, 409]) {
    const attempts = new PaymentAttempts(counter());
    const first = attempts.current().key;
    attempts.failed(status);
    assert.equal(attempts.retrying, false, String(status));
    assert.notEqual(attempts.current().key, first, String(status));
  }
  const attempts = new PaymentAttempts(counter());
  const first = attempts.current().key;
  attempts.finish();
  assert.notEqual(attempts.current().key, first);
});

test("changing the amount or the method abandons the attempt", () => {
  const attempts = new PaymentAttempts(counter());
  const first = attempts.current();
  first.token = "tok";
  attempts.failed(0);
  attempts.abandon();
  const next = attempts.current();
  assert.notEqual(next.key, first.key);
  assert.equal(next.token, undefined);
});

test("which failures leave the outcome unknown", () => {
  for (const s of [0, 408, 429, 500, 502, 503, 504]) assert.equal(outcomeUnknown(s), true, String(s));
  for (const s of [400, 401, 402, 403, 404, 409, 410, 422]) assert.equal(outcomeUnknown(s), false, String(s));
});
