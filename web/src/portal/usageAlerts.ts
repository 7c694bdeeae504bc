// High-usage alerts and possible leaks in the customer's words (pure; test/usageAlerts.test.mjs):
// the thresholds as typed and as sent, what is wrong with them before sending, which alert
// belongs to the bill period going on now, what a leak alert saw and what to check for it.
import type { MessageKey, Translate } from "./i18n/translate.ts";
import type { Leak, UsageAlert, UsageThresholds, UsageToDate } from "./types.ts";
import type { FieldErrors } from "./validation.ts";
import { parseAmountInput } from "./validation.ts";
import { centsToDecimal } from "../shared/money.ts";

/** The limits the server keeps to (src/api: amount $1.00-$100,000.00, percents whole 1-1000). */
export const LEAST_THRESHOLD_CENTS = 100n;
export const MOST_THRESHOLD_CENTS = 10_000_000n;
export const MOST_THRESHOLD_PERCENT = 1000;

/** The thresholds as typed: "" is no alert on that basis. */
export interface ThresholdDraft {
  amount: string;
  lastBillPercent: string;
  lastYearPercent: string;
}

/** The form's field ids, in its order. */
export const THRESHOLD_FIELD_IDS = ["alert-amount", "alert-last-bill", "alert-last-year"] as const;

/** The server's field names (a 422's `field`) -> the form's field ids. */
export const THRESHOLD_SERVER_FIELDS: Readonly<Record<string, string>> = {
  amount: "alert-amount",
  last_bill_percent: "alert-last-bill",
  last_year_percent: "alert-last-year",
};

/** What the server holds, as the form shows it: "150.00", "20", "" for none. */
export function thresholdDraft(thresholds: UsageThresholds): ThresholdDraft {
  return {
    amount: thresholds.amount?.amount ?? "",
    lastBillPercent: thresholds.last_bill_percent === null ? "" : String(thresholds.last_bill_percent),
    lastYearPercent: thresholds.last_year_percent === null ? "" : String(thresholds.last_year_percent),
  };
}

/** A whole percent as typed ("20", "20%", " 20 % "), or null when it is not one. */
export function parsePercentInput(value: string): number | null {
  const m = /^(\d{1,7})\s*%?$/.exec(value.trim());
  return m ? Number(m[1]) : null;
}

function checkAmount(value: string): MessageKey | null {
  if (value.trim() === "") return null;
  const cents = parseAmountInput(value);
  if (cents === null) return "errorAlertAmount";
  return cents < LEAST_THRESHOLD_CENTS || cents > MOST_THRESHOLD_CENTS ? "errorAlertAmountRange" : null;
}

function checkPercent(value: string): MessageKey | null {
  if (value.trim() === "") return null;
  const n = parsePercentInput(value);
  return n === null || n < 1 || n > MOST_THRESHOLD_PERCENT ? "errorAlertPercent" : null;
}

/** What is wrong before sending, by field id (the server checks the same and names the field). */
export function checkThresholds(draft: ThresholdDraft): FieldErrors {
  const errors: FieldErrors = {};
  const amount = checkAmount(draft.amount);
  const lastBill = checkPercent(draft.lastBillPercent);
  const lastYear = checkPercent(draft.lastYearPercent);
  if (amount) errors["alert-amount"] = amount;
  if (lastBill) errors["alert-last-bill"] = lastBill;
  if (lastYear) errors["alert-last-year"] = lastYear;
  return errors;
}

/** The PUT body for a draft checkThresholds passed: every basis, null where left empty. */
export function thresholdsForServer(draft: ThresholdDraft): {
  amount: string | null;
  last_bill_percent: number | null;
  last_year_percent: number | null;
} {
  const cents = draft.amount.trim() === "" ? null : parseAmountInput(draft.amount);
  const percent = (v: string) => (v.trim() === "" ? null : parsePercentInput(v));
  return {
    amount: cents === null ? null : centsToDecimal(cents),
    last_bill_percent: percent(draft.lastBillPercent),
    last_year_percent: percent(draft.lastYearPercent),
  };
}

/** Whether any threshold is set (no alert can come otherwise). */
export function anyThreshold(thresholds: UsageThresholds): boolean {
  return thresholds.amount !== null || thresholds.last_bill_percent !== null || thresholds.last_year_percent !== null;
}

/**
 * The high-usage alert to show on Home: the newest, when it is about the bill period going on
 * now (its period_start is the period so far's start). Null otherwise: an alert about a period
 * already billed is old news.
 */
export function currentPeriodAlert(alerts: readonly UsageAlert[], toDate: UsageToDate | null): UsageAlert | null {
  const newest = alerts[0];
  if (!newest || !toDate || toDate.problem) return null;
  return newest.period_start === toDate.period.start ? newest : null;
}

/** The leaks still open, newest first (as the server lists them). */
export function openLeaks(leaks: readonly Leak[]): Leak[] {
  return leaks.filter((l) => l.status === "open");
}

/** Formats a quantity in its unit's decimals ("1865.4", "gal" -> "1,865"). */
export type QuantityWords = (value: string, unit: string) => string;

/**
 * What the watch saw, in a sentence: the figures with their unit and the day, by kind. A kind
 * the portal does not know is said plainly with the day's use.
 */
export function leakSeen(leak: Leak, t: Translate, quantity: QuantityWords, date: (iso: string) => string): string {
  const unit = leak.unit;
  const vars = {
    date: date(leak.found_on),
    use: `${quantity(leak.use_per_day, unit)} ${unit}`,
    usual: leak.usual_per_day ? `${quantity(leak.usual_per_day, unit)} ${unit}` : "",
    least: leak.least_per_hour ? `${quantity(leak.least_per_hour, unit)} ${unit}` : "",
  };
  switch (leak.kind) {
    case "continuous_flow":
      return t(vars.least ? "leakSeenContinuous" : "leakSeenContinuousNoLeast", vars);
    case "burst":
      return t(vars.usual ? "leakSeenBurst" : "leakSeenBurstNoUsual", vars);
    case "high_read":
      return t(vars.usual ? "leakSeenHighRead" : "leakSeenHighReadNoUsual", vars);
    default:
      return t("leakSeenOther", vars);
  }
}

const WATER_CHECKS: readonly MessageKey[] = [
  "leakCheckToilet",
  "leakCheckFaucets",
  "leakCheckIrrigation",
  "leakCheckHeater",
  "leakCheckMeter",
];
const GAS_CHECKS: readonly MessageKey[] = ["leakCheckGasSmell", "leakCheckGasSwitches", "leakCheckGasAppliances"];

/** What to check for a leak of a commodity, in order (gas: safety first). */
export function leakChecks(commodity: string): readonly MessageKey[] {
  return commodity === "gas" ? GAS_CHECKS : WATER_CHECKS;
}

/** The most the server keeps of a note closing a leak (characters). */
export const LONGEST_LEAK_NOTE = 500;

/** The note closing a leak: required, at most LONGEST_LEAK_NOTE characters. */
export function checkLeakNote(note: string): MessageKey | null {
  const n = [...note.trim()].length;
  if (n === 0) return "errorLeakNote";
  return n > LONGEST_LEAK_NOTE ? "errorLeakNoteLong" : null;
}

/** Why a high-usage alert came, in words: the basis of the threshold crossed. */
export function alertBasisKey(basis: UsageAlert["basis"]): MessageKey {
  switch (basis) {
    case "last_bill":
      return "usageAlertBasisLastBill";
    case "last_year":
      return "usageAlertBasisLastYear";
    default:
      return "usageAlertBasisAmount";
  }
}
