// The signed-in customer the server writes into the portal's page (src/portal/pageData.ts).
import { test } from "node:test";
import assert from "node:assert/strict";
import { meFromPageData } from "../.test-build/portal/pageData.js";

const me = {
  email: "ana@example.com",
  language: "es",
  csrf_token: "c5rf",
  mfa_enabled: false,
  accounts: [{ number: "100000017", name: "Ana Ruiz", service_address: "1204 Elm St" }],
};

test("the customer is read from the page data", () => {
  assert.deepEqual(meFromPageData(JSON.stringify({ me })), me);
});

test("text the server escaped for the script element reads back unchanged", () => {
  const named = { ...me, accounts: [{ ...me.accounts[0], name: "</script><b>" }] };
  const escaped = JSON.stringify({ me: named }).replaceAll("<", "\\u003c");
  assert.ok(!escaped.includes("<"));
  assert.equal(meFromPageData(escaped).accounts[0].name, "</script><b>");
});

test("absent, malformed or incomplete page data means: ask the server", () => {
  assert.equal(meFromPageData(null), null);
  assert.equal(meFromPageData(""), null);
  assert.equal(meFromPageData("{not json"), null);
  assert.equal(meFromPageData("null"), null);
  assert.equal(meFromPageData(JSON.stringify({})), null);
  assert.equal(meFromPageData(JSON.stringify({ me: { email: "a@b" } })), null);
  assert.equal(meFromPageData(JSON.stringify({ me: { ...me, accounts: "none" } })), null);
});
