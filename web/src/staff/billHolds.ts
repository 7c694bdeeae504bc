// The bill hold queue (pure; test/staffBillHolds.test.mjs): its filters (kept in the address and
// sent as the API's query), what they must be before they are sent, the hold reasons in words,
// how long a bill has been held, and what a bulk answer said, bill by bill.

import { parseAmountInput } from "../portal/validation.ts";
import { centsToDecimal } from "../shared/money.ts";
import type { FieldErrors } from "./forms.ts";
import { asSentence, codeLabel } from "./labels.ts";

/** The filters, in the form's order; each is the API's query parameter of the same name. */
export const HOLD_FILTERS = ["rule", "cycle", "older_than_days", "min_amount", "max_amount"] as const;
export type HoldFilter = (typeof HOLD_FILTERS)[number];
/** Each filter as typed (trimmed; amounts as "100.00" once checked); "" when it is not set. */
export type HoldFilters = Record<HoldFilter, string>;
export const NO_HOLD_FILTERS: HoldFilters = { rule: "", cycle: "", older_than_days: "", min_amount: "", max_amount: "" };

/** The bills answered at once (POST /api/v1/staff/bill-holds/approve|cancel: 1 to 100). */
export const MOST_BILLS_AT_ONCE = 100;

/** The checks that hold a bill (src/billing/bill_checks.h), in its order, in words. */
const HOLD_REASONS: Record<string, string> = {
  high_bill: "High bill",
  low_bill: "Low bill",
  high_vs_neighbours: "High against neighbours",
  zero_usage: "No usage",
  negative_total: "Negative total",
  short_period: "Short period",
  long_period: "Long period",
};
export const HOLD_REASON_CODES = Object.keys(HOLD_REASONS);

/** "high_bill" -> "High bill"; a reason the console does not know, in words. */
export function holdReasonLabel(reason: string): string {
  return HOLD_REASONS[reason] ?? codeLabel(reason);
}

/** "rule=high_bill&cycle=3" -> the filters; others are ignored. */
export function parseHoldFilters(query: string): HoldFilters {
  const params = new URLSearchParams(query);
  const filters = { ...NO_HOLD_FILTERS };
  for (const name of HOLD_FILTERS) filters[name] = (params.get(name) ?? "").trim();
  return filters;
}

/** The filters that are set, in the form's order: the page's query and the API's. */
export function holdParams(filters: HoldFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of HOLD_FILTERS) {
    const value = filters[name].trim();
    if (value) params.set(name, value);
  }
  return params;
}

export function isFiltered(filters: HoldFilters): boolean {
  return HOLD_FILTERS.some((f) => filters[f].trim() !== "");
}

const WHOLE = /^\d{1,6}$/;

/**
 * What is wrong with the filters as typed, by field, and the filters to send (amounts as whole
 * dollars and cents: "$1,200" -> "1200.00"). The server checks them again.
 */
export function checkHoldFilters(draft: HoldFilters): { errors: FieldErrors; filters: HoldFilters } {
  const errors: FieldErrors = {};
  const filters = { ...draft };
  for (const f of HOLD_FILTERS) filters[f] = draft[f].trim();
  if (filters.cycle && (!WHOLE.test(filters.cycle) || Number(filters.cycle) < 1)) {
    errors.cycle = "Type the cycle's number, like 3.";
  }
  if (filters.older_than_days && !WHOLE.test(filters.older_than_days)) {
    errors.older_than_days = "Type a whole number of days, like 30.";
  }
  const cents: Partial<Record<HoldFilter, bigint>> = {};
  for (const f of ["min_amount", "max_amount"] as const) {
    if (!filters[f]) continue;
    const value = parseAmountInput(filters[f]);
    if (value === null) errors[f] = "Type dollars and cents, like 100.00.";
    else {
      cents[f] = value;
      filters[f] = centsToDecimal(value);
    }
  }
  if (cents.min_amount !== undefined && cents.max_amount !== undefined && cents.min_amount > cents.max_amount) {
    errors.max_amount = "The largest amount is below the smallest one.";
  }
  return { errors, filters };
}

/** A filter the server refused (422 naming one of them), as the form's error at it; null otherwise. */
export function filterRefusal(problem: { status: number; field?: string; detail: string } | null): FieldErrors | null {
  if (!problem || problem.status !== 422 || !problem.field) return null;
  const field = HOLD_FILTERS.find((f) => f === problem.field);
  return field ? { [field]: asSentence(problem.detail) } : null;
}

/** Whole days from one calendar date to another ("2026-08-12" to "2026-12-06" -> 116); null if either is not a date. */
export function daysBetween(from: string, to: string): number | null {
  const a = Date.parse(`${from.slice(0, 10)}T00:00:00Z`);
  const b = Date.parse(`${to.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(a) || Number.isNaN(b)) return null;
  return Math.round((b - a) / 86_400_000);
}

/** "0 days" is "today"; "1 day", "116 days". */
export function ageWords(days: number): string {
  if (days <= 0) return "Today";
  return dayCountWords(days);
}

/** A number of days: "1 day", "31 days" (a bill's period may be one day: a move-out the day after the last read). */
export function dayCountWords(days: number): string {
  return days === 1 ? "1 day" : `${days} days`;
}

/** The bill's id and what the server said of it in a bulk answer (done, or why it was refused). */
export interface BillAnswer {
  bill_id: number;
  done: boolean;
  /** Why it was refused, in the server's words. */
  refused?: string;
  /** The refusal's problem code, when it has one ("bill-overtaken"). */
  code?: string | null;
}

/** Why a bill of a bulk answer was refused: the server's words and, when it has one, its code. */
export interface BillRefusal {
  detail: string;
  code?: string | null;
}

/** What a bulk answer did, in a sentence: "Approved 2 bills; 1 was refused: its row says why." */
export function bulkSummary(action: "approve" | "cancel", results: readonly BillAnswer[]): string {
  const done = results.filter((r) => r.done).length;
  const refused = results.length - done;
  const verb = action === "approve" ? "Approved" : "Cancelled";
  const bills = (n: number) => (n === 1 ? "1 bill" : `${n} bills`);
  const first = done > 0 ? `${verb} ${bills(done)}` : `No bill was ${action === "approve" ? "approved" : "cancelled"}`;
  if (refused === 0) return `${first}.`;
  return `${first}; ${refused === 1 ? "1 was refused" : `${refused} were refused`}: ${refused === 1 ? "its row says" : "each row says"} why.`;
}

/**
 * Whether a refusal asks for the bill to be recalculated before it is released: a hold that waited
 * past its cycle's next read (docs/billing.md, code "bill-overtaken"). A single bill's refusal
 * names the code; a bulk answer gives only the server's words ("... recalculate it from the meter
 * data as it is now before it is released"), so those are read too.
 */
export function asksToRecalculate(refusal: string | { code?: string | null; detail?: string } | null | undefined): boolean {
  if (!refusal) return false;
  if (typeof refusal !== "string" && refusal.code === "bill-overtaken") return true;
  const words = typeof refusal === "string" ? refusal : refusal.detail ?? "";
  return /\brecalculate it\b/i.test(words);
}

/**
 * What to do about a bill that must be recalculated, where it is said: in its row (the bulk
 * answer's refusal) or in its opened panel (which has the note and the Recalculate button).
 */
export function recalculateHint(where: "row" | "panel"): string {
  const how = where === "row" ? "Review it, write a note and choose Recalculate" : "Write a note and choose Recalculate";
  return `${how}: the bill is drafted again from the meter data as it is now, dated today. If the new bill is held again, approve it then.`;
}

/** A refused bill of a bulk answer, in a sentence for the queue's result: the server's words, and what to do when it asks for a recalculation. */
export function bulkRefusalWords(billId: number, refused: string | undefined, code?: string | null): string {
  const why = refused?.trim() ? asSentence(refused) : "The server gave no reason.";
  const recalculate = asksToRecalculate({ code, detail: refused ?? "" });
  return `Bill ${billId} refused: ${why}${recalculate ? ` ${recalculateHint("row")}` : ""}`;
}

/** What the bulk form must have before it is sent: bills chosen (at most 100) and a note. */
export function checkBulkAnswer(selected: number, note: string): FieldErrors {
  const errors: FieldErrors = {};
  if (selected === 0) errors.selection = "Choose the bills first: tick each one, or every bill shown.";
  else if (selected > MOST_BILLS_AT_ONCE) errors.selection = `Choose at most ${MOST_BILLS_AT_ONCE} bills at a time; ${selected} are ticked.`;
  if (!note.trim()) errors.note = "Write a note: why these bills are answered this way. It is kept with each bill.";
  return errors;
}

/** What an answer did to one bill, in a sentence for the queue's result. */
export function billOutcomeWords(
  action: "approve" | "recalculate" | "cancel",
  o: { bill_id: number; status: string; number: number | null; replacement: { bill_id: number; status: string; number: number | null } | null },
): string {
  if (action === "approve") {
    return o.number !== null ? `Bill ${o.bill_id} approved and sent as bill number ${o.number}.` : `Bill ${o.bill_id} approved.`;
  }
  if (action === "cancel") return `Bill ${o.bill_id} cancelled: it is not sent, and the cycle's next run bills its period again.`;
  const r = o.replacement;
  if (!r) return `Bill ${o.bill_id} recalculated: nothing was left to bill, so no new bill was drafted.`;
  if (r.status === "held") {
    return `Bill ${o.bill_id} recalculated: the new bill ${r.bill_id} failed a check again and is on hold, where it can be approved.`;
  }
  return r.number !== null
    ? `Bill ${o.bill_id} recalculated: the new bill ${r.bill_id} was sent as bill number ${r.number}.`
    : `Bill ${o.bill_id} recalculated: the new bill is ${r.bill_id}.`;
}

/**
 * Where a recalculated bill's replacement, held again, is listed: the bills on hold of its cycle
 * (held today, it is not among bills held over some days). Null when the filters shown are those.
 */
export function replacementFilters(shown: HoldFilters, cycle: number | undefined): HoldFilters | null {
  if (cycle === undefined) return null;
  const filters = { ...NO_HOLD_FILTERS, cycle: String(cycle) };
  return holdParams(filters).toString() === holdParams(shown).toString() ? null : filters;
}

/** A single bill's note: needed to recalculate or cancel, optional to approve (src/billing/bill_corrections.h). */
export function checkBillNote(action: "approve" | "recalculate" | "cancel", note: string): FieldErrors {
  if (action === "approve" || note.trim()) return {};
  return { note: `Write a note: why the bill is ${action === "cancel" ? "cancelled" : "recalculated"}.` };
}
