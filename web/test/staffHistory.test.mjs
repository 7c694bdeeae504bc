// The account's history in the staff console: the events shown after new ones are asked for
// (src/staff/history.ts), the filter's choices, and the words for kinds and actors (labels.ts).
import { test } from "node:test";
import assert from "node:assert/strict";

import { kindChoices, newestFirst } from "../.test-build/staff/history.js";
import { actorKindLabel, actorKindNote, asSentence, eventKindLabel, kindGroupLabel } from "../.test-build/staff/labels.js";

const ev = (id, kind = "bill.ready") => ({ id, kind, summary: `event ${id}` });

test("events written since are put on top, each event once, newest first", () => {
  const shown = [ev(1143), ev(1050), ev(1048), ev(952)]; // the first page and an older one
  const fresh = [ev(1207, "note.added"), ev(1143), ev(1050)]; // the first page asked for again
  assert.deepEqual(newestFirst(fresh, shown).map((e) => e.id), [1207, 1143, 1050, 1048, 952]);
  assert.deepEqual(newestFirst([], shown).map((e) => e.id), [1143, 1050, 1048, 952]);
  // The fresh copy of an event wins (the server's newest word on it).
  assert.equal(newestFirst([{ ...ev(1050), summary: "again" }], shown).find((e) => e.id === 1050).summary, "again");
});

test("the filter offers the account's groups, and keeps the one chosen", () => {
  assert.deepEqual(kindChoices(["account", "bill", "note", "payment"], ""), ["account", "bill", "note", "payment"]);
  assert.deepEqual(kindChoices(["account", "bill"], "bill"), ["account", "bill"]);
  assert.deepEqual(kindChoices(["account", "bill"], "note"), ["account", "bill", "note"]);
});

test("kinds in words", () => {
  assert.equal(kindGroupLabel("bill"), "Bills");
  assert.equal(kindGroupLabel("note"), "Notes");
  assert.equal(kindGroupLabel("account"), "Account");
  assert.equal(kindGroupLabel("meter_exchange"), "Meter exchange");
  assert.equal(eventKindLabel("bill.ready"), "Bill ready");
  assert.equal(eventKindLabel("late_fee.charged"), "Late fee charged");
  assert.equal(eventKindLabel("note.pinned"), "Note pinned");
  assert.equal(eventKindLabel("generate"), "Generate");
});

test("who acted: the kind in words beside the name, unless the name says it", () => {
  assert.equal(actorKindLabel("staff"), "Staff member");
  assert.equal(actorKindLabel("api_key"), "API key");
  assert.equal(actorKindLabel("customer"), "Customer");
  assert.equal(actorKindLabel("system"), "System");
  assert.equal(actorKindLabel("partner_portal"), "Partner portal");

  assert.equal(actorKindNote("Lena Ortiz", "staff"), "Staff member");
  assert.equal(actorKindNote("Staffan Berg", "staff"), "Staff member", "a name that starts like the kind");
  assert.equal(actorKindNote("Staff user 3", "staff"), null);
  assert.equal(actorKindNote("Customer (maria@example.com)", "customer"), null);
  assert.equal(actorKindNote("Customer login 42", "customer"), null);
  assert.equal(actorKindNote("System (late-fees)", "system"), null);
  assert.equal(actorKindNote("API key 'Lockbox import'", "api_key"), null);
  assert.equal(actorKindNote("Lockbox import", "api_key"), "API key");
});

test("the server's detail reads as a sentence", () => {
  assert.equal(asSentence("write the note: it is empty"), "Write the note: it is empty.");
  assert.equal(asSentence("A note holds at most 4,000 characters."), "A note holds at most 4,000 characters.");
  assert.equal(asSentence(""), "");
});
