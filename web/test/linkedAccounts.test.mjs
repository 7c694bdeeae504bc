// The accounts a login holds and those waiting for a mailed code or a texted link
// (src/portal/linkedAccounts.ts).
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  addAccountOutcome,
  addAccountWords,
  chooseAccount,
  codeLastDay,
  lettersPending,
  pendingBy,
  pendingHeading,
  pendingSentence,
  textsPending,
} from "../.test-build/portal/linkedAccounts.js";
import { en } from "../.test-build/portal/i18n/en.js";
import { es } from "../.test-build/portal/i18n/es.js";
import { translator } from "../.test-build/portal/i18n/translate.js";

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

const t = translator(en);
const date = (iso) => `<${iso}>`; // stands in for the i18n context's date()
const letter = { street: "88 Oak Ave", code_expires_at: "2027-01-05T12:00:00Z", by: "letter", phone_ending: null };
const text = { street: "1204 Elm St", code_expires_at: "2027-01-06T12:00:00Z", by: "text", phone_ending: "34" };

test("a pending account waits for a letter unless the server says it was texted", () => {
  assert.equal(pendingBy(text), "text");
  assert.equal(pendingBy(letter), "letter");
  assert.equal(pendingBy({ street: "x", code_expires_at: null }), "letter", "no `by`: an older server, a letter");
  assert.equal(pendingBy({ street: "x", code_expires_at: null, by: "carrier pigeon" }), "letter");
  assert.equal(lettersPending([text]), false, "no code to type: no code form");
  assert.equal(lettersPending([text, letter]), true);
  assert.equal(lettersPending([{ street: "x", code_expires_at: null }]), true);
  assert.equal(lettersPending([]), false);
  assert.equal(textsPending([text]), true);
  assert.equal(textsPending([letter]), false);
});

test("Settings heads the pending accounts by what they wait for", () => {
  assert.equal(pendingHeading([letter]), "pendingSettingsTitle");
  assert.equal(pendingHeading([text]), "pendingSettingsTitleText");
  assert.equal(pendingHeading([letter, text]), "pendingSettingsTitleBoth");
});

test("each pending account is one sentence: the letter on its way, or the link texted and to which phone", () => {
  assert.equal(pendingSentence(letter, t, date),
    `A letter with a code is on its way to 88 Oak Ave. It usually arrives within a week; the code works until <${codeLastDay(letter)}>.`);
  assert.equal(pendingSentence({ ...letter, code_expires_at: null }, t, date),
    "A letter with a code is on its way to 88 Oak Ave. It usually arrives within a week.");
  assert.equal(pendingSentence(text, t, date),
    `We texted a link for 1204 Elm St to the phone number ending in 34. Open it on that phone to add the account; it works until <${codeLastDay(text)}>.`);
  assert.equal(pendingSentence({ ...text, code_expires_at: null }, t, date),
    "We texted a link for 1204 Elm St to the phone number ending in 34. Open it on that phone to add the account.");
  assert.equal(pendingSentence({ ...text, phone_ending: null }, t, date),
    "We texted a link for 1204 Elm St to the mobile phone on file. Open it on that phone to add the account.",
    "no digits given: no empty gap");
  assert.equal(pendingSentence(text, translator(es), date),
    `Enviamos por mensaje de texto un enlace para 1204 Elm St al teléfono que termina en 34. Ábralo en ese teléfono para agregar la cuenta; sirve hasta el <${codeLastDay(text)}>.`);
});

test("what adding an account did, in words: linked, a letter mailed, a link texted, or nothing new", () => {
  const pending = (p) => ({ linked: [], pending: p });
  assert.equal(addAccountWords(pending([text]), me([elm], [text]), t),
    "We texted a link to the phone ending in 34 to add 1204 Elm St.");
  assert.equal(addAccountWords(pending([{ ...text, phone_ending: "" }]), me([elm]), t),
    "We texted a link to the mobile phone on file to add 1204 Elm St.");
  assert.equal(addAccountWords(pending([letter]), me([elm], [letter]), t),
    "We are mailing a letter with a code to 88 Oak Ave. Enter the code below when it arrives.");
  assert.equal(addAccountWords({ linked: [oak], pending: [] }, me([elm, oak]), t),
    "The account at 88 Oak Ave is linked. Choose the account shown at the top of the page.");
  assert.equal(addAccountWords({ linked: [oak], pending: [] }, me([oak]), t), "The account at 88 Oak Ave is linked.");
  assert.equal(addAccountWords(pending([]), me([elm]), t), "That account is already linked to this login.");
  assert.equal(addAccountWords(pending([text]), me([], [text]), translator(es)),
    "Enviamos por mensaje de texto un enlace al teléfono que termina en 34 para agregar 1204 Elm St.");
});

test("a link texted after a letter for the same street counts as new", () => {
  const before = me([], [letter]);
  const texted = { ...letter, by: "text", phone_ending: "34" };
  assert.deepEqual(addAccountOutcome(before, me([], [texted])), { linked: [], pending: [texted] });
  assert.deepEqual(addAccountOutcome(me([], [text]), me([], [text])), { linked: [], pending: [] });
});
