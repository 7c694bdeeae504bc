// The office's reports as the console shows them (pure; test/staffReports.test.mjs): the answer's
// shape (src/reports/report_table.h), each cell in words by its column's kind (money is whole cents,
// a share basis points: formatted exactly, never through float arithmetic), the range said in
// words and checked before asking. Relative imports end in .ts for the unit tests.

import { formatDate, formatMonth } from "../shared/format.ts";
import { formatBasisPoints, formatCount, formatWholeCents } from "./figures.ts";
import type { FieldErrors } from "./forms.ts";
import { isCalendarDay } from "./settings.ts";

/** One report of GET /api/v1/staff/reports. */
export interface ReportInfo {
  name: string;
  title: string;
  description: string;
  /** False: as of today; the range is not asked for. */
  ranged: boolean;
}

export type ColumnKind = "text" | "date" | "count" | "money" | "percent";

export interface ReportColumn {
  key: string;
  label: string;
  kind: ColumnKind | string;
}

/** A text or date cell is a string; a count, money (cents) or percent (basis points) cell a whole number. */
export type ReportCell = string | number;

/** GET /api/v1/staff/reports/{name}. */
export interface ReportTable {
  name: string;
  title: string;
  /** The days it covers, both included (the same day for an "as of today" report). */
  from: string;
  to: string;
  columns: ReportColumn[];
  rows: ReportCell[][];
  /** None, or one row summing the columns that sum (blank where they do not). */
  totals: ReportCell[][];
  /** The column the chart runs along, and the columns it draws. */
  chart: { x: string; series: string[] };
}

/** Whether the column holds figures (right-aligned, summed in the totals). */
export function isFigure(kind: string): boolean {
  return kind === "count" || kind === "money" || kind === "percent";
}

/** "2026-11-09" -> "Nov 9, 2026"; "2026-11" (a month) -> "November 2026"; anything else as sent. */
export function dateCellText(value: string): string {
  if (/^\d{4}-\d{2}$/.test(value)) return formatMonth(value);
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  return value;
}

/** A cell as the table shows it: money "$1,234.56", percent "12.34%", count "1,234", a date in words. */
export function cellText(cell: ReportCell | null | undefined, kind: string): string {
  if (cell === null || cell === undefined || cell === "") return "";
  if (typeof cell === "number") {
    if (kind === "money") return formatWholeCents(cell);
    if (kind === "percent") return formatBasisPoints(cell);
    return formatCount(cell);
  }
  return kind === "date" ? dateCellText(cell) : cell;
}

/** "Nov 7, 2026 to Dec 6, 2026", or "as of Dec 6, 2026" for a report that is not ranged. */
export function rangeWords(table: Pick<ReportTable, "from" | "to">, ranged: boolean): string {
  if (!ranged || table.from === table.to) return `${ranged ? "" : "as of "}${formatDate(table.from)}`;
  return `${formatDate(table.from)} to ${formatDate(table.to)}`;
}

/** The range form's fields, in its order. */
export const RANGE_FIELDS = ["from", "to"] as const;

/**
 * What the range form finds before asking: each day given, and on the calendar. Whether `from`
 * is after `to`, and the longest range, are the server's to say (at the field it names).
 */
export function checkRange(from: string, to: string): FieldErrors {
  const errors: FieldErrors = {};
  if (!from.trim()) errors.from = "Choose the first day.";
  else if (!isCalendarDay(from.trim())) errors.from = "Type the first day as YYYY-MM-DD.";
  if (!to.trim()) errors.to = "Choose the last day.";
  else if (!isCalendarDay(to.trim())) errors.to = "Type the last day as YYYY-MM-DD.";
  return errors;
}

/** The report's query: the range when given (left out, the server's last 30 days), and the format. */
export function reportQuery(from: string, to: string, format?: "csv"): string {
  const q = new URLSearchParams();
  if (from) q.set("from", from);
  if (to) q.set("to", to);
  if (format) q.set("format", format);
  const text = q.toString();
  return text ? `?${text}` : "";
}

/** Where the report's CSV file is: the same table, money in dollars and shares in percent. */
export function reportCsvPath(name: string, from: string, to: string): string {
  return `/api/v1/staff/reports/${encodeURIComponent(name)}${reportQuery(from, to, "csv")}`;
}
