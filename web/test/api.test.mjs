// The portal's HTTP client (src/portal/api.ts): answers started early.
import { test, beforeEach } from "node:test";
import assert from "node:assert/strict";
import { get, setCsrfToken, startEarly } from "../.test-build/portal/api.js";

// A fetch that records what was asked and answers each path with a numbered JSON body.
let asked = [];
beforeEach(() => {
  asked = [];
  setCsrfToken("");
  globalThis.fetch = async (path, init) => {
    asked.push({ path, headers: init.headers });
    return new Response(JSON.stringify({ path, n: asked.length }), {
      status: 200,
      headers: { "Content-Type": "application/json" },
    });
  };
});

test("a GET started early is answered once, to the page's own ask of that path", async () => {
  startEarly(() => {
    void get("/api/v1/accounts/1/usage/to-date");
  });
  assert.equal(asked.length, 1);
  const first = await get("/api/v1/accounts/1/usage/to-date");
  assert.deepEqual(first, { path: "/api/v1/accounts/1/usage/to-date", n: 1 });
  assert.equal(asked.length, 1, "the page's ask took the early answer");
  const again = await get("/api/v1/accounts/1/usage/to-date");
  assert.equal(again.n, 2, "a later ask goes to the server");
  assert.equal(asked.length, 2);
});

test("an early answer not taken within 10 seconds is left, and the page asks again", async () => {
  const realNow = Date.now;
  let clock = 1_000_000;
  Date.now = () => clock;
  try {
    startEarly(() => {
      void get("/api/v1/accounts/1/dashboard");
    });
    clock += 10_001;
    const late = await get("/api/v1/accounts/1/dashboard");
    assert.equal(late.n, 2, "asked again: the early answer may be out of date");
    assert.equal(asked.length, 2);
  } finally {
    Date.now = realNow;
  }
});

test("an early answer is only for its own path", async () => {
  startEarly(() => {
    void get("/api/v1/accounts/1/bills/7");
  });
  const other = await get("/api/v1/accounts/1/bills/8");
  assert.equal(other.path, "/api/v1/accounts/1/bills/8");
  assert.equal(asked.length, 2);
});

test("an early failure reaches the page that takes it", async () => {
  globalThis.fetch = async () =>
    new Response(JSON.stringify({ title: "Not found", detail: "no bill 9" }), {
      status: 404,
      headers: { "Content-Type": "application/problem+json" },
    });
  startEarly(() => {
    void get("/api/v1/accounts/1/bills/9");
  });
  await assert.rejects(get("/api/v1/accounts/1/bills/9"), (e) => e.status === 404);
});

test("an answer started early in one session is not taken in the next", async () => {
  // Signed in, the dashboard's answer was started early; then the session ended (signed out, or
  // the server answered 401) before the page took it, and the customer signed in again.
  setCsrfToken("session-one");
  startEarly(() => {
    void get("/api/v1/accounts/1/dashboard");
  });
  setCsrfToken("");
  setCsrfToken("session-two");
  const fresh = await get("/api/v1/accounts/1/dashboard");
  assert.equal(fresh.n, 2, "asked again in the new session");
  assert.equal(asked.length, 2);
});

test("an answer started early stays for its own session's page", async () => {
  setCsrfToken("session-one");
  startEarly(() => {
    void get("/api/v1/accounts/1/usage/to-date");
  });
  setCsrfToken("session-one"); // the same session's Me again (a language change, an account added)
  const taken = await get("/api/v1/accounts/1/usage/to-date");
  assert.equal(taken.n, 1);
  assert.equal(asked.length, 1);
});
