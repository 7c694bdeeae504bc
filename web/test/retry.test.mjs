// Sending a request again when the server is too busy (src/shared/retry.ts; src/portal/api.ts, busy.ts; src/staff/api.ts).
import { test } from "node:test";
import assert from "node:assert/strict";
import { OVERLOAD_RETRIES, isOverloaded, retryDelayMs } from "../.test-build/shared/retry.js";
import { request as staffRequest } from "../.test-build/staff/api.js";
import { post } from "../.test-build/portal/api.js";
import { isBusy, onBusyChange } from "../.test-build/portal/busy.js";

const OVERLOADED = "https://ratepayer.dev/problems/overloaded";

test("only a 503 'overloaded' is sent again", () => {
  assert.equal(isOverloaded(503, OVERLOADED), true);
  assert.equal(isOverloaded(503, "https://ratepayer.dev/problems/unavailable"), false);
  assert.equal(isOverloaded(429, OVERLOADED), false);
  assert.equal(isOverloaded(503, undefined), false);
});

test("the wait doubles, is never shorter than Retry-After, and is spread by jitter", () => {
  assert.equal(retryDelayMs(1, undefined, 0.5), 1000);
  assert.equal(retryDelayMs(2, 1, 0.5), 2000);
  assert.equal(retryDelayMs(4, 1, 0.5), 8000);
  assert.equal(retryDelayMs(1, 5, 0.5), 5000);
  assert.equal(retryDelayMs(1, undefined, 0), 800);
  assert.equal(retryDelayMs(1, undefined, 0.999999), 1200);
});

function answer(status, body, headers = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": status >= 400 ? "application/problem+json" : "application/json", ...headers },
  });
}

test("a payment refused as overloaded is sent again, the same request, and the page says it waits", async () => {
  const sent = [];
  const busy = [];
  const stop = onBusyChange((b) => busy.push(b));
  globalThis.fetch = async (path, init) => {
    sent.push({ path, body: init.body, key: init.headers["Idempotency-Key"] });
    if (sent.length === 1) return answer(503, { type: OVERLOADED, title: "Too busy", status: 503 }, { "Retry-After": "0" });
    return answer(201, { confirmation: "P-1" });
  };
  try {
    const paid = await post("/api/v1/accounts/1/payments", { amount: "10.00" }, { "Idempotency-Key": "k-1" });
    assert.deepEqual(paid, { confirmation: "P-1" });
  } finally {
    stop();
  }
  assert.equal(sent.length, 2);
  assert.equal(sent[1].body, sent[0].body);
  assert.equal(sent[1].key, "k-1", "the same Idempotency-Key, so it is never paid twice");
  assert.deepEqual(busy, [true, false]);
  assert.equal(isBusy(), false);
});

test("other failures are not sent again", async () => {
  let calls = 0;
  globalThis.fetch = async () => {
    calls += 1;
    return answer(503, { type: "https://ratepayer.dev/problems/unavailable", title: "x", status: 503 }, { "Retry-After": "1" });
  };
  await assert.rejects(() => post("/api/v1/accounts/1/payments", {}), (e) => e.status === 503);
  assert.equal(calls, 1);
  assert.ok(OVERLOAD_RETRIES >= 3);
});

test("the console sends a refused write again too, the same request", async () => {
  const sent = [];
  globalThis.fetch = async (path, init) => {
    sent.push({ path, body: init.body, key: init.headers["Idempotency-Key"] });
    if (sent.length === 1) return answer(503, { type: OVERLOADED, title: "Too busy", status: 503 }, { "Retry-After": "0" });
    return answer(200, { moved: true });
  };
  const moved = await staffRequest("POST", "/api/v1/staff/payments/P-1/move", { to_account: "1" }, undefined, {
    "Idempotency-Key": "move-1",
  });
  assert.deepEqual(moved, { moved: true });
  assert.equal(sent.length, 2);
  assert.equal(sent[1].body, sent[0].body);
  assert.equal(sent[1].key, "move-1");
  // Anything else the console is told at once.
  sent.length = 0;
  globalThis.fetch = async (path, init) => {
    sent.push({ path, body: init.body });
    return answer(503, { type: "https://ratepayer.dev/problems/unavailable", title: "x", status: 503 });
  };
  await assert.rejects(() => staffRequest("POST", "/api/v1/staff/payments/P-1/move", {}), (e) => e.status === 503);
  assert.equal(sent.length, 1);
});

