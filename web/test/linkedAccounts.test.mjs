// The accounts a login holds and those waiting for a mailed code (src/portal/linkedAccounts.ts).
import { test } from "node:test";
import assert from "node:assert/strict";
import { addAccountOutcome, chooseAccount, codeLastDay } from "../.test-build/portal/linkedAccounts.js";

const elm = { number: "100000017", name: "Ana Ruiz", service_address: "1204 Elm St" };
const oak = { number: "100000025", name: "Ana Ruiz", service_address: "88 Oak Ave" };
const me = (accounts, pending = []) => ({
  email: "ana@example.com", language: "en", csrf_token: "c", mfa_enabled: false, accounts, pending_accounts: pending,
});

test("the account shown is the one wanted when the login holds it, else its first, else none", () => {
  assert.equal(chooseAccount(me([elm, oak]), "100000025"), "100000025");
  assert.equal(chooseAccount(me([elm, oak]), "999999999"), "100000017", "no longer held (removed by 'not me')");
  assert.equal(chooseAccount(me([elm, oak]), null), "100000017");
  assert.equal(chooseAccount(me([], [{ street: "1204 Elm St", code_expires_at: null }]), "100000017"), "",
    "a pending account is not shown");
});

test("adding an account says what happened: linked now, or a letter on its way", () => {
  const letter = { street: "88 Oak Ave", code_expires_at: "2027-01-05T10:00:00Z" };
  assert.deepEqual(addAccountOutcome(me([elm]), me([elm, oak])), { linked: [oak], pending: [] });
  assert.deepEqual(addAccountOutcome(me([elm]), me([elm], [letter])), { linked: [], pending: [letter] });
  assert.deepEqual(addAccountOutcome(me([elm], [letter]), me([elm], [letter])), { linked: [], pending: [] },
    "nothing new: the account was already held or waiting");
  const again = { ...letter, code_expires_at: "2027-02-01T09:00:00Z" };
  assert.deepEqual(addAccountOutcome(me([elm], [letter]), me([elm], [again])), { linked: [], pending: [again] },
    "added again: a new letter with a new code");
  assert.deepEqual(addAccountOutcome(me([], [letter]), me([oak])), { linked: [oak], pending: [] }, "the code was typed");
});

test("the code's last day is a day of the customer's calendar", () => {
  const at = "2027-01-05T10:00:00Z";
  const local = new Date(at);
  const expected = `${local.getFullYear()}-${String(local.getMonth() + 1).padStart(2, "0")}-${String(local.getDate()).padStart(2, "0")}`;
  assert.equal(codeLastDay({ street: "x", code_expires_at: at }), expected);
  assert.equal(codeLastDay({ street: "x", code_expires_at: null }), null);
  assert.equal(codeLastDay({ street: "x", code_expires_at: "soon" }), null);
});
