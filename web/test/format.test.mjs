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

test("formatDate and formatMonth speak US Spanish when asked", async () => {
  const { formatDate, formatMonth } = await import("../.test-build/shared/format.js");
  assert.equal(formatDate("2024-05-01", "es-US"), new Intl.DateTimeFormat("es-US", { dateStyle: "medium", timeZone: "UTC" }).format(Date.UTC(2024, 4, 1)));
  assert.match(formatDate("2024-05-01", "es-US"), /may/);
  assert.equal(formatMonth("2024-05", "en-US"), "May 2024");
  assert.equal(formatMonth("2024-05-17"), "May 2024");
  assert.match(formatMonth("2024-05", "es-US"), /^mayo de 2024$/);
  assert.equal(formatMonth("garbage"), "garbage");
});

test("formatDecimal shows exact quantities with grouping", async () => {
  const { formatDecimal } = await import("../.test-build/shared/format.js");
  assert.equal(formatDecimal("1204.500"), "1,204.5");
  assert.equal(formatDecimal("827.371"), "827.371");
  assert.equal(formatDecimal("0"), "0");
  assert.equal(formatDecimal("12.3456", "en-US", 3), "12.346");
  assert.equal(formatDecimal("n/a"), "n/a");
});

test("formatPercent shows a whole percent in the customer's locale", async () => {
  const { formatPercent } = await import("../.test-build/shared/format.js");
  assert.equal(formatPercent(60), "60%");
  assert.equal(formatPercent(150), "150%");
  assert.equal(formatPercent(60, "es-US"), new Intl.NumberFormat("es-US", { style: "percent" }).format(0.6));
});
