// Times in the utility's zone as the staff console shows them (src/staff/localTime.ts
// formatLocalDateTime, formatZoneName): the wall clock written in the string, whatever the
// browser's zone. The browser here is in Tokyo, far from the utility in Oregon.
import { test } from "node:test";
import assert from "node:assert/strict";

process.env.TZ = "Asia/Tokyo";
const { formatInstant } = await import("../.test-build/shared/format.js");
const { formatInstantIn, formatLocalDateTime, formatZoneName, localDateOf } = await import("../.test-build/staff/localTime.js");

test("a local time shows its own wall clock, not the browser's", () => {
  assert.equal(formatLocalDateTime("2026-12-06T06:03:00-08:00"), "Dec 6, 2026, 6:03 AM");
  // The same instant, read in the browser's zone, is the next day in Tokyo: what is not shown.
  assert.match(formatInstant("2026-12-06T14:03:00Z"), /^Dec 6, 2026, 11:03 PM/);
  assert.equal(formatLocalDateTime("2026-07-01T23:59:59-07:00"), "Jul 1, 2026, 11:59 PM");
  assert.equal(formatLocalDateTime("2026-12-06T12:00:00+05:30"), "Dec 6, 2026, 12:00 PM");
});

test("seconds, fractions, Z and an offset without a colon are all read", () => {
  assert.equal(formatLocalDateTime("2026-12-06T06:03-08:00"), "Dec 6, 2026, 6:03 AM");
  assert.equal(formatLocalDateTime("2026-12-06T06:03:09.250-08:00"), "Dec 6, 2026, 6:03 AM");
  assert.equal(formatLocalDateTime("2026-12-06T00:15:00Z"), "Dec 6, 2026, 12:15 AM");
  assert.equal(formatLocalDateTime("2026-12-06T06:03:00-0800"), "Dec 6, 2026, 6:03 AM");
});

test("DST: the clocks' times on the days they change", () => {
  // Spring forward (Mar 8, 2026): 1:59 AM PST, then 3:00 AM PDT.
  assert.equal(formatLocalDateTime("2026-03-08T01:59:00-08:00"), "Mar 8, 2026, 1:59 AM");
  assert.equal(formatLocalDateTime("2026-03-08T03:00:00-07:00"), "Mar 8, 2026, 3:00 AM");
  // Fall back (Nov 1, 2026): 1:30 AM happens twice, an hour apart; both read as the clocks did.
  assert.equal(formatLocalDateTime("2026-11-01T01:30:00-07:00"), "Nov 1, 2026, 1:30 AM");
  assert.equal(formatLocalDateTime("2026-11-01T01:30:00-08:00"), "Nov 1, 2026, 1:30 AM");
});

test("anything that is not a date and time is shown as sent", () => {
  assert.equal(formatLocalDateTime(""), "");
  assert.equal(formatLocalDateTime("yesterday"), "yesterday");
  assert.equal(formatLocalDateTime("2026-12-06"), "2026-12-06");
  assert.equal(formatLocalDateTime("2026-02-30T10:00:00-08:00"), "2026-02-30T10:00:00-08:00");
  assert.equal(formatLocalDateTime("2026-12-06T24:30:00-08:00"), "2026-12-06T24:30:00-08:00");
});

test("the utility's zone in words", () => {
  assert.equal(formatZoneName("America/Los_Angeles"), "Pacific Time");
  assert.equal(formatZoneName("America/New_York"), "Eastern Time");
  assert.equal(formatZoneName("Mars/Olympus_Mons"), "Mars/Olympus_Mons");
});

test("an instant in the utility's zone, named, not the browser's (a payment's receipt)", () => {
  assert.equal(formatInstantIn("2026-12-06T21:43:09Z", "America/Los_Angeles"), "Dec 6, 2026, 1:43 PM PST");
  assert.equal(formatInstantIn("2026-07-04T16:00:00Z", "America/Los_Angeles"), "Jul 4, 2026, 9:00 AM PDT");
  assert.equal(formatInstantIn("2026-12-06T21:43:09Z", null), formatInstant("2026-12-06T21:43:09Z"), "zone not known yet: the browser's");
  assert.equal(formatInstantIn("2026-12-06T21:43:09Z", "Mars/Olympus"), formatInstant("2026-12-06T21:43:09Z"));
  assert.equal(formatInstantIn("yesterday", "America/Los_Angeles"), "yesterday");
});

test("an instant's date on the utility's clocks, not UTC's nor the browser's (how long a bill has been held)", () => {
  // 03:40 UTC on Dec 7 is Dec 6 in Oregon, and already 12:40 PM on Dec 7 in Tokyo (the browser).
  assert.equal(localDateOf("2026-12-07T03:40:44Z", "America/Los_Angeles"), "2026-12-06");
  assert.equal(localDateOf("2026-12-07T03:40:44Z", "UTC"), "2026-12-07");
  assert.equal(localDateOf("2026-12-06T20:00:00Z", "America/Los_Angeles"), "2026-12-06");
  assert.equal(localDateOf("2026-12-06T20:00:00Z", null), "2026-12-07", "zone not known: the browser's (Tokyo) date");
  assert.equal(localDateOf(new Date("2026-03-08T09:30:00Z"), "America/Los_Angeles"), "2026-03-08", "a Date too");
  assert.equal(localDateOf("2026-12-06T20:00:00Z", "Mars/Olympus"), "2026-12-07", "a zone the browser does not know: the browser's");
  assert.equal(localDateOf("soon", "America/Los_Angeles"), null);
});
