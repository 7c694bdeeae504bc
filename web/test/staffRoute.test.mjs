// The staff console's hash routes (src/staff/route.ts).
import { test } from "node:test";
import assert from "node:assert/strict";

import { accountHash, parseRoute } from "../.test-build/staff/route.js";

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

test("a malformed escape is not a page", () => {
  assert.deepEqual(parseRoute("#/accounts/%E0%A4%A"), { page: "search" });
  assert.deepEqual(parseRoute("#/enrol/%"), { page: "search" });
});
