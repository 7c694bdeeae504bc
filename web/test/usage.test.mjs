// Usage figures (src/portal/usage.ts).
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  chartData,
  compareMonths,
  dayRange,
  defaultIntervalDay,
  firstOfMonth,
  intervalClock,
  hasUsage,
  lastYearRange,
  pointLabelDate,
  previousRange,
  sameChannel,
  seriesTotal,
  tickSteps,
  usageRange,
} from "../.test-build/portal/usage.js";

const point = (start, value, quality = "actual") => ({ start, value, quality });
const series = (points, extra = {}) => ({ service_point_id: 1, commodity: "electric", meter: "M1", channel: "kwh", unit: "kWh", interval_minutes: 15, points, ...extra });

test("firstOfMonth steps across years", () => {
  assert.equal(firstOfMonth("2026-01-15"), "2026-01-01");
  assert.equal(firstOfMonth("2026-01-15", -1), "2025-12-01");
  assert.equal(firstOfMonth("2026-12-31", 1), "2027-01-01");
  assert.equal(firstOfMonth("2026-05-20", -23), "2024-06-01");
});

test("the daily view asks for 30 days through today, the monthly view for 24 months", () => {
  assert.deepEqual(usageRange("day", "2026-03-01"), { from: "2026-01-31", to: "2026-03-02" });
  assert.deepEqual(usageRange("month", "2026-05-20"), { from: "2024-06-01", to: "2026-06-01" });
});

test("compareMonths finds this month so far and last month for each service", () => {
  const rows = compareMonths(
    [
      series([point("2025-12-01T00:00:00-08:00", "612.400"), point("2026-01-01T00:00:00-08:00", "201.000")]),
      series([point("2025-12-01T00:00:00-08:00", "3400", "missing")], { commodity: "water", unit: "gal" }),
    ],
    "2026-01-10",
  );
  assert.deepEqual(rows, [
    { commodity: "electric", unit: "kWh", thisMonth: "201.000", lastMonth: "612.400" },
    { commodity: "water", unit: "gal", thisMonth: null, lastMonth: null },
  ]);
});

test("a point's day is its local date as written, not moved by the browser's zone", () => {
  assert.equal(pointLabelDate("2026-03-08T00:00:00-08:00", "day"), "2026-03-08");
  assert.equal(pointLabelDate("2026-03-01T00:00:00-08:00", "month"), "2026-03");
});

test("the chart draws missing points as gaps, not zeros", () => {
  const data = chartData(
    series([point("2026-03-07T00:00:00-08:00", "20.5"), point("2026-03-08T00:00:00-08:00", "0", "missing"), point("2026-03-09T00:00:00-07:00", "0")]),
    "day",
  );
  assert.deepEqual(data.y, [20.5, null, 0]);
  assert.deepEqual(data.x, [Date.UTC(2026, 2, 7) / 1000, Date.UTC(2026, 2, 8) / 1000, Date.UTC(2026, 2, 9) / 1000]);
  assert.equal(hasUsage(series([point("2026-03-08T00:00:00-08:00", "0", "missing")])), false);
  assert.equal(hasUsage(series([point("2026-03-08T00:00:00-08:00", "0")])), true);
});

test("the previous period has as many days just before; last year shifts by a year", () => {
  const range = { from: "2026-01-31", to: "2026-03-02" }; // 30 days
  assert.deepEqual(previousRange(range), { from: "2026-01-01", to: "2026-01-31" });
  assert.deepEqual(lastYearRange(range), { from: "2025-01-31", to: "2025-03-02" });
  assert.deepEqual(lastYearRange({ from: "2024-02-29", to: "2024-03-30" }), { from: "2023-02-28", to: "2023-03-30" });
});

test("a period's total counts measured points and says when some are missing", () => {
  assert.deepEqual(seriesTotal(series([point("2026-01-01", "1.5"), point("2026-01-02", "2.25")])), { total: 3.75, complete: true });
  assert.deepEqual(seriesTotal(series([point("2026-01-01", "1.5"), point("2026-01-02", "9", "missing")])), { total: 1.5, complete: false });
  assert.equal(seriesTotal(series([point("2026-01-01", "9", "missing")])), null);
  assert.equal(seriesTotal(undefined), null);
  const water = series([], { service_point_id: 2, channel: "gal", meter: "W1" });
  assert.equal(sameChannel([series([]), water], water), water);
  assert.equal(sameChannel([series([])], water), undefined);
});

test("the hourly view asks for 7 days through today and labels each point by its local hour", () => {
  assert.deepEqual(usageRange("hour", "2026-03-09"), { from: "2026-03-03", to: "2026-03-10" });
  assert.equal(pointLabelDate("2026-03-08T03:00:00-07:00", "hour"), "2026-03-08T03:00");
  const data = chartData(series([point("2026-03-08T01:00:00-08:00", "1.5"), point("2026-03-08T03:00:00-07:00", "2", "missing")]), "hour");
  assert.deepEqual(data.x, [Date.parse("2026-03-08T01:00:00Z") / 1000, Date.parse("2026-03-08T03:00:00Z") / 1000]);
  assert.deepEqual(data.y, [1.5, null]);
});

test("the interval view shows one local day, yesterday unless another is picked", () => {
  assert.equal(defaultIntervalDay("2026-03-01"), "2026-02-28");
  assert.deepEqual(dayRange("2026-12-31"), { from: "2026-12-31", to: "2027-01-01" });
  assert.deepEqual(usageRange("interval", "2026-11-23"), { from: "2026-11-22", to: "2026-11-23" });
});

test("15-minute points are charted and labelled at their local wall-clock time", () => {
  const day = series([
    point("2026-11-22T00:00:00-08:00", "0.412"),
    point("2026-11-22T00:15:00-08:00", "0.388", "estimated"),
    point("2026-11-22T00:30:00-08:00", "0", "missing"),
  ]);
  assert.equal(pointLabelDate("2026-11-22T00:15:00-08:00", "interval"), "2026-11-22T00:15");
  const data = chartData(day, "interval");
  assert.deepEqual(data.x, [Date.UTC(2026, 10, 22, 0, 0), Date.UTC(2026, 10, 22, 0, 15), Date.UTC(2026, 10, 22, 0, 30)].map((ms) => ms / 1000));
  assert.deepEqual(data.y, [0.412, 0.388, null]);
  assert.deepEqual(intervalClock(day.points).map((c) => c.time), ["00:00", "00:15", "00:30"]);
});

test("on the day the clocks go back, the repeated hour's intervals are marked as the second time round", () => {
  // 1 November 2026, America/Los_Angeles: 01:00-01:59 comes twice (-07:00, then -08:00).
  const points = [
    point("2026-11-01T00:45:00-07:00", "0.3"),
    point("2026-11-01T01:00:00-07:00", "0.3"),
    point("2026-11-01T01:45:00-07:00", "0.3"),
    point("2026-11-01T01:00:00-08:00", "0.3"),
    point("2026-11-01T01:45:00-08:00", "0.3"),
    point("2026-11-01T02:00:00-08:00", "0.3"),
  ];
  assert.deepEqual(intervalClock(points), [
    { time: "00:45", repeated: false },
    { time: "01:00", repeated: false },
    { time: "01:45", repeated: false },
    { time: "01:00", repeated: true },
    { time: "01:45", repeated: true },
    { time: "02:00", repeated: false },
  ]);
});

test("interval chart labels fall on whole hours of the meter's interval length", () => {
  assert.deepEqual(tickSteps("interval", 15), [4, 8, 12, 16, 24, 48]);
  assert.deepEqual(tickSteps("interval", 5), [12, 24, 36, 48, 72, 144]);
  assert.deepEqual(tickSteps("interval", 60), [1, 2, 3, 4, 6, 12]);
  assert.deepEqual(tickSteps("interval", 0), [1, 2, 3, 4, 6, 12]);
  assert.deepEqual(tickSteps("day", 15), [1, 2, 3, 4, 6, 7, 12, 14]);
});
