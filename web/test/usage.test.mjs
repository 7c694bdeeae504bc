// Usage figures (src/portal/usage.ts).
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  chartData,
  chartYRange,
  compareMonths,
  coverageWords,
  firstView,
  formatDayRange,
  isRegister,
  offeredViews,
  offers,
  partlyCovered,
  readPeriodRows,
  registerMonthRows,
  registerNotes,
  rememberResolutions,
  rememberedResolutions,
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

// Register meters (read by hand or by an AMR drive-by): read periods and months spread from them.
const register = (points, extra = {}) =>
  series(points, { commodity: "water", meter: "W1", channel: "gal", unit: "gal", kind: "register", interval_minutes: null, ...extra });
const period = (start, end, days, value, quality = "actual") =>
  ({ start: `${start}T00:00:00-08:00`, end: `${end}T00:00:00-08:00`, days, value, quality });
const spreadMonth = (month, value, covered, days, quality = "actual") =>
  ({ start: `${month}-01T00:00:00-08:00`, value, quality, spread: true, days_covered: covered, days_in_month: days });

test("only the views the account's meters have are offered, finest first", () => {
  assert.deepEqual(offeredViews(["read_period", "month"]), ["read_period", "month"]);
  assert.deepEqual(offeredViews(["interval", "hour", "day", "read_period", "month"]), ["interval", "hour", "day", "read_period", "month"]);
  assert.deepEqual(offeredViews(["month", "day", "hour", "interval"]), ["interval", "hour", "day", "month"]);
  assert.deepEqual(offeredViews([]), []); // no meter at all
  // An answer that does not list them (a server before read periods): the interval meter's views.
  assert.deepEqual(offeredViews(undefined), ["interval", "hour", "day", "month"]);
  assert.equal(offers(["read_period", "month"], "hour"), false);
  assert.equal(offers(["read_period", "month"], "read_period"), true);
});

test("the page opens by day with an interval meter, else by read period, else by month", () => {
  assert.equal(firstView(["interval", "hour", "day", "month"]), "day");
  assert.equal(firstView(["interval", "hour", "day", "read_period", "month"]), "day");
  assert.equal(firstView(["read_period", "month"]), "read_period");
  assert.equal(firstView(["month"]), "month");
  assert.equal(firstView(null), "day");
  assert.equal(firstView([]), "day");
});

test("read periods are asked for 24 months back through today", () => {
  assert.deepEqual(usageRange("read_period", "2026-12-06"), { from: "2025-01-01", to: "2026-12-07" });
  assert.deepEqual(usageRange("month", "2026-12-06"), { from: "2025-01-01", to: "2027-01-01" });
});

test("the account's views are remembered on this device, so the first question is the right one", () => {
  const kept = new Map();
  const before = Object.getOwnPropertyDescriptor(globalThis, "localStorage");
  Object.defineProperty(globalThis, "localStorage", {
    configurable: true,
    value: { getItem: (k) => kept.get(k) ?? null, setItem: (k, v) => void kept.set(k, String(v)) },
  });
  try {
    assert.equal(rememberedResolutions("100000041"), null);
    rememberResolutions("100000041", ["month", "read_period", "nonsense"]);
    assert.deepEqual(rememberedResolutions("100000041"), ["read_period", "month"]);
    assert.equal(firstView(rememberedResolutions("100000041")), "read_period");
    assert.equal(rememberedResolutions("100000017"), null);
    rememberResolutions("100000017", undefined); // an older server's answer: nothing learnt
    assert.equal(rememberedResolutions("100000017"), null);
  } finally {
    if (before) Object.defineProperty(globalThis, "localStorage", before);
    else delete globalThis.localStorage;
  }
});

test("a read period's row has the local days of its reads, its days, usage per day and whether it is estimated", () => {
  const rows = readPeriodRows(register([
    period("2026-01-05", "2026-02-04", 30, "3100.000"),
    // Across the change to daylight saving time: the local days as written, not the browser's.
    { start: "2026-02-04T00:00:00-08:00", end: "2026-03-09T00:00:00-07:00", days: 33, value: "2970.000", quality: "estimated" },
    // Without `days`, counted from the dates.
    { start: "2026-03-09T00:00:00-07:00", end: "2026-04-08T00:00:00-07:00", value: "0.000", quality: "actual" },
  ]));
  assert.deepEqual(rows, [
    { start: "2026-01-05", end: "2026-02-04", days: 30, value: "3100.000", perDay: 3100 / 30, estimated: false },
    { start: "2026-02-04", end: "2026-03-09", days: 33, value: "2970.000", perDay: 90, estimated: true },
    { start: "2026-03-09", end: "2026-04-08", days: 30, value: "0.000", perDay: 0, estimated: false },
  ]);
  assert.equal(readPeriodRows(register([period("2026-01-05", "2026-01-05", 0, "0")]))[0].perDay, null);
});

test("a register month its reads cover only in part is marked: from the first read, through the last", () => {
  const s = register([
    spreadMonth("2026-09", "509.000", 10, 30),
    spreadMonth("2026-10", "1563.233", 31, 31, "estimated"),
    spreadMonth("2026-11", "941.767", 19, 30),
  ]);
  const rows = registerMonthRows(s);
  assert.deepEqual(rows.map((r) => [r.month, r.coverage, r.daysCovered, r.daysInMonth, r.estimated]), [
    ["2026-09", "from-first-read", 10, 30, false],
    ["2026-10", "whole", 31, 31, true],
    ["2026-11", "through-last-read", 19, 30, false],
  ]);
  assert.deepEqual(rows.map(coverageWords), ["monthFromFirstRead", null, "monthThroughLastRead"]);
  assert.deepEqual(registerNotes(s), { estimated: true, part: true });
  // One month only, read in part: neither first nor last says it.
  assert.equal(registerMonthRows(register([spreadMonth("2026-11", "90", 3, 30)]))[0].coverage, "part");
  // An interval meter's month is never "in part" (its own states say so).
  assert.equal(partlyCovered(point("2026-11-01T00:00:00-08:00", "90")), false);
  assert.deepEqual(registerNotes(register([spreadMonth("2026-10", "1", 31, 31)])), { estimated: false, part: false });
});

test("last month read only in part is not shown as last month's usage", () => {
  const rows = compareMonths([
    register([spreadMonth("2026-10", "1563.233", 31, 31), spreadMonth("2026-11", "941.767", 19, 30)]),
    register([spreadMonth("2026-11", "1200.000", 30, 30), spreadMonth("2026-12", "200.000", 5, 31)], { meter: "W2" }),
  ], "2026-12-06");
  assert.deepEqual(rows, [
    { commodity: "water", unit: "gal", thisMonth: null, lastMonth: null },
    { commodity: "water", unit: "gal", thisMonth: "200.000", lastMonth: "1200.000" },
  ]);
});

test("read periods are charted at the day of their later read; estimates hatched, part months outlined", () => {
  const periods = chartData(register([period("2026-01-05", "2026-02-04", 30, "3100"), period("2026-02-04", "2026-03-06", 30, "2900", "estimated")]), "read_period", LATER);
  assert.deepEqual(periods, { x: [Date.UTC(2026, 1, 4) / 1000, Date.UTC(2026, 2, 6) / 1000], y: [3100, 2900], marks: ["plain", "estimated"] });
  const months = chartData(register([spreadMonth("2026-01", "3000", 31, 31), spreadMonth("2026-02", "1500", 14, 28, "estimated")]), "month", LATER);
  assert.deepEqual(months.marks, ["plain", "part"]);
  assert.deepEqual(months.y, [3000, 1500]);
  // Interval meters' bars stay as they were, an estimated day hatched.
  assert.deepEqual(chartData(series([point("2026-03-07T00:00:00-08:00", "1"), point("2026-03-08T00:00:00-08:00", "2", "estimated")]), "day", LATER).marks, ["plain", "estimated"]);
  assert.equal(pointState(period("2026-01-05", "2026-02-04", 30, "3100"), "read_period", 0, LATER), "measured");
  assert.deepEqual(tickSteps("read_period", null), tickSteps("month", 15));
});

test("a series is a register meter's by its kind (or, from an older answer, by having no interval)", () => {
  assert.equal(isRegister(register([])), true);
  assert.equal(isRegister(series([])), false);
  assert.equal(isRegister(series([], { kind: "interval", interval_minutes: 15 })), false);
  assert.equal(isRegister(series([], { interval_minutes: null })), true);
});

test("a read period's days read as one range, the year said once when shared", () => {
  const plain = (text) => text.replace(/\s+/g, " ");
  assert.equal(plain(formatDayRange("2026-01-05", "2026-02-04")), "Jan 5 – Feb 4, 2026");
  assert.equal(plain(formatDayRange("2025-12-20T00:00:00-08:00", "2026-01-20T00:00:00-08:00")), "Dec 20, 2025 – Jan 20, 2026");
  assert.match(plain(formatDayRange("2026-01-05", "2026-02-04", "es-US")), /^5 de ene.* – 4 de feb.* 2026$/);
  assert.equal(plain(formatDayRange("2026-01-05", "2026-01-05")), "Jan 5, 2026");
});
