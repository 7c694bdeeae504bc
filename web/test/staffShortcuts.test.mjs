// The console's "/" shortcut to the account search (src/staff/shortcuts.ts) and what a search
// result says it matched (labels.ts matchedOnLabel).
import { test } from "node:test";
import assert from "node:assert/strict";

import { isSearchShortcut, typesText } from "../.test-build/staff/shortcuts.js";
import { matchedOnLabel } from "../.test-build/staff/labels.js";

const key = (k, more = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...more });
const on = (tagName, more = {}) => ({ tagName, ...more });

test('"/" goes to the search from anywhere text is not typed', () => {
  assert.equal(isSearchShortcut(key("/"), null), true);
  assert.equal(isSearchShortcut(key("/"), on("BODY")), true);
  assert.equal(isSearchShortcut(key("/"), on("A")), true);
  assert.equal(isSearchShortcut(key("/"), on("BUTTON")), true);
  assert.equal(isSearchShortcut(key("/"), on("INPUT", { type: "checkbox" })), true);
  assert.equal(isSearchShortcut(key("/"), on("SELECT")), true);
  assert.equal(isSearchShortcut(key("/", { shiftKey: true }), on("BODY")), true, "keyboards that need Shift for /");
});

test('"/" is typed, not a shortcut, in a text field, a note or editable content', () => {
  assert.equal(isSearchShortcut(key("/"), on("INPUT", { type: "search" })), false);
  assert.equal(isSearchShortcut(key("/"), on("INPUT", { type: "text" })), false);
  assert.equal(isSearchShortcut(key("/"), on("INPUT")), false, "an input without a type is text");
  assert.equal(isSearchShortcut(key("/"), on("INPUT", { type: "date" })), false);
  assert.equal(isSearchShortcut(key("/"), on("TEXTAREA")), false);
  assert.equal(isSearchShortcut(key("/"), on("DIV", { isContentEditable: true })), false);
  assert.equal(typesText(on("input", { type: "PASSWORD" })), true);
});

test("other keys, modified keys and handled ones are not the shortcut", () => {
  assert.equal(isSearchShortcut(key("?"), null), false);
  assert.equal(isSearchShortcut(key("/", { ctrlKey: true }), null), false);
  assert.equal(isSearchShortcut(key("/", { metaKey: true }), null), false);
  assert.equal(isSearchShortcut(key("/", { altKey: true }), null), false);
  assert.equal(isSearchShortcut(key("/", { isComposing: true }), null), false);
  assert.equal(isSearchShortcut(key("/", { defaultPrevented: true }), null), false);
});

test("a result says what it matched, in words, unless it was the name or address shown", () => {
  assert.equal(matchedOnLabel("phone"), "Matched phone");
  assert.equal(matchedOnLabel("email"), "Matched email");
  assert.equal(matchedOnLabel("bill_number"), "Matched bill number");
  assert.equal(matchedOnLabel("payment_confirmation"), "Matched payment confirmation");
  assert.equal(matchedOnLabel("meter_serial"), "Matched meter serial");
  assert.equal(matchedOnLabel("account_number"), "Matched account number");
  assert.equal(matchedOnLabel("name_or_address"), null);
  assert.equal(matchedOnLabel(undefined), null);
  assert.equal(matchedOnLabel("premise_id"), "Matched premise id");
});
