// Usage figures for the dashboard, the chart and its table. Pure: dates are ISO strings and
// "today" is passed in, so the tests pin it.
import { addDays } from "./validation.ts";
import type { UsageResolution, UsageSeries } from "./types.ts";

/**
 * The resolutions the portal offers: the meter's own intervals (one day, 15 minutes typically),
 * hours (last 7 days), days (last 30) and months (last 24).
 */
export type UsageView = Extract<UsageResolution, "interval" | "hour" | "day" | "month">;

export interface DateRange {
  from: string; // first local day included
  to: string; // first local day not included
}

/** First day of the month `offset` months from the month of `isoDate`. */
export function firstOfMonth(isoDate: string, offset = 0): string {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7)) - 1 + offset;
  const y = year + Math.floor(month / 12);
  const m = ((month % 12) + 12) % 12;
  return `${y}-${String(m + 1).padStart(2, "0")}-01`;
}

/** One local day: [day, day + 1). */
export function dayRange(day: string): DateRange {
  return { from: day, to: addDays(day, 1) };
}

/** The day the interval view opens on: yesterday, the last whole day measured. */
export function defaultIntervalDay(today: string): string {
  return addDays(today, -1);
}

/** The view the usage page opens on. */
export const FIRST_USAGE_VIEW: UsageView = "day";

/**
 * The days asked for each view: yesterday (intervals; the page passes the day picked through
 * dayRange instead), the last 7 or 30 days through today, or 24 months through this one.
 */
export function usageRange(view: UsageView, today: string): DateRange {
  if (view === "interval") return dayRange(defaultIntervalDay(today));
  if (view === "hour") return { from: addDays(today, -6), to: addDays(today, 1) };
  if (view === "day") return { from: addDays(today, -29), to: addDays(today, 1) };
  return { from: firstOfMonth(today, -23), to: firstOfMonth(today, 1) };
}

export interface MonthComparison {
  commodity: string;
  unit: string;
  thisMonth: string | null; // usage so far this month, as the API sent it
  lastMonth: string | null;
}

/** Per metered series: this month so far and last month, from a monthly usage answer. */
export function compareMonths(series: UsageSeries[], today: string): MonthComparison[] {
  const thisMonth = today.slice(0, 7);
  const lastMonth = firstOfMonth(today, -1).slice(0, 7);
  return series.map((s) => {
    const valueFor = (month: string) => {
      const point = s.points.find((p) => p.start.slice(0, 7) === month && p.quality !== "missing");
      return point ? point.value : null;
    };
    return {
      commodity: s.commodity,
      unit: s.unit,
      thisMonth: valueFor(thisMonth),
      lastMonth: valueFor(lastMonth),
    };
  });
}

/**
 * The local calendar day ("2024-05-01") or month ("2024-05") a point starts in. The API writes
 * starts in the utility's local time with its offset ("2024-05-01T00:00:00-07:00"), so the
 * date is the text before the "T"; it is not converted through the browser's zone.
 */
export function pointLabelDate(start: string, view: UsageView): string {
  if (view === "hour" || view === "interval") return start.slice(0, 16);
  return view === "month" ? start.slice(0, 7) : start.slice(0, 10);
}

export interface ChartData {
  x: number[]; // seconds since the epoch of each point's local day or hour, as UTC (for labels)
  y: (number | null)[]; // null for a missing point: a gap, not a zero
}

/** The numbers the chart draws: one bar per point; a missing point is a gap. */
export function chartData(series: UsageSeries, view: UsageView): ChartData {
  const x: number[] = [];
  const y: (number | null)[] = [];
  for (const p of series.points) {
    const local =
      view === "interval"
        ? `${p.start.slice(0, 16)}:00Z`
        : view === "hour"
          ? `${p.start.slice(0, 13)}:00:00Z`
          : `${view === "month" ? `${p.start.slice(0, 7)}-01` : p.start.slice(0, 10)}T00:00:00Z`;
    x.push(Date.parse(local) / 1000);
    y.push(p.quality === "missing" ? null : Number(p.value));
  }
  return { x, y };
}

/**
 * How many bars apart the chart's x-axis labels may be. For intervals they fall on whole hours
 * (every 1, 2, 3, 4, 6 or 12 hours of `intervalMinutes` bars); otherwise on 1, 2, 3, ... bars.
 */
export function tickSteps(view: UsageView, intervalMinutes: number): number[] {
  if (view !== "interval") return [1, 2, 3, 4, 6, 7, 12, 14];
  const perHour = intervalMinutes > 0 && intervalMinutes <= 60 ? Math.max(1, Math.round(60 / intervalMinutes)) : 1;
  return [1, 2, 3, 4, 6, 12].map((hours) => hours * perHour);
}

export interface ClockTime {
  time: string; // "13:45": the local wall-clock time the interval starts at
  /** The second time this clock time comes round in the day: the hour repeated when the
   * clocks go back in autumn (its start has the later offset). */
  repeated: boolean;
}

/** The local start time of each interval of one day, as the API wrote it (not the browser's zone). */
export function intervalClock(points: { start: string }[]): ClockTime[] {
  const seen = new Set<string>();
  return points.map((p) => {
    const time = p.start.slice(11, 16);
    const repeated = seen.has(time);
    seen.add(time);
    return { time, repeated };
  });
}

/** Whether a series has any usage to show. */
export function hasUsage(series: UsageSeries): boolean {
  return series.points.some((p) => p.quality !== "missing");
}

/** The days just before `range`, as many as it has (the previous period). */
export function previousRange(range: DateRange): DateRange {
  const days = Math.round((Date.parse(range.to) - Date.parse(range.from)) / 86_400_000);
  return { from: addDays(range.from, -days), to: range.from };
}

/** The same days one year earlier (29 February becomes 28 February). */
export function lastYearRange(range: DateRange): DateRange {
  const back = (iso: string) => {
    const year = Number(iso.slice(0, 4)) - 1;
    const monthDay = iso.slice(5) === "02-29" ? "02-28" : iso.slice(5);
    return `${year}-${monthDay}`;
  };
  return { from: back(range.from), to: back(range.to) };
}

/**
 * The total of a series' measured points as a number, and whether every point was measured;
 * null when it has none (no meter then, or no data).
 */
export function seriesTotal(series: UsageSeries | undefined): { total: number; complete: boolean } | null {
  if (!series) return null;
  const measured = series.points.filter((p) => p.quality !== "missing");
  if (measured.length === 0) return null;
  const total = measured.reduce((sum, p) => sum + Number(p.value), 0);
  return { total, complete: measured.length === series.points.length };
}

/** The series in `list` for the same meter channel as `shown` (another period's answer). */
export function sameChannel(list: UsageSeries[], shown: UsageSeries): UsageSeries | undefined {
  return list.find(
    (s) => s.service_point_id === shown.service_point_id && s.channel === shown.channel && s.meter === shown.meter,
  );
}
