// A report's chart, as numbers (pure; test/staffReports.test.mjs): the bars of the `series`
// columns along the `x` column, rows with the same x added up (whole numbers: cents, counts, basis
// points), stacked from zero (positive parts up, negative down); the axis's round ticks; the
// labels that fit. ReportChart.tsx draws it. The table under the chart stays the source of the figures.

import { centsToDecimal } from "../shared/money.ts";
import type { ReportTable } from "./reports.ts";
import { dateCellText } from "./reports.ts";

export interface ChartSeries {
  key: string;
  label: string;
}

export interface ChartPoint {
  /** The x cell as sent ("2026-11-09", "commercial"). */
  x: string;
  /** One sum per series, in the series' order. */
  values: number[];
}

export interface ChartData {
  /** The x column's label ("Day") and kind (a date is labelled in short words). */
  xLabel: string;
  xKind: string;
  /** The kind of the series' figures (money, count, percent): the first series'. */
  kind: string;
  series: ChartSeries[];
  points: ChartPoint[];
}

/**
 * The chart of a report's answer; null when there is nothing to draw (no rows, or a chart naming
 * columns the answer does not have).
 */
export function chartDataOf(table: ReportTable): ChartData | null {
  const xIndex = table.columns.findIndex((c) => c.key === table.chart.x);
  const seriesIndexes = table.chart.series.map((key) => table.columns.findIndex((c) => c.key === key));
  if (xIndex < 0 || seriesIndexes.length === 0 || seriesIndexes.some((i) => i < 0) || table.rows.length === 0) return null;
  const byX = new Map<string, number[]>();
  for (const row of table.rows) {
    const x = String(row[xIndex] ?? "");
    const sums = byX.get(x) ?? seriesIndexes.map(() => 0);
    seriesIndexes.forEach((column, i) => {
      const cell = row[column];
      if (typeof cell === "number" && Number.isSafeInteger(cell)) sums[i] += cell;
    });
    byX.set(x, sums);
  }
  return {
    xLabel: table.columns[xIndex].label,
    xKind: table.columns[xIndex].kind,
    kind: table.columns[seriesIndexes[0]].kind,
    series: seriesIndexes.map((i) => ({ key: table.columns[i].key, label: table.columns[i].label })),
    points: [...byX].map(([x, values]) => ({ x, values })),
  };
}

/** One series' part of a bar: from `low` to `high` on the value axis. */
export interface BarPart {
  series: number;
  low: number;
  high: number;
}

/** A bar's parts, stacked from zero: positive values upwards, negative downwards; zeros left out. */
export function stack(values: readonly number[]): BarPart[] {
  let up = 0;
  let down = 0;
  const parts: BarPart[] = [];
  values.forEach((v, series) => {
    if (v > 0) {
      parts.push({ series, low: up, high: up + v });
      up += v;
    } else if (v < 0) {
      parts.push({ series, low: down + v, high: down });
      down += v;
    }
  });
  return parts;
}

/** The least and the most any stacked bar reaches, zero included. */
export function extentOf(points: readonly ChartPoint[]): [number, number] {
  let min = 0;
  let max = 0;
  for (const p of points) {
    for (const part of stack(p.values)) {
      min = Math.min(min, part.low);
      max = Math.max(max, part.high);
    }
  }
  return [min, max];
}

/**
 * Round ticks covering [min, max], about `most` of them: whole numbers 1, 2 or 5 times a power of
 * ten apart (the figures are whole cents, counts or basis points). [0, 1] when both are 0.
 */
export function niceTicks(min: number, max: number, most = 5): number[] {
  if (min === 0 && max === 0) return [0, 1];
  const raw = (max - min) / Math.max(1, most);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power);
  const ticks: number[] = [];
  for (let t = Math.floor(min / step) * step; t < max + step; t += step) {
    ticks.push(t);
    if (t >= max) break;
  }
  return ticks;
}

const compactNumber = new Intl.NumberFormat("en-US", { notation: "compact", minimumFractionDigits: 0, maximumFractionDigits: 1 });
const compactMoney = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", notation: "compact", minimumFractionDigits: 0, maximumFractionDigits: 1 });

/** An axis tick in short words: cents 1250000 -> "$12.5K", basis points 2500 -> "25%", a count 1200 -> "1.2K". */
export function tickText(value: number, kind: string): string {
  if (kind === "money") return compactMoney.format(centsToDecimal(BigInt(value)) as `${number}`);
  if (kind === "percent") {
    const whole = Math.trunc(value / 100);
    const rest = Math.abs(value % 100);
    return `${whole}${rest ? `.${String(rest).padStart(2, "0").replace(/0$/, "")}` : ""}%`;
  }
  return compactNumber.format(value);
}

/** A bar's x label in short words: "2026-11-09" -> "Nov 9"; "2026-11" -> "Nov 2026"; text as sent. */
export function xText(x: string, kind: string): string {
  if (kind !== "date") return x;
  if (/^\d{4}-\d{2}-\d{2}$/.test(x)) {
    return new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" }).format(new Date(`${x}T00:00:00Z`));
  }
  if (/^\d{4}-\d{2}$/.test(x)) {
    return new Intl.DateTimeFormat("en-US", { month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(`${x}-01T00:00:00Z`));
  }
  return x;
}

/** The x cell in full words, for a bar's tooltip: "Nov 9, 2026". */
export function xFullText(x: string, kind: string): string {
  return kind === "date" ? dateCellText(x) : x;
}

/** Every how many bars a label is drawn so that at most `most` are (1: every bar). */
export function labelEvery(bars: number, most: number): number {
  return Math.max(1, Math.ceil(bars / Math.max(1, most)));
}

/**
 * A label broken into lines of at most `width` characters, at most `lines` of them (the last ends
 * with "…" when the words do not fit); a word longer than a line is cut.
 */
export function wrapLabel(text: string, width: number, lines: number): string[] {
  const out: string[] = [];
  let line = "";
  const words = text.trim().split(/\s+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const word = words[i].length > width ? `${words[i].slice(0, Math.max(1, width - 1))}…` : words[i];
    const next = line ? `${line} ${word}` : word;
    if (next.length <= width) {
      line = next;
      continue;
    }
    out.push(line);
    line = word;
    if (out.length === lines) {
      const last = out[lines - 1];
      out[lines - 1] = `${last.length >= width ? last.slice(0, width - 1) : last}…`;
      return out;
    }
  }
  if (line) out.push(line);
  return out;
}
