// The storm summary's charts as numbers (pure; test/staffOutageChart.test.mjs): customers out over
// the last 24 hours as a step line (the count holds until the next change), and the signals of each
// hour as bars (customers' reports on meters' last gasps). OutageCharts.tsx draws them as SVG.

import { niceTicks } from "./reportChart.ts";

export const HOUR_MS = 3_600_000;

export interface Plot {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Where a time and a count fall on a plot spanning [from, to] and counts [0, max]. */
export function scales(plot: Plot, from: number, to: number, max: number) {
  const innerW = plot.width - plot.left - plot.right;
  const innerH = plot.height - plot.top - plot.bottom;
  return {
    x: (t: number) => plot.left + (innerW * (Math.min(Math.max(t, from), to) - from)) / Math.max(1, to - from),
    y: (v: number) => plot.top + innerH - (innerH * v) / Math.max(1, max),
  };
}

/** The count axis's round ticks from 0 to at least `most` (0 and 1 when nothing happened). */
export function countTicks(most: number): number[] {
  return niceTicks(0, Math.max(0, most), 4);
}

/**
 * The step line of customers out: each count held until the next change; before the first change
 * in the window, the count it changed from is not known, so the line starts at the first change
 * (or at `from`, with the first count, when the first change is earlier). Ends at `to`.
 * Points outside [from, to] are clamped; points are in time order. "" when there are none.
 */
export function stepPath(points: readonly { at: string; customers_out: number }[], from: number, to: number,
  x: (t: number) => number, y: (v: number) => number): string {
  const times = points.map((p) => ({ t: Date.parse(p.at), v: p.customers_out })).filter((p) => !Number.isNaN(p.t)).sort((a, b) => a.t - b.t);
  // The last count before the window starts holds at its start.
  const before = times.filter((p) => p.t <= from).pop();
  const inside = times.filter((p) => p.t > from && p.t <= to);
  const steps = before ? [{ t: from, v: before.v }, ...inside] : inside;
  if (steps.length === 0) return "";
  const r = (n: number) => Math.round(n * 10) / 10;
  let d = `M${r(x(steps[0].t))},${r(y(steps[0].v))}`;
  for (let i = 1; i < steps.length; i++) d += `H${r(x(steps[i].t))}V${r(y(steps[i].v))}`;
  return `${d}H${r(x(to))}`;
}

/** The most customers out at any point the chart shows. */
export function mostOut(points: readonly { customers_out: number }[]): number {
  return points.reduce((m, p) => Math.max(m, p.customers_out), 0);
}

/** The hours whose label the time axis shows: every `every` hours on the utility's clocks' hour (the hour's start). */
export function labelledHours(from: number, to: number, every: number, hourOf: (t: number) => number): number[] {
  const first = Math.ceil(from / HOUR_MS) * HOUR_MS;
  const out: number[] = [];
  for (let t = first; t <= to; t += HOUR_MS) if (hourOf(t) % every === 0) out.push(t);
  return out;
}

/** An hour's bar: its reports on its last gasps, from the bottom up. */
export interface HourBar {
  x: number;
  width: number;
  reports: { y: number; height: number };
  lastGasps: { y: number; height: number };
}

/** The bars of the hours (oldest first), each an hour wide less a gap. */
export function hourBars(hours: readonly { hour: string; reports: number; last_gasps: number }[], x: (t: number) => number,
  y: (v: number) => number): HourBar[] {
  return hours.map((h) => {
    const start = Date.parse(h.hour);
    const left = x(start);
    const width = Math.max(1, x(start + HOUR_MS) - left - 2);
    const base = y(0);
    const gasps = y(h.last_gasps);
    const top = y(h.last_gasps + h.reports);
    return { x: left + 1, width, lastGasps: { y: gasps, height: base - gasps }, reports: { y: top, height: gasps - top } };
  });
}

/** The area under a step line (stepPath's), down to `baseY` and back to where it starts. */
export function areaUnder(line: string, baseY: number): string {
  const start = /^M([\d.-]+),/.exec(line);
  return start ? `${line}V${baseY}H${start[1]}Z` : "";
}
