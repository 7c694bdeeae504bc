// Usage figures for the dashboard, the chart and its table. Pure: dates are ISO strings and
// "today" is passed in, so the tests pin it.
import { addDays, isoLocalDate } from "./validation.ts";
import type { MessageKey } from "./i18n/en.ts";
import { store, stored } from "./storage.ts";
import type { UsagePoint, UsageResolution, UsageSeries } from "./types.ts";

/**
 * The resolutions the portal offers: an interval meter's own intervals (one day, 15 minutes
 * typically), hours (last 7 days) and days (last 30); a register meter's read periods, from one
 * read to the next (last 24 months); and months (last 24), for either.
 */
export type UsageView = UsageResolution;

/** Every view, in the order the page offers them: finest first. */
const ALL_VIEWS: readonly UsageView[] = ["interval", "hour", "day", "read_period", "month"];

/** What an answer that does not list its resolutions (a server before read periods) offers. */
const INTERVAL_VIEWS: readonly UsageView[] = ["interval", "hour", "day", "month"];

/**
 * The views to offer, finest first: those the account's meters have (a usage answer's
 * `resolutions`): intervals, hours and days only with an interval meter, read periods only with a
 * register meter, months with either. Without the list, the interval meter's views.
 */
export function offeredViews(resolutions: readonly string[] | null | undefined): UsageView[] {
  if (!Array.isArray(resolutions)) return [...INTERVAL_VIEWS];
  return ALL_VIEWS.filter((v) => resolutions.includes(v));
}

/**
 * The view the usage page opens on: by day (the last 30, compared) when the account has an
 * interval meter; else by read period, the figures of its bills; else by month.
 */
export function firstView(resolutions: readonly string[] | null | undefined): UsageView {
  const offered = offeredViews(resolutions);
  for (const view of ["day", "read_period", "month"] as const) {
    if (offered.includes(view)) return view;
  }
  return FIRST_USAGE_VIEW;
}

/** Whether the page shows `view` as it is: when the account's meters have it. An answer that does
 * not list its resolutions has them all. */
export function offers(resolutions: readonly string[] | null | undefined, view: UsageView): boolean {
  return offeredViews(resolutions).includes(view);
}

const VIEWS_KEY = "ratepayer.usage-views.";

/** The resolutions an account's meters offered last time on this device (null when not known), so
 * the usage page's first question is the one it will show. */
export function rememberedResolutions(account: string): UsageResolution[] | null {
  const text = account ? stored(VIEWS_KEY + account) : null;
  if (text === null) return null;
  return text.split(",").filter((v): v is UsageResolution => (ALL_VIEWS as readonly string[]).includes(v));
}

export function rememberResolutions(account: string, resolutions: readonly string[] | undefined): void {
  if (!account || !Array.isArray(resolutions)) return;
  const text = offeredViews(resolutions).join(",");
  if (stored(VIEWS_KEY + account) !== text) store(VIEWS_KEY + account, text);
}

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

/** The view the usage page opens on when it does not know the account's meters yet. */
export const FIRST_USAGE_VIEW: UsageView = "day";

/**
 * The days asked for each view: yesterday (intervals; the page passes the day picked through
 * dayRange instead), the last 7 or 30 days through today, 24 months through this one, or the read
 * periods of those 24 months through today (the server answers those that overlap the days).
 */
export function usageRange(view: UsageView, today: string): DateRange {
  if (view === "interval") return dayRange(defaultIntervalDay(today));
  if (view === "hour") return { from: addDays(today, -6), to: addDays(today, 1) };
  if (view === "day") return { from: addDays(today, -29), to: addDays(today, 1) };
  if (view === "read_period") return { from: firstOfMonth(today, -23), to: addDays(today, 1) };
  return { from: firstOfMonth(today, -23), to: firstOfMonth(today, 1) };
}

export interface MonthComparison {
  commodity: string;
  unit: string;
  thisMonth: string | null; // usage so far this month, as the API sent it
  lastMonth: string | null;
}

/**
 * Per metered series: this month so far and last month, from a monthly usage answer. This month
 * is still going, so the API marks it missing (its later days have no reads yet): it counts
 * as soon as it has any reads. Last month counts when it was measured throughout: for a register
 * meter, when its reads cover every day of it (before the next read it is only part of a month).
 */
export function compareMonths(series: UsageSeries[], today: string): MonthComparison[] {
  const thisMonth = today.slice(0, 7);
  const lastMonth = firstOfMonth(today, -1).slice(0, 7);
  return series.map((s) => {
    const inMonth = (month: string) => s.points.find((p) => p.start.slice(0, 7) === month);
    const current = inMonth(thisMonth);
    const last = inMonth(lastMonth);
    return {
      commodity: s.commodity,
      unit: s.unit,
      thisMonth: current && hasReads(current) ? current.value : null,
      lastMonth: last && last.quality !== "missing" && !partlyCovered(last) ? last.value : null,
    };
  });
}

/** Whether any of a point's intervals was read: the API marks a point missing when any one of
 * them is, and its value is then the sum of those that were. */
export function hasReads(p: UsagePoint): boolean {
  return p.quality !== "missing" || Number(p.value) !== 0;
}

/** "Now" for usage: the day in the utility's time zone, and the instant (ms since the epoch). */
export interface UsageNow {
  today: string;
  at: number;
}

/** The date ("2026-03-08") it is at `at` in an IANA time zone; null for a zone Intl does not know. */
export function todayIn(timeZone: string, at: Date): string | null {
  try {
    const parts = new Intl.DateTimeFormat("en-US", {
      timeZone, year: "numeric", month: "2-digit", day: "2-digit",
    }).formatToParts(at);
    const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
    const date = `${part("year")}-${part("month")}-${part("day")}`;
    return /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null;
  } catch {
    return null;
  }
}

/** Now, for a usage answer in the utility's `timeZone` (the browser's day if the zone is unknown). */
export function usageNow(timeZone: string, at: Date = new Date()): UsageNow {
  return { today: todayIn(timeZone, at) ?? isoLocalDate(at), at: at.getTime() };
}

/**
 * What a point is, for showing it:
 * - `measured`: a past period, every interval read (its quality says how);
 * - `partial`: a past period with some intervals read and some not (its value counts those read);
 * - `missing`: a past period with no reads at all;
 * - `so-far`: the period going on now, with reads so far (its value is the usage so far);
 * - `in-progress`: the period going on now, with no reads yet;
 * - `not-yet`: a period still to come (later hours of today).
 * A period going on now is never missing: the API marks it so only because its later intervals
 * have not happened yet.
 */
export type PointState = "measured" | "partial" | "missing" | "so-far" | "in-progress" | "not-yet";

function timing(start: string, view: UsageView, intervalMinutes: number, now: UsageNow): "past" | "now" | "future" {
  if (view === "read_period") return "past"; // from one read to a later one: both taken
  if (view === "day" || view === "month") {
    const length = view === "day" ? 10 : 7;
    const label = start.slice(0, length);
    const current = now.today.slice(0, length);
    return label < current ? "past" : label === current ? "now" : "future";
  }
  const from = Date.parse(start);
  if (Number.isNaN(from)) return timing(start, "day", intervalMinutes, now);
  const minutes = view === "hour" ? 60 : intervalMinutes > 0 ? intervalMinutes : 15;
  if (from > now.at) return "future";
  return from + minutes * 60_000 > now.at ? "now" : "past";
}

export function pointState(p: UsagePoint, view: UsageView, intervalMinutes: number, now: UsageNow): PointState {
  const when = timing(p.start, view, intervalMinutes, now);
  if (when === "future") return "not-yet";
  if (when === "now") return hasReads(p) ? "so-far" : "in-progress";
  if (p.quality !== "missing") return "measured";
  return hasReads(p) ? "partial" : "missing";
}

/** The value to show for a point in `state`, or null for none (a dash in the table, a gap in the chart). */
export function shownValue(p: UsagePoint, state: PointState): string | null {
  return state === "measured" || state === "partial" || state === "so-far" ? p.value : null;
}

const READING_WORDS: Record<Exclude<PointState, "measured">, MessageKey> = {
  partial: "qualityPartial",
  missing: "qualityMissing",
  "so-far": "readingSoFar",
  "in-progress": "readingInProgress",
  "not-yet": "readingNotYet",
};

const QUALITY_WORDS: Record<UsagePoint["quality"], MessageKey> = {
  actual: "qualityActual",
  estimated: "qualityEstimated",
  edited: "qualityEdited",
  missing: "qualityMissing",
};

/** The words in the table's reading column for a point in `state`. */
export function readingWords(p: UsagePoint, state: PointState): MessageKey | null {
  if (state !== "measured") return READING_WORDS[state];
  return QUALITY_WORDS[p.quality] ?? null;
}

/**
 * The local calendar day ("2024-05-01") or month ("2024-05") a point starts in. The API writes
 * starts in the utility's local time with its offset ("2024-05-01T00:00:00-07:00"), so the
 * date is the text before the "T"; it is not converted through the browser's zone.
 */
export function pointLabelDate(start: string, view: UsageView): string {
  if (view === "hour" || view === "interval") return start.slice(0, 16);
  if (view === "read_period") return start.slice(0, 10);
  return view === "month" ? start.slice(0, 7) : start.slice(0, 10);
}

/**
 * How a bar is drawn besides its height, so that it does not rest on colour alone: `estimated`
 * (hatched), `part` (outlined: a register meter's month its reads cover only in part), or
 * `plain` (solid).
 */
export type BarMark = "plain" | "estimated" | "part";

export interface ChartData {
  x: number[]; // seconds since the epoch of each point's local day or hour (a read period: the
  // day of its later read), as UTC (for labels)
  y: (number | null)[]; // null for a missing point: a gap, not a zero
  marks: BarMark[];
}

/** The numbers the chart draws: one bar per point (the period going on now, its usage so far); a
 * point without a value to show (missing, still to come) is a gap, not a zero. */
export function chartData(series: UsageSeries, view: UsageView, now: UsageNow): ChartData {
  const x: number[] = [];
  const y: (number | null)[] = [];
  const marks: BarMark[] = [];
  for (const p of series.points) {
    const local =
      view === "interval"
        ? `${p.start.slice(0, 16)}:00Z`
        : view === "hour"
          ? `${p.start.slice(0, 13)}:00:00Z`
          : view === "read_period"
            ? `${(p.end ?? p.start).slice(0, 10)}T00:00:00Z`
            : `${view === "month" ? `${p.start.slice(0, 7)}-01` : p.start.slice(0, 10)}T00:00:00Z`;
    x.push(Date.parse(local) / 1000);
    const state = pointState(p, view, series.interval_minutes ?? 0, now);
    const value = shownValue(p, state);
    y.push(value === null ? null : Number(value));
    marks.push(partlyCovered(p) ? "part" : p.quality === "estimated" && value !== null ? "estimated" : "plain");
  }
  return { x, y, marks };
}

/** The smallest of 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten that is >= x (> 0). */
function niceCeil(x: number): number {
  const power = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) {
    if (m * power >= x * (1 - 1e-12)) return m * power;
  }
  return 10 * power;
}

/**
 * The chart's y axis, from the smallest and largest value drawn (null when none): it starts at
 * 0, so bars compare by their height (below 0 only for negative values, as net metering can
 * give), and ends at a round number a little above the tallest bar.
 */
export function chartYRange(min: number | null, max: number | null): [number, number] {
  const lo = min !== null && Number.isFinite(min) && min < 0 ? -niceCeil(-min * 1.05) : 0;
  const hi = max !== null && Number.isFinite(max) && max > 0 ? niceCeil(max * 1.05) : 0;
  return hi === lo ? [lo, lo + 1] : [lo, hi];
}

/**
 * How many bars apart the chart's x-axis labels may be. For intervals they fall on whole hours
 * (every 1, 2, 3, 4, 6 or 12 hours of `intervalMinutes` bars); otherwise on 1, 2, 3, ... bars.
 */
export function tickSteps(view: UsageView, intervalMinutes: number | null): number[] {
  if (view !== "interval" || intervalMinutes === null) return [1, 2, 3, 4, 6, 7, 12, 14];
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
  return series.points.some(hasReads);
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
 * The total of a series' points with reads, as a number, and whether every past point was read
 * throughout (the period going on now and those to come do not make it incomplete); null when
 * none has reads (no meter then, or no data).
 */
export function seriesTotal(
  series: UsageSeries | undefined,
  view: UsageView,
  now: UsageNow,
): { total: number; complete: boolean } | null {
  if (!series) return null;
  let total = 0;
  let shown = 0;
  let complete = true;
  for (const p of series.points) {
    const state = pointState(p, view, series.interval_minutes ?? 0, now);
    const value = shownValue(p, state);
    if (value !== null) {
      total += Number(value);
      shown += 1;
    }
    if (state === "partial" || state === "missing") complete = false;
  }
  return shown === 0 ? null : { total, complete };
}

/** The series in `list` for the same meter channel as `shown` (another period's answer). */
export function sameChannel(list: UsageSeries[], shown: UsageSeries): UsageSeries | undefined {
  return list.find(
    (s) => s.service_point_id === shown.service_point_id && s.channel === shown.channel && s.meter === shown.meter,
  );
}

/** Whether a series is a register meter's (read by hand or by an AMR drive-by, not by interval). */
export function isRegister(series: UsageSeries): boolean {
  return series.kind === "register" || (series.kind === undefined && series.interval_minutes === null);
}

/** Whether a register meter's month is covered by its reads on only some of its days (before its
 * first read, or after its last one): its figure is not a whole month's. */
export function partlyCovered(p: UsagePoint): boolean {
  return p.spread === true && typeof p.days_covered === "number" && typeof p.days_in_month === "number" &&
    p.days_covered < p.days_in_month;
}

/** Whole days from one local date ("2026-01-05") to another. */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to.slice(0, 10)}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`)) / 86_400_000);
}

/** One read period of a register meter, for its row: from one read to the next. */
export interface ReadPeriodRow {
  start: string; // the local day of the earlier read ("2026-01-05")
  end: string; // the local day of the later read
  days: number;
  value: string; // as the API sent it
  /** The usage per day (null for a period of no days). */
  perDay: number | null;
  estimated: boolean;
}

/**
 * The read periods of a register series, oldest first: dates as the API wrote them (the utility's
 * local days, not moved by the browser's zone), the days between the reads, the usage and its
 * figure per day, and whether it is an estimate (either read was estimated).
 */
export function readPeriodRows(series: UsageSeries): ReadPeriodRow[] {
  return series.points.map((p) => {
    const start = p.start.slice(0, 10);
    const end = (p.end ?? p.start).slice(0, 10);
    const days = typeof p.days === "number" ? p.days : daysBetween(start, end);
    return {
      start,
      end,
      days,
      value: p.value,
      perDay: days > 0 ? Number(p.value) / days : null,
      estimated: p.quality === "estimated",
    };
  });
}

/**
 * How much of a register meter's month its reads cover: `whole`; `through-last-read` (the newest
 * month, after whose last read no read has come yet); `from-first-read` (the oldest, before its
 * first read); or `part` (some days, otherwise).
 */
export type MonthCoverage = "whole" | "through-last-read" | "from-first-read" | "part";

export interface MonthRow {
  month: string; // "2026-01"
  value: string;
  estimated: boolean;
  coverage: MonthCoverage;
  daysCovered: number;
  daysInMonth: number;
}

/** The months of a register series, oldest first, each with how much of it the reads cover. */
export function registerMonthRows(series: UsageSeries): MonthRow[] {
  const last = series.points.length - 1;
  return series.points.map((p, i) => {
    const daysInMonth = p.days_in_month ?? daysBetween(firstOfMonth(p.start), firstOfMonth(p.start, 1));
    const daysCovered = p.days_covered ?? daysInMonth;
    let coverage: MonthCoverage = "whole";
    if (partlyCovered(p)) {
      coverage = i === last && i !== 0 ? "through-last-read" : i === 0 && i !== last ? "from-first-read" : "part";
    }
    return { month: p.start.slice(0, 7), value: p.value, estimated: p.quality === "estimated", coverage, daysCovered, daysInMonth };
  });
}

const COVERAGE_WORDS: Record<Exclude<MonthCoverage, "whole">, MessageKey> = {
  "through-last-read": "monthThroughLastRead",
  "from-first-read": "monthFromFirstRead",
  part: "monthPartlyRead",
};

/** The words for a month its reads cover only in part ({covered} of {days} days), or null. */
export function coverageWords(row: MonthRow): MessageKey | null {
  return row.coverage === "whole" ? null : COVERAGE_WORDS[row.coverage];
}

/** What the notes under a register series' chart explain: estimates, and part months. */
export function registerNotes(series: UsageSeries): { estimated: boolean; part: boolean } {
  return {
    estimated: series.points.some((p) => p.quality === "estimated"),
    part: series.points.some(partlyCovered),
  };
}

/** Two local days ("2026-09-21", "2026-10-21") as one range for reading: "Sep 21 – Oct 21, 2026"
 * (en-US), "21 de sept – 21 de oct 2026" (es-US); the year once when both share it. */
export function formatDayRange(from: string, to: string, locale = "en-US"): string {
  const a = new Date(`${from.slice(0, 10)}T00:00:00Z`);
  const b = new Date(`${to.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(a.getTime()) || Number.isNaN(b.getTime())) return `${from} – ${to}`;
  const f = new Intl.DateTimeFormat(locale, { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });
  return a.getTime() < b.getTime() ? f.formatRange(a, b) : f.format(b);
}
