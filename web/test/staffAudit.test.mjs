// The audit trail page's checks and words (src/staff/audit.ts).
import { test } from "node:test";
import assert from "node:assert/strict";

import { actorLines, auditProblem, auditStatus, checkAuditFilters, isIsoDate, targetLabel } from "../.test-build/staff/audit.js";
import { ApiError } from "../.test-build/staff/api.js";

const NONE = { account: "", staff: "", action: "", from: "", to: "" };

test("dates are real calendar days written YYYY-MM-DD", () => {
  assert.ok(isIsoDate("2026-12-06"));
  assert.ok(isIsoDate("2028-02-29"));
  assert.ok(!isIsoDate("2026-02-29"));
  assert.ok(!isIsoDate("2026-13-01"));
  assert.ok(!isIsoDate("2026-12-6"));
  assert.ok(!isIsoDate("12/06/2026"));
  assert.ok(!isIsoDate(""));
});

test("no filters, or good ones, are fine to send", () => {
  assert.deepEqual(checkAuditFilters(NONE), {});
  assert.deepEqual(
    checkAuditFilters({ account: "100000017", staff: "ana@utility.example", action: "payment.", from: "2026-12-01", to: "2026-12-01" }),
    {},
  );
});

test("the form names each filter it can tell is wrong", () => {
  const found = checkAuditFilters({ account: "1000-17", staff: "ana", action: "anything", from: "2026-02-30", to: "tomorrow" });
  assert.deepEqual(Object.keys(found).sort(), ["account", "from", "staff", "to"]);
  assert.match(found.account, /digits/);
  assert.match(found.staff, /email/);
  assert.match(found.from, /YYYY-MM-DD/);
  assert.equal(checkAuditFilters({ ...NONE, staff: "ana @utility.example" }).staff !== undefined, true);
  assert.equal(checkAuditFilters({ ...NONE, from: "2026-12-06", to: "2026-12-05" }).to, "The last day is before the first day.");
  assert.deepEqual(checkAuditFilters({ ...NONE, to: "2026-12-05" }), {}, "either end may be open");
});

const P = "https://ratepayer.example/problems/";

test("a bad filter the server names goes to its field; anything else to the alert", () => {
  const bad = (params) => new ApiError({ type: `${P}invalid-input`, title: "Invalid", status: 400, detail: "Bad filter.", invalidParams: params });
  assert.deepEqual(auditProblem(bad([{ name: "account", reason: "Digits only." }, { name: "to", reason: "Not a date." }])), {
    fields: { account: "Digits only.", to: "Not a date." },
    alert: false,
  });
  assert.deepEqual(auditProblem(bad([{ name: "limit", reason: "1 to 200." }, { name: "action", reason: "Unknown." }])), {
    fields: { action: "Unknown." },
    alert: true,
  });
  assert.deepEqual(auditProblem(bad(undefined)), { fields: {}, alert: true });
  // The server's own answer: 422 invalid-input naming one field.
  const unknown = new ApiError({ type: `${P}invalid-input`, title: "Invalid input", status: 422, detail: "no staff user has the email 'x@y.example'", field: "staff" });
  assert.deepEqual(auditProblem(unknown), { fields: { staff: "no staff user has the email 'x@y.example'" }, alert: false });
  const paging = new ApiError({ type: `${P}invalid-input`, title: "Invalid input", status: 422, detail: "limit is 1 to 200", field: "limit" });
  assert.deepEqual(auditProblem(paging), { fields: {}, alert: true });
  const forbidden = new ApiError({ type: `${P}permission-required`, title: "Not allowed", status: 403, detail: "This needs the permission audit.read." });
  assert.deepEqual(auditProblem(forbidden), { fields: {}, alert: true });
});

test("who: the name, with what the trail calls them; no name, the actor alone", () => {
  assert.deepEqual(actorLines({ actor: "staff:3", actor_name: "Ana Admin" }), { name: "Ana Admin", id: "staff:3" });
  assert.deepEqual(actorLines({ actor: "system:cli", actor_name: null }), { name: "system:cli", id: "" });
  assert.deepEqual(actorLines({ actor: "anonymous", actor_name: " " }), { name: "anonymous", id: "" });
  assert.deepEqual(actorLines({ actor: "api_key:2" }), { name: "api_key:2", id: "" });
});

test("the target in words, else as the trail names it, else a dash", () => {
  assert.equal(targetLabel({ target: "account:17", target_label: "account 100000017" }), "account 100000017");
  assert.equal(targetLabel({ target: "account:17", target_label: null }), "account:17");
  assert.equal(targetLabel({ target: null, target_label: null }), "—");
  assert.equal(targetLabel({}), "—");
});

test("the status line counts what is shown and says when there is more", () => {
  assert.equal(auditStatus({ loading: true, count: null, more: false }), "Loading records…");
  assert.equal(auditStatus({ loading: false, count: null, more: false }), "");
  assert.equal(auditStatus({ loading: false, count: 0, more: false }), "No records match.");
  assert.equal(auditStatus({ loading: false, count: 1, more: false }), "1 record shown.");
  assert.equal(auditStatus({ loading: false, count: 50, more: true }), "50 records shown; older records remain.");
  assert.equal(auditStatus({ loading: true, count: 50, more: true }), "50 records shown; loading older records…");
});
