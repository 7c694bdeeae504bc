// Which saved payment method a form uses (src/portal/methodChoice.ts).
import { test } from "node:test";
import assert from "node:assert/strict";
import { pickedMethod } from "../.test-build/portal/methodChoice.js";

const method = (id, isDefault = false) => ({ id, method: "card", label: `Visa ending ${id}`, default: isDefault, created_at: "2026-01-01T00:00:00Z" });

test("what the customer picked stays while that method is saved", () => {
  assert.equal(pickedMethod([method(1, true), method(2)], "2"), "2");
  assert.equal(pickedMethod([method(1, true), method(2)], "2", 1), "2");
});

test("a removed or unpicked method falls back to the preferred, the default, then the first", () => {
  assert.equal(pickedMethod([method(1), method(2), method(3, true)], "9", 2), "2");
  assert.equal(pickedMethod([method(1), method(3, true)], "", 2), "3");
  assert.equal(pickedMethod([method(4), method(5)], ""), "4");
});

test("no saved method: nothing to pick", () => {
  assert.equal(pickedMethod([], "2", 2), "");
});
