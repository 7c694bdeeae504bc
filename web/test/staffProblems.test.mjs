// Where the staff console shows a problem answer (src/staff/problems.ts), read by its HTTP client
// (src/staff/api.ts) with a stand-in for fetch.
import { test, beforeEach } from "node:test";
import assert from "node:assert/strict";

import { consoleProblem, enrolProblem, needsReauthentication, signInProblem } from "../.test-build/staff/problems.js";
import { ApiError, getAccount, setCsrfToken, signIn, signOut } from "../.test-build/staff/api.js";

const P = "https://ratepayer.example/problems/";
const problem = (status, slug, extra = {}) =>
  new ApiError({ type: `${P}${slug}`, title: slug, status, detail: `detail of ${slug}`, ...extra });

test("a 401 from the console's calls means the session ended; a 403 stays signed in", () => {
  assert.equal(consoleProblem(problem(401, "sign-in-required")), "sign-in");
  assert.equal(consoleProblem(new ApiError({ type: "about:blank", title: "", status: 401, detail: "" })), "sign-in");
  assert.equal(consoleProblem(problem(403, "permission-required", { detail: "This needs the permission accounts.read." })), "alert");
  assert.equal(consoleProblem(problem(404, "not-found")), "alert");
  assert.equal(consoleProblem(problem(0, "network")), "alert");
});

test("signing in: a missing or wrong code goes to the code field, the rest to the alert", () => {
  assert.equal(signInProblem(problem(401, "mfa-required", { field: "code" })), "code");
  assert.equal(signInProblem(problem(401, "sign-in-failed")), "alert");
  assert.equal(signInProblem(problem(429, "sign-in-locked")), "alert");
  assert.equal(signInProblem(problem(500, "internal")), "alert");
});

test("enrolment: a dead link, the password's rules, a wrong code", () => {
  assert.equal(enrolProblem(problem(410, "link-expired", { field: "token" })), "expired");
  assert.equal(enrolProblem(problem(410, "gone")), "expired");
  assert.equal(enrolProblem(problem(422, "invalid-input", { field: "password", detail: "Use at least 12 characters." })), "password");
  assert.equal(enrolProblem(problem(422, "invalid-input", { field: "code", code: "mfa-code-wrong" })), "code");
  assert.equal(enrolProblem(problem(422, "mfa-code-wrong")), "code");
  assert.equal(enrolProblem(problem(422, "invalid-input", { field: "email" })), "alert");
  assert.equal(enrolProblem(problem(500, "internal")), "alert");
});

test("a sensitive action may ask to sign in again first", () => {
  assert.ok(needsReauthentication(problem(403, "reauthentication-required")));
  assert.ok(!needsReauthentication(problem(403, "permission-required")));
});

// ---- the HTTP client ----

const json = (body) => new Response(JSON.stringify(body), { status: 200, headers: { "Content-Type": "application/json" } });
let asked = [];
let answer;
beforeEach(() => {
  asked = [];
  answer = () => json({ ok: true });
  setCsrfToken("");
  globalThis.fetch = async (path, init) => {
    asked.push({ path, ...init });
    return answer();
  };
});

test("requests carry the cookie, never an Authorization header; only non-GETs send the CSRF token", async () => {
  setCsrfToken("csrf-1");
  await getAccount("100000017");
  await signIn("ana@utility.example", "pw", "123456");
  const [get, post] = asked;
  assert.equal(get.path, "/api/v1/staff/accounts/100000017");
  assert.equal(get.credentials, "same-origin");
  assert.equal(get.method, "GET");
  assert.equal(get.headers.Authorization, undefined);
  assert.equal(get.headers["X-CSRF-Token"], undefined);
  assert.equal(post.path, "/api/v1/staff/auth/login");
  assert.equal(post.credentials, "same-origin");
  assert.equal(post.headers["X-CSRF-Token"], "csrf-1");
  assert.equal(post.headers["Content-Type"], "application/json");
  assert.deepEqual(JSON.parse(post.body), { email: "ana@utility.example", password: "pw", code: "123456" });
});

test("signed out, a POST has no CSRF header; a 204 is undefined", async () => {
  answer = () => new Response(null, { status: 204 });
  assert.equal(await signOut(), undefined);
  assert.equal(asked[0].headers["X-CSRF-Token"], undefined);
  assert.equal(asked[0].method, "POST");
});

test("a problem answer becomes an ApiError with its kind, field and code", async () => {
  answer = () =>
    new Response(JSON.stringify({ type: `${P}mfa-required`, title: "Code needed", status: 401, detail: "Type the code from your app.", field: "code" }), {
      status: 401,
      headers: { "Content-Type": "application/problem+json" },
    });
  await assert.rejects(signIn("ana@utility.example", "pw", ""), (e) => {
    assert.ok(e instanceof ApiError);
    assert.equal(e.kind, "mfa-required");
    assert.equal(e.field, "code");
    assert.equal(e.detail, "Type the code from your app.");
    assert.equal(signInProblem(e), "code");
    return true;
  });
  answer = () => new Response("oops", { status: 502, statusText: "Bad Gateway" });
  await assert.rejects(getAccount("1"), (e) => e.status === 502 && e.detail === "Request failed (HTTP 502 Bad Gateway)." && e.kind === "about:blank");
  globalThis.fetch = async () => {
    throw new TypeError("Failed to fetch");
  };
  await assert.rejects(getAccount("1"), (e) => e.status === 0 && /Could not reach the server/.test(e.detail));
});
