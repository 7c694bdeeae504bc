// Usage figures (src/portal/usage.ts).
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  chartData,
  chartYRange,
  compareMonths,
  dayRange,
  defaultIntervalDay,
  firstOfMonth,
  intervalClock,
  hasUsage,
  lastYearRange,
  pointLabelDate,
  pointState,
  previousRange,
  readingWords,
  sameChannel,
  seriesTotal,
  shownValue,
  tickSteps,
  todayIn,
  usageNow,
  usageRange,
} from "../.test-build/portal/usage.js";

const point = (start, value, quality = "actual") => ({ start, value, quality });
// "Now" well after every point of the tests below, unless a test says otherwise.
const LATER = { today: "2027-01-01", at: Date.parse("2027-01-01T12:00:00Z") };
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
      // This month is marked missing by the API while it goes on (its later days have no reads
      // yet): its reads so far count.
      series([point("2025-12-01T00:00:00-08:00", "80"), point("2026-01-01T00:00:00-08:00", "31.5", "missing")], { commodity: "gas", unit: "therm" }),
      series([point("2026-01-01T00:00:00-08:00", "0", "missing")], { commodity: "sewer", unit: "gal" }),
    ],
    "2026-01-10",
  );
  assert.deepEqual(rows, [
    { commodity: "electric", unit: "kWh", thisMonth: "201.000", lastMonth: "612.400" },
    { commodity: "water", unit: "gal", thisMonth: null, lastMonth: null },
    { commodity: "gas", unit: "therm", thisMonth: "31.5", lastMonth: "80" },
    { commodity: "sewer", unit: "gal", thisMonth: null, lastMonth: null },
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
    LATER,
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

test("a period's total counts the reads there are and says when some past ones are missing", () => {
  const total = (points, now = LATER) => seriesTotal(series(points), "day", now);
  assert.deepEqual(total([point("2026-01-01", "1.5"), point("2026-01-02", "2.25")]), { total: 3.75, complete: true });
  // A day with some reads counts them, and the total says it is incomplete.
  assert.deepEqual(total([point("2026-01-01", "1.5"), point("2026-01-02", "9", "missing")]), { total: 10.5, complete: false });
  assert.deepEqual(total([point("2026-01-01", "1.5"), point("2026-01-02", "0", "missing")]), { total: 1.5, complete: false });
  assert.equal(total([point("2026-01-01", "0", "missing")]), null);
  // Today is going on: its reads so far count, and it does not make the total incomplete.
  const today = { today: "2026-01-02", at: Date.parse("2026-01-02T15:00:00-08:00") };
  assert.deepEqual(total([point("2026-01-01", "1.5"), point("2026-01-02", "0.5", "missing")], today), { total: 2, complete: true });
  assert.deepEqual(total([point("2026-01-01", "1.5"), point("2026-01-02", "0", "missing")], today), { total: 1.5, complete: true });
  assert.equal(seriesTotal(undefined, "day", LATER), null);
  const water = series([], { service_point_id: 2, channel: "gal", meter: "W1" });
  assert.equal(sameChannel([series([]), water], water), water);
  assert.equal(sameChannel([series([])], water), undefined);
});

test("the hourly view asks for 7 days through today and labels each point by its local hour", () => {
  assert.deepEqual(usageRange("hour", "2026-03-09"), { from: "2026-03-03", to: "2026-03-10" });
  assert.equal(pointLabelDate("2026-03-08T03:00:00-07:00", "hour"), "2026-03-08T03:00");
  const data = chartData(series([point("2026-03-08T01:00:00-08:00", "1.5"), point("2026-03-08T03:00:00-07:00", "0", "missing")]), "hour", LATER);
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
  const data = chartData(day, "interval", LATER);
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

test("the day, hour, interval or month going on now is not missing: it shows its usage so far", () => {
  // 15:20 on 8 March 2026 in Los Angeles (PDT since 2 a.m.).
  const now = { today: "2026-03-08", at: Date.parse("2026-03-08T15:20:00-07:00") };
  const state = (p, view) => pointState(p, view, 15, now);
  // Days: yesterday is past; today is going on; the API marks it missing for its hours to come.
  assert.equal(state(point("2026-03-07T00:00:00-08:00", "20.5"), "day"), "measured");
  assert.equal(state(point("2026-03-07T00:00:00-08:00", "0", "missing"), "day"), "missing");
  assert.equal(state(point("2026-03-07T00:00:00-08:00", "12.25", "missing"), "day"), "partial");
  assert.equal(state(point("2026-03-08T00:00:00-08:00", "9.75", "missing"), "day"), "so-far");
  assert.equal(state(point("2026-03-08T00:00:00-08:00", "0", "missing"), "day"), "in-progress");
  assert.equal(state(point("2026-03-09T00:00:00-07:00", "0", "missing"), "day"), "not-yet");
  // Months: the same for this month.
  assert.equal(state(point("2026-02-01T00:00:00-08:00", "612.4"), "month"), "measured");
  assert.equal(state(point("2026-03-01T00:00:00-08:00", "201", "missing"), "month"), "so-far");
  assert.equal(state(point("2026-02-01T00:00:00-08:00", "0", "missing"), "month"), "missing");
  // Hours: the hour from 15:00 is going on, 16:00 is still to come.
  assert.equal(state(point("2026-03-08T14:00:00-07:00", "0", "missing"), "hour"), "missing");
  assert.equal(state(point("2026-03-08T15:00:00-07:00", "0.3", "missing"), "hour"), "so-far");
  assert.equal(state(point("2026-03-08T16:00:00-07:00", "0", "missing"), "hour"), "not-yet");
  // Intervals of 15 minutes: 15:15 is going on, 15:30 is to come.
  assert.equal(state(point("2026-03-08T15:00:00-07:00", "0.1"), "interval"), "measured");
  assert.equal(state(point("2026-03-08T15:15:00-07:00", "0", "missing"), "interval"), "in-progress");
  assert.equal(state(point("2026-03-08T15:30:00-07:00", "0", "missing"), "interval"), "not-yet");
});

test("what the table and the chart show for each state", () => {
  const p = (value, quality) => point("2026-03-08T00:00:00-08:00", value, quality);
  assert.equal(shownValue(p("9.75", "missing"), "so-far"), "9.75");
  assert.equal(shownValue(p("12.25", "missing"), "partial"), "12.25");
  assert.equal(shownValue(p("0", "missing"), "in-progress"), null);
  assert.equal(shownValue(p("0", "missing"), "not-yet"), null);
  assert.equal(shownValue(p("0", "missing"), "missing"), null);
  assert.equal(readingWords(p("9.75", "missing"), "so-far"), "readingSoFar");
  assert.equal(readingWords(p("0", "missing"), "in-progress"), "readingInProgress");
  assert.equal(readingWords(p("0", "missing"), "not-yet"), "readingNotYet");
  assert.equal(readingWords(p("12.25", "missing"), "partial"), "qualityPartial");
  assert.equal(readingWords(p("0", "missing"), "missing"), "qualityMissing");
  assert.equal(readingWords(p("3", "estimated"), "measured"), "qualityEstimated");
  // The chart draws today's usage so far, and nothing for the hours to come.
  const now = { today: "2026-03-08", at: Date.parse("2026-03-08T15:20:00-07:00") };
  const days = series([point("2026-03-07T00:00:00-08:00", "20.5"), point("2026-03-08T00:00:00-08:00", "9.75", "missing")]);
  assert.deepEqual(chartData(days, "day", now).y, [20.5, 9.75]);
  const hours = series([point("2026-03-08T15:00:00-07:00", "0.3", "missing"), point("2026-03-08T16:00:00-07:00", "0", "missing")]);
  assert.deepEqual(chartData(hours, "hour", now).y, [0.3, null]);
});

test("today is the date in the utility's time zone", () => {
  const at = new Date("2026-03-09T06:30:00Z"); // 23:30 on 8 March in Los Angeles
  assert.equal(todayIn("America/Los_Angeles", at), "2026-03-08");
  assert.equal(todayIn("America/New_York", at), "2026-03-09");
  assert.equal(todayIn("Not/A_Zone", at), null);
  assert.deepEqual(usageNow("America/Los_Angeles", at), { today: "2026-03-08", at: at.getTime() });
  assert.match(usageNow("", at).today, /^\d{4}-\d{2}-\d{2}$/);
});

test("the chart's y axis starts at 0 and ends at a round number above the tallest bar", () => {
  assert.deepEqual(chartYRange(610, 640), [0, 800]);
  assert.deepEqual(chartYRange(3, 47.3), [0, 50]);
  assert.deepEqual(chartYRange(0.2, 0.9), [0, 1]);
  assert.deepEqual(chartYRange(10, 10), [0, 12]);
  assert.deepEqual(chartYRange(null, null), [0, 1]);
  assert.deepEqual(chartYRange(0, 0), [0, 1]);
  // Below 0 only when a value is (power sent back to the grid).
  assert.deepEqual(chartYRange(-4, 10), [-5, 12]);
});
