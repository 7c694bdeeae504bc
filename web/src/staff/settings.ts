// The utility's settings as the console shows them (pure; test/staffSettings.test.mjs): the
// sections the office thinks in, each setting's name in words, its value read as people read it
// (cents as dollars, basis points as percent, holidays as dates), the holiday list's edits, and
// the bill schedule's months. The rules themselves are the server's (src/store/setting_rules.cc):
// the console sends what is typed and shows the server's refusal at the field.
// Relative imports end in .ts for the unit tests.

import { formatDate } from "../shared/format.ts";
import { formatBasisPoints, formatWholeCents, wholeNumberOf } from "./figures.ts";
import { codeLabel } from "./labels.ts";

/** Changing one (it also needs a sign-in from the last 5 minutes: ConfirmIdentity). */
export const SETTINGS_CHANGE_PERMISSION = "settings.change";

export type SettingKind = "text" | "whole_number" | "time_zone" | "dates" | "digits" | "json_object";

/** One setting of GET /api/v1/staff/settings. */
export interface Setting {
  /** "bill_due_days"; a family's member "vee_rules.electric"; the family itself, when none is set, "vee_rules.". */
  key: string;
  kind: SettingKind | string;
  /** whole_number: the least and the most it may be. */
  minimum?: number;
  /** whole_number: the most; text: the most characters; digits: how many. */
  maximum?: number;
  /** What it means, in the server's words (lower case, no full stop). */
  meaning: string;
  /** As set; null when it is not (when_unset applies). */
  value: string | null;
  /** What applies when it is not set; "" for nothing. */
  when_unset: string;
}

/** The answer to PUT /api/v1/staff/settings/{key}. */
export interface SettingChanged {
  key: string;
  value: string;
  /** False when the setting had this value already. */
  changed: boolean;
}

/** One change of GET /api/v1/staff/settings/changes, newest first. */
export interface SettingChange {
  id: number;
  /** The instant (UTC). */
  at: string;
  key: string;
  /** Before; null when it was not set. */
  from: string | null;
  to: string;
  actor: string;
  actor_kind: string;
  actor_name: string;
}

/** One cycle's dates in GET /api/v1/staff/bill-schedule. */
export interface ScheduledCycle {
  cycle: number;
  read_date: string;
  bill_date: string;
  /** The days its bill covers: start to end, both included. */
  period: { start: string; end: string; days: number };
}

export interface BillSchedule {
  /** "2026-12". */
  month: string;
  time_zone: string;
  /** The month's holidays. */
  holidays: string[];
  cycles: ScheduledCycle[];
}

// ---- sections ----------------------------------------------------------------------------------

export interface SettingSection {
  id: string;
  title: string;
  /** Its settings, in the order shown (a key, or a prefix ending in "_" or "." for a family of them). */
  keys: readonly string[];
}

/**
 * The sections, in the order the office reads them. A key ending in "_" or "." takes every
 * setting it begins (in the server's order); any setting none takes is in "Other", so nothing is hidden.
 */
export const SETTING_SECTIONS: readonly SettingSection[] = [
  {
    id: "utility",
    title: "Utility and contact details",
    keys: ["name", "utility_address", "utility_phone", "utility_website", "utility_email", "utility_hours", "time_zone"],
  },
  { id: "bills", title: "Bills and due dates", keys: ["bill_due_days", "bill_holidays", "daily_jobs_hour"] },
  { id: "late-fees", title: "Late fees", keys: ["late_fee_", "late_fees_"] },
  { id: "approvals", title: "Approvals", keys: ["adjustment_approval_cents", "returned_payment_fee_cents"] },
  { id: "arrangements", title: "Payment arrangements", keys: ["arrangement_"] },
  { id: "ach", title: "Bank (ACH)", keys: ["ach_"] },
  { id: "vee", title: "Meter data validation", keys: ["vee_rules."] },
];

export const OTHER_SECTION: SettingSection = { id: "other", title: "Other", keys: [] };

const isPrefix = (k: string) => k.endsWith("_") || k.endsWith(".");
const takes = (k: string, key: string) => (isPrefix(k) ? key.startsWith(k) : key === k);

/** The settings by section, in the sections' order; a section with none is left out. */
export function sectionsOf(settings: readonly Setting[]): { section: SettingSection; settings: Setting[] }[] {
  const placed = new Set<string>();
  const out: { section: SettingSection; settings: Setting[] }[] = [];
  for (const section of SETTING_SECTIONS) {
    const mine: Setting[] = [];
    for (const k of section.keys) {
      for (const s of settings) {
        if (!placed.has(s.key) && takes(k, s.key)) {
          placed.add(s.key);
          mine.push(s);
        }
      }
    }
    if (mine.length > 0) out.push({ section, settings: mine });
  }
  const rest = settings.filter((s) => !placed.has(s.key));
  if (rest.length > 0) out.push({ section: OTHER_SECTION, settings: rest });
  return out;
}

// ---- words -------------------------------------------------------------------------------------

const LABELS: Record<string, string> = {
  name: "Utility name",
  time_zone: "Time zone",
  utility_address: "Postal address",
  utility_phone: "Phone number",
  utility_website: "Website",
  utility_email: "Email address",
  utility_hours: "Office hours",
  bill_due_days: "Days to pay a bill",
  bill_holidays: "Holidays",
  daily_jobs_hour: "Hour of the daily jobs",
  late_fee_grace_days: "Grace days",
  late_fee_percent_bp: "Late fee as a share",
  late_fee_flat_cents: "Flat late fee",
  late_fee_maximum_cents: "Largest late fee",
  late_fee_minimum_past_due_cents: "Least past due for a late fee",
  late_fees_after_final_bill: "Late fees after a final bill",
  adjustment_approval_cents: "Adjustment approval limit",
  returned_payment_fee_cents: "Returned payment fee",
  arrangement_down_payment_bp: "Down payment",
  arrangement_fewest_installments: "Fewest installments",
  arrangement_most_installments: "Most installments",
  arrangement_smallest_past_due_cents: "Least past due for an arrangement",
  ach_odfi_routing: "Bank routing number",
  ach_odfi_name: "Bank name",
  ach_company_name: "Name on bank statements",
  ach_company_id: "Company id at the bank",
  ach_entry_description: "Entry description",
};

/** "vee_rules.electric" -> "vee-rules-electric": the setting's part of the ids of its elements on the page. */
export function settingSlug(key: string): string {
  return key.replace(/[^A-Za-z0-9]+/g, "-");
}

/** A family of settings (one per commodity): "vee_rules." itself, when none of it is set. */
export function isFamily(key: string): boolean {
  return key.endsWith(".");
}

/** "bill_due_days" -> "Days to pay a bill"; "vee_rules.electric" -> "Rules for electric"; one not known, in words. */
export function settingLabel(key: string): string {
  if (LABELS[key]) return LABELS[key];
  const dot = key.indexOf(".");
  if (dot >= 0) {
    const member = key.slice(dot + 1);
    if (key.startsWith("vee_rules.")) return member ? `Rules for ${member}` : "Rules for a commodity";
    return member ? `${codeLabel(key.slice(0, dot))}: ${member}` : codeLabel(key.slice(0, dot));
  }
  return codeLabel(key);
}

/** The server's meaning as a sentence: "days from a bill's date …" -> "Days from a bill's date …." */
export function meaningSentence(meaning: string): string {
  const t = meaning.trim();
  if (!t) return t;
  const first = t[0].toUpperCase() + t.slice(1);
  return /[.!?]$/.test(first) ? first : `${first}.`;
}

/** What a whole number of the setting stands for: "cents" (_cents), "basis points" (_bp), else null. */
export function settingUnit(key: string): "cents" | "basis points" | null {
  if (key.endsWith("_cents")) return "cents";
  if (key.endsWith("_bp")) return "basis points";
  return null;
}

/** The value in people's words beside the raw one: "2500" -> "$25.00" (cents), "150" -> "1.50%"; else null. */
export function valueInWords(key: string, value: string): string | null {
  const unit = settingUnit(key);
  const n = unit ? wholeNumberOf(value) : null;
  if (n === null) return null;
  return unit === "cents" ? formatWholeCents(n) : formatBasisPoints(n);
}

/** What the value may be, said under its field (the server checks it and says so when it is not). */
export function settingHint(s: Setting): string {
  switch (s.kind) {
    case "whole_number": {
      const range = `A whole number from ${s.minimum ?? 0} to ${s.maximum ?? 0}`;
      const unit = settingUnit(s.key);
      return unit ? `${range}, in ${unit}.` : `${range}.`;
    }
    case "text":
      return s.maximum ? `Up to ${s.maximum} characters.` : "Text.";
    case "digits":
      return `${s.maximum ?? 0} digits.`;
    case "time_zone":
      return "A time zone of the tz database, such as America/Los_Angeles. It cannot change once bills exist.";
    case "json_object":
      return "A JSON object (docs/vee.md).";
    case "dates":
      return "Days that are not read, bill or due dates.";
    default:
      return "";
  }
}

/** Settings whose value holds lines (the postal address): a text area, not a line. */
export function isMultiline(s: Setting): boolean {
  return s.kind === "json_object" || s.key === "utility_address" || (s.value ?? "").includes("\n");
}

// ---- holidays ----------------------------------------------------------------------------------

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Whether "2026-12-25" is a day on the calendar. */
export function isCalendarDay(day: string): boolean {
  if (!DAY.test(day)) return false;
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day;
}

/** "2027-01-01, 2026-12-25,," -> ["2026-12-25", "2027-01-01"]: the days, in order, each once. */
export function holidaysOf(value: string | null): string[] {
  const days = (value ?? "").split(",").map((d) => d.trim()).filter(Boolean);
  return [...new Set(days)].sort();
}

/** The days as the setting keeps them: "2026-12-25,2027-01-01". */
export function holidaysValue(days: readonly string[]): string {
  return [...new Set(days)].sort().join(",");
}

/** Why `day` cannot be added to `days` (said at the date field); undefined when it can. */
export function checkHoliday(day: string, days: readonly string[]): string | undefined {
  if (!day.trim()) return "Choose a date to add.";
  if (!isCalendarDay(day)) return "Type a date as YYYY-MM-DD.";
  if (days.includes(day)) return `${formatDate(day)} is a holiday already.`;
  return undefined;
}

/** "2026-12-26" -> "Saturday": a weekend day is never a business day anyway. */
export function weekendName(day: string): string | null {
  if (!isCalendarDay(day)) return null;
  const n = new Date(`${day}T00:00:00Z`).getUTCDay();
  return n === 0 ? "Sunday" : n === 6 ? "Saturday" : null;
}

/** The days added and removed from one holidays value to another (a change in words). */
export function holidayChanges(from: string | null, to: string): { added: string[]; removed: string[] } {
  const before = holidaysOf(from);
  const after = holidaysOf(to);
  return { added: after.filter((d) => !before.includes(d)), removed: before.filter((d) => !after.includes(d)) };
}

// ---- the bill schedule's months --------------------------------------------------------------

/** "2026-12", +1 -> "2027-01"; -12 -> "2025-12". */
export function shiftMonth(month: string, by: number): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return month;
  const index = Number(m[1]) * 12 + (Number(m[2]) - 1) + by;
  return `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`;
}

// ---- changes -----------------------------------------------------------------------------------

/**
 * A value before or after a change, short: null -> "not set"; "" -> "empty"; cents "2500
 * ($25.00)"; one longer than `most` characters (a JSON object) cut with "…"; lines joined.
 */
export function changeValueText(key: string, value: string | null, most = 80): string {
  if (value === null) return "not set";
  if (value === "") return "empty";
  const words = valueInWords(key, value);
  if (words) return `${value} (${words})`;
  const flat = value.replace(/\s*\n\s*/g, ", ");
  return flat.length > most ? `${flat.slice(0, most - 1)}…` : flat;
}
