// Run by `npm test` after tsc has compiled src/shared/format.ts to .test-build/.
import { test } from "node:test";
import assert from "node:assert/strict";

// Pin the local zone before the module creates its formatters (Node honours a runtime TZ change).
process.env.TZ = "UTC";
const { formatDate, formatInstant } = await import("../.test-build/shared/format.js");

test("formatDate shows a calendar date as written, whatever the local zone", () => {
  assert.equal(formatDate("2024-05-01"), "May 1, 2024");
  assert.equal(formatDate("2024-12-31"), "Dec 31, 2024");
  assert.equal(formatDate("not a date"), "not a date");
});

test("formatInstant shows date, time and zone", () => {
  assert.equal(formatInstant("2024-05-01T15:00:00Z"), "May 1, 2024, 3:00 PM UTC");
  assert.equal(formatInstant("garbage"), "garbage");
});
