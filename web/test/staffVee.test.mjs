// Meter-read exceptions as the work queue resolves them (src/staff/vee.ts).
import { test } from "node:test";
import assert from "node:assert/strict";

import {
  EMPTY_VEE_DRAFT, REREAD_NOTE_MAX, checkRereadNote, checkVeeDraft, dialPhotoWords, isRegisterException, mayAskReread, rereadWords, slotTimes, slotsOf,
  veeRequest, veeResolvedWords, veeRuleLabel,
} from "../.test-build/staff/vee.js";

const spike = { id: 1, rule: "spike_history", meter: "E000000015", unit: "kWh", interval_minutes: 15, first_slot: 19, last_slot: 21, affected_accounts: ["100000090"] };
const reversal = { id: 9, rule: "register_reversal", meter: "W000000141", unit: "gal", register_read_id: 77, affected_accounts: [] };

test("an interval exception covers its slots, at their UTC times; a register one has none", () => {
  assert.deepEqual(slotsOf(spike), [19, 20, 21]);
  assert.equal(slotTimes(spike), "04:45–05:30 UTC");
  assert.equal(slotTimes({ ...spike, first_slot: 95, last_slot: 95 }), "23:45–24:00 UTC");
  assert.equal(isRegisterException(reversal), true);
  assert.deepEqual(slotsOf(reversal), []);
  assert.equal(slotTimes(reversal), null);
});

test("rules in words", () => {
  assert.equal(veeRuleLabel("spike_history"), "Spike above the meter's history");
  assert.equal(veeRuleLabel("register_reversal"), "Register went backwards");
  assert.equal(veeRuleLabel("new_rule"), "New rule");
});

test("a resolution needs a choice and a note; a correction its value; a register read is not estimated", () => {
  assert.deepEqual(Object.keys(checkVeeDraft(EMPTY_VEE_DRAFT, spike)).sort(), ["how", "note"]);
  assert.match(checkVeeDraft({ how: "edit", note: "x", value: "" }, spike).value, /right value/);
  assert.match(checkVeeDraft({ how: "edit", note: "x", value: "" }, reversal).value, /right reading/);
  assert.match(checkVeeDraft({ how: "edit", note: "x", value: "0.4201" }, spike).value, /kWh/);
  assert.deepEqual(checkVeeDraft({ how: "edit", note: "x", value: "-0.250" }, spike), {}, "a channel that exports goes below zero");
  assert.match(checkVeeDraft({ how: "estimate", note: "x", value: "" }, reversal).how, /cannot be estimated/);
  assert.deepEqual(checkVeeDraft({ how: "estimate", note: "Gap in the head-end", value: "" }, spike), {});
});

test("what is sent: the note, and a correction for every slot covered or the register's reading", () => {
  assert.deepEqual(veeRequest({ how: "accept", note: " Real spike: pool heater ", value: "9" }, spike), { note: "Real spike: pool heater" });
  assert.deepEqual(veeRequest({ how: "edit", note: "Test load", value: " 0.420 " }, spike), {
    note: "Test load",
    values: [{ slot: 19, value: "0.420" }, { slot: 20, value: "0.420" }, { slot: 21, value: "0.420" }],
  });
  assert.deepEqual(veeRequest({ how: "edit", note: "Misread dial", value: "50010" }, reversal), { note: "Misread dial", reading: "50010" });
  assert.deepEqual(veeRequest({ how: "estimate", note: "Gap", value: "" }, spike), { note: "Gap" });
});

test("what became of it", () => {
  assert.equal(veeResolvedWords({ id: 1, meter: "E000000015", status: "accepted" }), "Exception 1 (meter E000000015) accepted as read.");
  assert.equal(veeResolvedWords({ id: 1, meter: "E000000015", status: "edited" }), "Exception 1 (meter E000000015) corrected.");
});

test("a held register read may be read again in the field, once; interval exceptions may not", () => {
  assert.equal(mayAskReread(reversal), true);
  assert.equal(mayAskReread({ ...reversal, reread_order: "SO000123" }), false, "asked already: the order is named instead");
  assert.equal(mayAskReread(spike), false);
  assert.equal(rereadWords("SO000123"), "Re-read ordered: SO000123");
  assert.equal(dialPhotoWords({ ...reversal, photo_id: 41 }), "The customer's photo of the dial of meter W000000141");
});

test("a re-read's note may be left out; a long one is said with its length", () => {
  assert.equal(REREAD_NOTE_MAX, 500);
  assert.equal(checkRereadNote(""), undefined);
  assert.equal(checkRereadNote("x".repeat(500)), undefined);
  assert.equal(checkRereadNote("é".repeat(501)), "Keep the note to 500 characters (it has 501).");
});
