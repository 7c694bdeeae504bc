// The staff console's hash routes (src/staff/route.ts).
import { test } from "node:test";
import assert from "node:assert/strict";

import { NO_AUDIT_FILTERS, accountHash, auditHash, auditParams, parseAuditFilters, parseRoute } from "../.test-build/staff/route.js";

test("no hash, #/ and anything unknown find an account", () => {
  for (const hash of ["", "#", "#/", "#/nowhere", "#/accounts/", "#/accounts/1/2", "#/enrol/", "#/enrol"]) {
    assert.deepEqual(parseRoute(hash), { page: "search" }, hash);
  }
});

test("an account's page takes its number, decoded", () => {
  assert.deepEqual(parseRoute("#/accounts/100000017"), { page: "account", number: "100000017" });
  assert.deepEqual(parseRoute("#/accounts/100000017/"), { page: "account", number: "100000017" });
  assert.deepEqual(parseRoute("#/accounts/A%2F7"), { page: "account", number: "A/7" });
  assert.equal(accountHash("A/7"), "#/accounts/A%2F7");
  assert.deepEqual(parseRoute(accountHash("100 017")), { page: "account", number: "100 017" });
});

test("the enrolment link carries its token", () => {
  assert.deepEqual(parseRoute("#/enrol/Qm9vLXRva2VuLTEyMw"), { page: "enrol", token: "Qm9vLXRva2VuLTEyMw" });
  assert.deepEqual(parseRoute("#/enrol/a%2Bb_c-d"), { page: "enrol", token: "a+b_c-d" });
  assert.deepEqual(parseRoute("#/enrol/abc/"), { page: "enrol", token: "abc" });
  assert.deepEqual(parseRoute("#/enrol/abc/extra"), { page: "search" });
});

test("the audit trail keeps its filters in the address", () => {
  assert.deepEqual(parseRoute("#/audit"), { page: "audit", filters: NO_AUDIT_FILTERS });
  assert.deepEqual(parseRoute("#/audit/"), { page: "audit", filters: NO_AUDIT_FILTERS });
  assert.deepEqual(parseRoute("#/audit?"), { page: "audit", filters: NO_AUDIT_FILTERS });
  assert.deepEqual(parseRoute("#/audit?account=100000017&staff=ana@utility.example"), {
    page: "audit",
    filters: { account: "100000017", staff: "ana@utility.example", action: "", from: "", to: "" },
  });
  assert.deepEqual(parseRoute("#/audit/?action=payment.&from=2026-12-01&to=2026-12-06").filters, {
    account: "",
    staff: "",
    action: "payment.",
    from: "2026-12-01",
    to: "2026-12-06",
  });
  for (const hash of ["#/audits", "#/audit/x", "#/auditx?account=1"]) {
    assert.deepEqual(parseRoute(hash), { page: "search" }, hash);
  }
});

test("audit filters are decoded and trimmed; unknown ones and the API's paging are ignored", () => {
  assert.deepEqual(parseAuditFilters("staff=ana%2Bbilling%40utility.example&account=+100000017+"), {
    ...NO_AUDIT_FILTERS,
    staff: "ana+billing@utility.example",
    account: "100000017",
  });
  assert.deepEqual(parseAuditFilters("before=12&limit=5&q=x"), NO_AUDIT_FILTERS);
  // A malformed escape does not stop the page: the server says what is wrong with the filter.
  assert.equal(parseRoute("#/audit?account=%E0%A4%A&to=2026-12-06").page, "audit");
  assert.equal(parseAuditFilters("account=%E0%A4%A&to=2026-12-06").to, "2026-12-06");
  assert.deepEqual(parseAuditFilters(""), NO_AUDIT_FILTERS);
});

test("the audit trail's address holds the filters that are set, in the form's order, and reads back the same", () => {
  assert.equal(auditHash(), "#/audit");
  assert.equal(auditHash(NO_AUDIT_FILTERS), "#/audit");
  assert.equal(auditHash({ ...NO_AUDIT_FILTERS, account: "  " }), "#/audit");
  const filters = { account: "100000017", staff: "ana+x@utility.example", action: "account.read", from: "2026-12-01", to: "2026-12-06" };
  const hash = auditHash({ ...filters, to: "2026-12-06 " });
  assert.equal(hash, "#/audit?account=100000017&staff=ana%2Bx%40utility.example&action=account.read&from=2026-12-01&to=2026-12-06");
  assert.deepEqual(parseRoute(hash), { page: "audit", filters });
  assert.equal(auditParams({ ...NO_AUDIT_FILTERS, to: "2026-12-06", staff: "ana@utility.example" }).toString(), "staff=ana%40utility.example&to=2026-12-06");
});

test("a malformed escape is not a page", () => {
  assert.deepEqual(parseRoute("#/accounts/%E0%A4%A"), { page: "search" });
  assert.deepEqual(parseRoute("#/enrol/%"), { page: "search" });
});
