// Roles, the TOTP key and the QR code as the staff console shows them (src/staff/labels.ts).
import { test } from "node:test";
import assert from "node:assert/strict";

import { groupSecret, roleLabel, rolesLabel, svgDataUrl } from "../.test-build/staff/labels.js";

test("roles read as words", () => {
  assert.equal(roleLabel("billing_clerk"), "Billing clerk");
  assert.equal(roleLabel("cashier"), "Cashier");
  assert.equal(rolesLabel(["billing_clerk", "cashier"]), "Billing clerk, Cashier");
  assert.equal(rolesLabel([]), "No roles");
});

test("the key is grouped in fours for typing", () => {
  assert.equal(groupSecret("JBSWY3DPEHPK3PXP"), "JBSW Y3DP EHPK 3PXP");
  assert.equal(groupSecret("JBSWY3DPEHPK3PXPAB"), "JBSW Y3DP EHPK 3PXP AB");
  assert.equal(groupSecret("jbsw y3dp ehpk 3pxp===="), "JBSW Y3DP EHPK 3PXP");
  assert.equal(groupSecret(""), "");
  // 32 characters (a 160-bit key): 8 groups; taking the spaces out gives the key back.
  const key = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
  assert.equal(groupSecret(key).split(" ").length, 8);
  assert.equal(groupSecret(key).replace(/ /g, ""), key);
});

test("the QR code is an image, never markup in the page", () => {
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 21 21"><path d="M0 0h7v7H0z"/></svg>';
  const url = svgDataUrl(`${svg}\n`);
  assert.ok(url.startsWith("data:image/svg+xml,"));
  assert.doesNotMatch(url, /[<>"# ]/, "escaped: a # would end the URL");
  assert.equal(decodeURIComponent(url.slice("data:image/svg+xml,".length)), svg);
});
