// The storm summary's charts as numbers (src/staff/outageChart.ts): the scales, the count axis's
// ticks, the step line of customers out (the count held until it changes, the count before the
// window carried to its start), the area under it, the labelled hours and each hour's bar.
import { test } from "node:test";
import assert from "node:assert/strict";
import { HOUR_MS, areaUnder, countTicks, hourBars, labelledHours, mostOut, scales, stepPath } from "../.test-build/staff/outageChart.js";

const PLOT = { width: 240, height: 110, left: 20, right: 20, top: 5, bottom: 5 }; // 200 x 100 inside
const FROM = Date.parse("2026-12-07T00:00:00Z");
const TO = FROM + 4 * HOUR_MS;

test("scales: times across the plot (clamped to it), counts up from its bottom", () => {
  const { x, y } = scales(PLOT, FROM, TO, 50);
  assert.equal(x(FROM), 20);
  assert.equal(x(TO), 220);
  assert.equal(x(FROM + 2 * HOUR_MS), 120);
  assert.equal(x(FROM - HOUR_MS), 20, "before the window: at its start");
  assert.equal(y(0), 105);
  assert.equal(y(50), 5);
  assert.equal(y(25), 55);
});

test("the count axis: round ticks from 0 past the most; 0 and 1 when nothing is out", () => {
  assert.deepEqual(countTicks(0), [0, 1]);
  assert.deepEqual(countTicks(12), [0, 5, 10, 15]);
  assert.deepEqual(countTicks(1800), [0, 500, 1000, 1500, 2000]);
  assert.equal(mostOut([{ customers_out: 3 }, { customers_out: 40 }, { customers_out: 0 }]), 40);
});

test("the step line: each count held until the next change, to the window's end; the count before the window starts it", () => {
  const { x, y } = scales(PLOT, FROM, TO, 100);
  const at = (h) => new Date(FROM + h * HOUR_MS).toISOString();
  assert.equal(stepPath([{ at: at(1), customers_out: 50 }, { at: at(3), customers_out: 0 }], FROM, TO, x, y), "M70,55H170V105H220");
  assert.equal(stepPath([{ at: at(3), customers_out: 0 }, { at: at(-2), customers_out: 20 }, { at: at(2), customers_out: 100 }], FROM, TO, x, y),
    "M20,85H120V5H170V105H220", "out of order, one before the window");
  assert.equal(stepPath([], FROM, TO, x, y), "");
  assert.equal(stepPath([{ at: at(5), customers_out: 9 }], FROM, TO, x, y), "", "after the window: nothing to draw");
  assert.equal(areaUnder("M70,55H170V105H220", 105), "M70,55H170V105H220V105H70Z");
  assert.equal(areaUnder("", 105), "");
});

test("the hours labelled: every 6 on the clock given, from the first whole hour", () => {
  const utcHour = (t) => new Date(t).getUTCHours();
  assert.deepEqual(labelledHours(FROM - 30 * 60_000, FROM + 13 * HOUR_MS, 6, utcHour).map((t) => new Date(t).toISOString()),
    ["2026-12-07T00:00:00.000Z", "2026-12-07T06:00:00.000Z", "2026-12-07T12:00:00.000Z"]);
});

test("an hour's bar: an hour wide less a gap, the last gasps at the bottom and the reports on them", () => {
  const { x, y } = scales(PLOT, FROM, TO, 100);
  const [bar] = hourBars([{ hour: new Date(FROM + HOUR_MS).toISOString(), reports: 30, last_gasps: 20 }], x, y);
  assert.deepEqual(bar, { x: 71, width: 48, lastGasps: { y: 85, height: 20 }, reports: { y: 55, height: 30 } });
});
