// The statement of account (src/staff/statement.ts): the query the filters make (the same for the
// table, the CSV and the PDF), what the form refuses before asking, and a server's refusal said at
// its filter.
import { test } from "node:test";
import assert from "node:assert/strict";

import {
  ALL_ENTRIES,
  LEDGER_KINDS,
  checkStatementFilters,
  fetchStatement,
  statementFilterErrors,
  statementPath,
} from "../.test-build/staff/statement.js";
import { ApiError } from "../.test-build/staff/api.js";

test("all entries ask with no query; each filter that limits goes into the query of the table, the CSV and the PDF", () => {
  assert.equal(statementPath("100000017", ALL_ENTRIES), "/api/v1/staff/accounts/100000017/statement");
  const payments = { from: "2026-01-01", to: "2026-03-31", kind: "payment" };
  assert.equal(statementPath("100000017", payments), "/api/v1/staff/accounts/100000017/statement?from=2026-01-01&to=2026-03-31&kind=payment");
  assert.equal(statementPath("100000017", payments, ".csv"), "/api/v1/staff/accounts/100000017/statement.csv?from=2026-01-01&to=2026-03-31&kind=payment");
  assert.equal(statementPath("100000017", { ...ALL_ENTRIES, kind: "late_fee" }, ".pdf"), "/api/v1/staff/accounts/100000017/statement.pdf?kind=late_fee");
});

test("the kinds offered are the ledger's ten", () => {
  assert.deepEqual(
    [...LEDGER_KINDS].sort(),
    ["adjustment", "bill", "deposit", "fee", "late_fee", "opening_balance", "payment", "refund", "reversal", "transfer"],
  );
});

test("a To date before the From date is said at To before asking; empty dates are no limit", () => {
  assert.deepEqual(checkStatementFilters(ALL_ENTRIES), {});
  assert.deepEqual(checkStatementFilters({ from: "2026-03-01", to: "2026-03-01", kind: "" }), {});
  assert.deepEqual(Object.keys(checkStatementFilters({ from: "2026-03-02", to: "2026-03-01", kind: "" })), ["to"]);
  assert.deepEqual(Object.keys(checkStatementFilters({ from: "March", to: "", kind: "" })), ["from"]);
});

test("a 422 naming from, to or kind is said at that filter, as a sentence; any other failure is not", () => {
  const refused = (field, status = 422) =>
    new ApiError({ type: "https://ratepayer.dev/problems/invalid-input", title: "Invalid input", status, detail: `${field} is wrong`, field });
  assert.deepEqual(statementFilterErrors(refused("to")), { to: "To is wrong." });
  assert.deepEqual(statementFilterErrors(refused("kind")), { kind: "Kind is wrong." });
  assert.equal(statementFilterErrors(refused("account")), null);
  assert.equal(statementFilterErrors(refused("from", 500)), null);
});

test("the statement is asked for with the session cookie, the filters in the query", async () => {
  const asked = [];
  globalThis.fetch = async (path, init) => {
    asked.push({ path, ...init });
    return new Response(JSON.stringify({ lines: [], shows: "All entries" }), { status: 200, headers: { "Content-Type": "application/json" } });
  };
  const s = await fetchStatement("100000017", { from: "", to: "", kind: "payment" });
  assert.equal(s.shows, "All entries");
  assert.equal(asked[0].path, "/api/v1/staff/accounts/100000017/statement?kind=payment");
  assert.equal(asked[0].method, "GET");
  assert.equal(asked[0].credentials, "same-origin");
});
