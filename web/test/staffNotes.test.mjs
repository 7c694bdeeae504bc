// Account notes in the staff console (src/staff/notes.ts): the count under the field, what is
// refused before sending (as the server refuses it), and the list's order once a note is added
// or pinned on the page.
import { test } from "node:test";
import assert from "node:assert/strict";

import {
  NOTE_KINDS,
  NOTE_MAX_CHARS,
  checkNote,
  isLongNote,
  noteCountAnnouncement,
  noteCountLabel,
  noteKindLabel,
  noteLength,
  notesInOrder,
  withChanged,
} from "../.test-build/staff/notes.js";

const note = (id, written_at, pinned = false, body = `note ${id}`) => ({
  id,
  kind: "call",
  body,
  pinned,
  actor: "staff:1",
  actor_kind: "staff",
  actor_name: "Lena Ortiz",
  written_at,
  written_at_local: written_at,
});

test("the kinds, in words", () => {
  assert.deepEqual([...NOTE_KINDS], ["call", "complaint", "dispute", "general"]);
  assert.deepEqual(NOTE_KINDS.map(noteKindLabel), ["Call", "Complaint", "Dispute", "General"]);
  assert.equal(noteKindLabel("callback"), "callback");
});

test("characters are counted as the server counts them: code points of the trimmed note", () => {
  assert.equal(noteLength(""), 0);
  assert.equal(noteLength("  \n\t Called about the bill. \r\n"), "Called about the bill.".length);
  assert.equal(noteLength("Gómez"), 5);
  assert.equal(noteLength("😀😀"), 2, "an emoji is one character, not two UTF-16 units");
  assert.equal(noteLength("line one\nline two"), 17, "a line break inside counts");
});

test("the count under the field says how many, and how many too many", () => {
  assert.equal(noteCountLabel(""), "0 of 4,000 characters");
  assert.equal(noteCountLabel("Called about the bill."), "22 of 4,000 characters");
  assert.equal(noteCountLabel("x".repeat(NOTE_MAX_CHARS)), "4,000 of 4,000 characters");
  assert.equal(noteCountLabel("x".repeat(NOTE_MAX_CHARS + 12)), "4,012 of 4,000 characters: 12 too many");
});

test("the count is read out only near the limit", () => {
  assert.equal(noteCountAnnouncement("x".repeat(3000)), "");
  assert.equal(noteCountAnnouncement("x".repeat(3800)), "200 characters left");
  assert.equal(noteCountAnnouncement("x".repeat(3999)), "1 character left");
  assert.equal(noteCountAnnouncement("x".repeat(4000)), "0 characters left");
  assert.equal(noteCountAnnouncement("x".repeat(4001)), "1 character too many");
  assert.equal(noteCountAnnouncement("x".repeat(5234)), "1,234 characters too many");
});

test("a note the server would refuse is said at its field before sending", () => {
  const ok = { kind: "call", body: "Customer called about the high bill; explained the estimate.", pinned: false };
  assert.deepEqual(checkNote(ok), {});
  assert.deepEqual(checkNote({ ...ok, body: "😀".repeat(NOTE_MAX_CHARS) }), {}, "4,000 emoji fit");
  assert.deepEqual(checkNote({ ...ok, body: "  \n " }), { body: "Write the note: it is empty." });
  assert.deepEqual(checkNote({ ...ok, body: "x".repeat(4001) }), {
    body: "A note holds at most 4,000 characters (this one has 4,001).",
  });
  assert.deepEqual(checkNote({ ...ok, body: "Paid\u0007 by phone" }), {
    body: "The note has a control character; type it again as text.",
  });
  assert.deepEqual(checkNote({ ...ok, body: "Tab\there\r\nand lines" }), {}, "tab, CR and LF are text");
  assert.match(checkNote({ ...ok, body: "DEL\u007f" }).body, /control character/);
  assert.deepEqual(checkNote({ ...ok, kind: "memo" }), { kind: "Choose the kind of note." });
});

test("pinned notes first, then newest; a note added or pinned here takes its place at once", () => {
  const loaded = [
    note(7, "2026-12-01T10:00:00Z", true),
    note(9, "2026-12-05T10:00:00Z"),
    note(8, "2026-12-03T10:00:00Z"),
  ];
  assert.deepEqual(notesInOrder(loaded, []).map((n) => n.id), [7, 9, 8]);

  // Added, not pinned: first of the unpinned ones (the newest).
  let changed = withChanged([], note(10, "2026-12-06T20:59:31Z"));
  assert.deepEqual(notesInOrder(loaded, changed).map((n) => n.id), [7, 10, 9, 8]);

  // Note 8 pinned: with the pinned ones, newest pinned first; shown once, as the server answered.
  changed = withChanged(changed, note(8, "2026-12-03T10:00:00Z", true));
  const shown = notesInOrder(loaded, changed);
  assert.deepEqual(shown.map((n) => n.id), [8, 7, 10, 9]);
  assert.equal(shown.find((n) => n.id === 8).pinned, true);

  // Note 7 unpinned: back among the others by date (an older page may send it again: once).
  changed = withChanged(changed, note(7, "2026-12-01T10:00:00Z", false));
  assert.deepEqual(notesInOrder([...loaded, note(7, "2026-12-01T10:00:00Z")], changed).map((n) => n.id), [8, 10, 9, 7]);
  assert.equal(changed.filter((n) => n.id === 8).length, 1, "a note changed twice is kept once");
});

test("notes written in the same second are newest by id", () => {
  const same = "2026-12-06T20:59:31Z";
  assert.deepEqual(notesInOrder([note(2, same), note(3, same), note(1, same)], []).map((n) => n.id), [3, 2, 1]);
});

test("a long note is shown shortened: more than 6 lines, or more than fit in them", () => {
  assert.equal(isLongNote("Called about the bill."), false);
  assert.equal(isLongNote("1\n2\n3\n4\n5\n6"), false);
  assert.equal(isLongNote("1\n2\n3\n4\n5\n6\n7"), true);
  assert.equal(isLongNote("x".repeat(480)), false);
  assert.equal(isLongNote("x".repeat(481)), true);
  assert.equal(isLongNote("😀".repeat(480)), false, "characters, not UTF-16 units");
});
