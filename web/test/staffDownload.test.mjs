// Files the staff console downloads (src/staff/download.ts), and the audit trail's CSV asked for by
// its HTTP client (src/staff/api.ts) with a stand-in for fetch.
import { test, beforeEach } from "node:test";
import assert from "node:assert/strict";

import { AUDIT_CSV_FILENAME, downloadProblem, filenameFrom } from "../.test-build/staff/download.js";
import { ApiError, downloadAuditCsv, reauthenticate, setCsrfToken } from "../.test-build/staff/api.js";

const FALLBACK = "audit-trail.csv";

test("the file is saved under the name the server gives", () => {
  assert.equal(AUDIT_CSV_FILENAME, FALLBACK);
  assert.equal(filenameFrom('attachment; filename="audit-trail-2026-12-06.csv"', FALLBACK), "audit-trail-2026-12-06.csv");
  assert.equal(filenameFrom("attachment; filename=audit-trail-2026-12-06.csv", FALLBACK), "audit-trail-2026-12-06.csv");
  assert.equal(filenameFrom('ATTACHMENT;FILENAME = "a b.csv" ; size=12', FALLBACK), "a b.csv");
  assert.equal(filenameFrom('attachment; filename="say \\"hi\\".csv"', FALLBACK), 'say "hi".csv');
  assert.equal(filenameFrom('attachment; name="x"; filename="a;b.csv"', FALLBACK), "a;b.csv", "a ; inside quotes");
});

test("filename* (RFC 8187) is preferred to filename", () => {
  assert.equal(filenameFrom("attachment; filename=\"rates.csv\"; filename*=UTF-8''%E2%82%AC%20rates.csv", FALLBACK), "€ rates.csv");
  assert.equal(filenameFrom("attachment; filename*=utf-8'en'caf%C3%A9.csv", FALLBACK), "café.csv");
  assert.equal(filenameFrom("attachment; filename*=ISO-8859-1''caf%E9.csv", FALLBACK), "café.csv");
  // One it cannot read (a bad escape, a charset it does not know) leaves the plain name.
  assert.equal(filenameFrom("attachment; filename*=UTF-8''%E2%82.csv; filename=plain.csv", FALLBACK), "plain.csv");
  assert.equal(filenameFrom("attachment; filename*=KOI8-R''%C1.csv; filename=plain.csv", FALLBACK), "plain.csv");
  assert.equal(filenameFrom("attachment; filename*=no-quotes.csv", FALLBACK), FALLBACK);
});

test("without a usable name, the fallback", () => {
  assert.equal(filenameFrom(null, FALLBACK), FALLBACK);
  assert.equal(filenameFrom("", FALLBACK), FALLBACK);
  assert.equal(filenameFrom("attachment", FALLBACK), FALLBACK);
  assert.equal(filenameFrom("inline; size=3", FALLBACK), FALLBACK);
  assert.equal(filenameFrom('attachment; filename=""', FALLBACK), FALLBACK);
  assert.equal(filenameFrom('attachment; filename=" \t "', FALLBACK), FALLBACK);
  assert.equal(filenameFrom('attachment; filename=".."', FALLBACK), FALLBACK);
});

test("only the name is kept, never a folder or a control character", () => {
  assert.equal(filenameFrom('attachment; filename="../../etc/passwd"', FALLBACK), "passwd");
  assert.equal(filenameFrom('attachment; filename="C:\\\\Users\\\\ana\\\\audit.csv"', FALLBACK), "audit.csv");
  assert.equal(filenameFrom("attachment; filename*=UTF-8''..%2F..%2Faudit.csv", FALLBACK), "audit.csv");
  assert.equal(filenameFrom("attachment; filename*=UTF-8''a%0Ab%00.csv", FALLBACK), "ab.csv");
  assert.equal(filenameFrom('attachment; filename="folder/"', FALLBACK), FALLBACK);
});

const P = "https://ratepayer.example/problems/";
const problem = (status, slug) => new ApiError({ type: `${P}${slug}`, title: slug, status, detail: `detail of ${slug}` });

test("a refused download: confirm it is you, sign in again, or the alert", () => {
  assert.equal(downloadProblem(problem(403, "reauthentication-required")), "confirm");
  assert.equal(downloadProblem(problem(403, "permission-required")), "alert");
  assert.equal(downloadProblem(problem(401, "sign-in-required")), "sign-in");
  assert.equal(downloadProblem(problem(422, "invalid-input")), "alert");
  assert.equal(downloadProblem(problem(0, "network")), "alert");
  assert.equal(downloadProblem(problem(500, "internal")), "alert");
});

// ---- the HTTP client ----

let asked = [];
let answer;
beforeEach(() => {
  asked = [];
  answer = () => new Response(null, { status: 204 });
  setCsrfToken("");
  globalThis.fetch = async (path, init) => {
    asked.push({ path, ...init });
    return answer();
  };
});

const EMPTY = { account: "", staff: "", action: "", from: "", to: "" };
const csv = (headers) => () => new Response("id,at\n1,2026-12-06T10:00:00Z\n", { status: 200, headers });

test("the CSV is asked for with the session cookie and the filters; a GET sends no CSRF token", async () => {
  setCsrfToken("csrf-1");
  answer = csv({ "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="audit-trail-2026-12-06.csv"' });
  const file = await downloadAuditCsv({ ...EMPTY, account: "100000017", action: "payment." });
  const [get] = asked;
  assert.equal(get.path, "/api/v1/staff/audit.csv?account=100000017&action=payment.");
  assert.equal(get.method, "GET");
  assert.equal(get.credentials, "same-origin");
  assert.equal(get.body, undefined);
  assert.equal(get.headers["X-CSRF-Token"], undefined);
  assert.equal(get.headers.Authorization, undefined);
  assert.match(get.headers.Accept, /text\/csv/);
  assert.equal(file.filename, "audit-trail-2026-12-06.csv");
  assert.equal(await file.blob.text(), "id,at\n1,2026-12-06T10:00:00Z\n");
  assert.match(file.blob.type, /^text\/csv/);
});

test("a CSV the server does not name is audit-trail.csv", async () => {
  answer = csv({ "Content-Type": "text/csv" });
  const file = await downloadAuditCsv(EMPTY);
  assert.equal(asked[0].path, "/api/v1/staff/audit.csv");
  assert.equal(file.filename, "audit-trail.csv");
});

test("a refused CSV is an ApiError: confirm it is you first, or not allowed", async () => {
  const refusal = (slug, detail) => () =>
    new Response(JSON.stringify({ type: `${P}${slug}`, title: "Forbidden", status: 403, detail, code: slug }), {
      status: 403,
      headers: { "Content-Type": "application/problem+json" },
    });
  answer = refusal(
    "reauthentication-required",
    "'audit.export' needs your password and a code from the last 5 minutes: send them to POST /api/v1/staff/auth/reauthenticate, then ask again",
  );
  await assert.rejects(downloadAuditCsv(EMPTY), (e) => {
    assert.ok(e instanceof ApiError);
    assert.equal(e.kind, "reauthentication-required");
    assert.equal(downloadProblem(e), "confirm");
    return true;
  });
  answer = refusal("permission-required", "This needs the permission audit.export.");
  await assert.rejects(downloadAuditCsv(EMPTY), (e) => downloadProblem(e) === "alert" && e.detail === "This needs the permission audit.export.");
  globalThis.fetch = async () => {
    throw new TypeError("Failed to fetch");
  };
  await assert.rejects(downloadAuditCsv(EMPTY), (e) => e.status === 0 && /Could not reach the server/.test(e.detail));
});

test("confirming it is you posts the password and code with the session's CSRF token", async () => {
  setCsrfToken("csrf-2");
  assert.equal(await reauthenticate("correct horse battery", "123456"), undefined);
  const [post] = asked;
  assert.equal(post.path, "/api/v1/staff/auth/reauthenticate");
  assert.equal(post.method, "POST");
  assert.equal(post.credentials, "same-origin");
  assert.equal(post.headers["X-CSRF-Token"], "csrf-2");
  assert.equal(post.headers["Content-Type"], "application/json");
  assert.deepEqual(JSON.parse(post.body), { password: "correct horse battery", code: "123456" });
  answer = () =>
    new Response(
      JSON.stringify({ type: `${P}invalid-input`, title: "Invalid input", status: 422, detail: "that is not your password", field: "password", code: "password-wrong" }),
      { status: 422, headers: { "Content-Type": "application/problem+json" } },
    );
  await assert.rejects(reauthenticate("not it", "123456"), (e) => e.status === 422 && e.field === "password" && e.code === "password-wrong");
});
