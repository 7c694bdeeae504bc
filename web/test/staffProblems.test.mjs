// Where the staff console shows a problem answer (src/staff/problems.ts), read by its HTTP client
// (src/staff/api.ts) with a stand-in for fetch.
import { test, beforeEach } from "node:test";
import assert from "node:assert/strict";

import { consoleProblem, enrolProblem, needsReauthentication, reauthProblem, signInProblem } from "../.test-build/staff/problems.js";
import { ApiError, auditCsvUrl, getAccount, getAudit, setCsrfToken, signIn, signOut } from "../.test-build/staff/api.js";

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
  assert.ok(!needsReauthentication(problem(401, "reauthentication-required")));
});

test("confirming it is you: a wrong password or code at its field; a 401 ends the session; the rest is the alert", () => {
  const wrong = (field, code) => problem(422, "invalid-input", { field, code, detail: `wrong ${field}` });
  assert.equal(reauthProblem(wrong("password", "password-wrong")), "password");
  assert.equal(reauthProblem(wrong("code", "mfa-code-wrong")), "code");
  assert.equal(reauthProblem(problem(422, "invalid-input", { field: "password" })), "password", "missing");
  assert.equal(reauthProblem(problem(422, "mfa-code-wrong")), "code");
  assert.equal(reauthProblem(problem(401, "mfa-required", { field: "code" })), "code");
  assert.equal(reauthProblem(problem(401, "sign-in-required")), "sign-in");
  assert.equal(reauthProblem(problem(429, "sign-in-locked", { code: "sign-in-locked" })), "alert");
  assert.equal(reauthProblem(problem(403, "csrf-token-invalid")), "alert");
  assert.equal(reauthProblem(problem(0, "network")), "alert");
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

test("a bad filter's invalid-params are kept with the problem; malformed entries are dropped", async () => {
  answer = () =>
    new Response(
      JSON.stringify({
        type: `${P}invalid-input`,
        title: "Invalid filter",
        status: 400,
        detail: "The filters are not valid.",
        "invalid-params": [{ name: "from", reason: "Not a date (YYYY-MM-DD)." }, { name: 7 }, "account", { name: "limit", reason: "1 to 200." }],
      }),
      { status: 400, headers: { "Content-Type": "application/problem+json" } },
    );
  const empty = { account: "", staff: "", action: "", from: "", to: "" };
  await assert.rejects(getAudit({ ...empty, from: "2026-13-01" }, null), (e) => {
    assert.ok(e instanceof ApiError);
    assert.equal(e.status, 400);
    assert.deepEqual(e.invalidParams, [
      { name: "from", reason: "Not a date (YYYY-MM-DD)." },
      { name: "limit", reason: "1 to 200." },
    ]);
    assert.deepEqual(new ApiError({ ...e, title: "Copied" }).invalidParams, e.invalidParams);
    return true;
  });
  answer = () =>
    new Response(JSON.stringify({ type: `${P}permission-required`, title: "Not allowed", status: 403, detail: "This needs the permission audit.read." }), {
      status: 403,
      headers: { "Content-Type": "application/problem+json" },
    });
  await assert.rejects(getAudit(empty, null), (e) => e.kind === "permission-required" && e.invalidParams === undefined && consoleProblem(e) === "alert");
});

test("the audit trail is asked with the filters that are set, a page at a time; the CSV with the filters alone", async () => {
  answer = () => json({ records: [], next_before: null });
  const empty = { account: "", staff: "", action: "", from: "", to: "" };
  assert.deepEqual(await getAudit(empty, null), { records: [], next_before: null });
  await getAudit({ ...empty, staff: "ana@utility.example", account: "100000017" }, 11);
  assert.equal(asked[0].path, "/api/v1/staff/audit?limit=50");
  assert.equal(asked[1].path, "/api/v1/staff/audit?account=100000017&staff=ana%40utility.example&before=11&limit=50");
  assert.equal(asked[1].method, "GET");
  assert.equal(asked[1].credentials, "same-origin");
  assert.equal(auditCsvUrl(empty), "/api/v1/staff/audit.csv");
  assert.equal(
    auditCsvUrl({ ...empty, action: "payment.", from: "2026-12-01", to: "2026-12-06" }),
    "/api/v1/staff/audit.csv?action=payment.&from=2026-12-01&to=2026-12-06",
  );
});
