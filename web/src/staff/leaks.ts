// Possible leaks and high-usage alerts as the console words them (pure; test/staffLeaks.test.mjs):
// each kind of leak in words, its figures with their unit, who closed it, what a close needs and
// what it did, and the thresholds of an account as typed and as sent. The server finds leaks
// (src/usage: continuous flow, burst, high read) and keeps them; the console only shows and
// closes them.
import type { Leak, UsageAlert, UsageThresholds } from "../portal/types.ts";
import { checkThresholds, thresholdsForServer } from "../portal/usageAlerts.ts";
import type { ThresholdDraft } from "../portal/usageAlerts.ts";
import type { FieldErrors } from "./forms.ts";

/** Closing a leak changes the account (POST .../leaks/{id}/close), as setting thresholds does. */
export const LEAK_CLOSE_PERMISSION = "accounts.change";

/** The most the server keeps of a resolution note (characters). */
export const LONGEST_RESOLUTION = 500;

/** A leak in the staff queue: also the account (read out "1000-0142-9") and the customer's name. */
export interface QueueLeak extends Leak {
  account: string;
  customer: string;
}

const KINDS: Readonly<Record<string, string>> = {
  continuous_flow: "Continuous flow: never stopped for a whole day",
  burst: "Burst: a day at 3× the usual or more",
  high_read: "High read: 2× the usual a day or more since the last read",
};

/** "burst" -> "Burst: a day at 3× the usual or more"; one the console does not know, as sent. */
export function leakKindLabel(kind: string): string {
  return KINDS[kind] ?? kind.replace(/_/g, " ");
}

/** "1865.4" gal -> "1,865 gal"; kWh-like units keep one decimal. */
export function quantityWords(value: string, unit: string): string {
  const n = Number(value);
  if (!Number.isFinite(n)) return `${value} ${unit}`;
  const decimals = unit === "gal" ? 0 : 1;
  return `${n.toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals })} ${unit}`;
}

/**
 * The figures the watch judged on, in a line: "1,865 gal that day; usual 1,123 gal a day",
 * "Least 2.4 gal an hour all day; 310 gal that day", "1,453 gal a day since the last read; usual 459 gal a day".
 */
export function leakFigures(leak: Leak): string {
  const unit = leak.unit;
  const usual = leak.usual_per_day ? `; usual ${quantityWords(leak.usual_per_day, unit)} a day` : "";
  const use = quantityWords(leak.use_per_day, unit);
  if (leak.kind === "high_read") return `${use} a day since the last read${usual}`;
  if (leak.kind === "continuous_flow" && leak.least_per_hour) {
    const least = Number(leak.least_per_hour).toLocaleString("en-US", { maximumFractionDigits: 2 });
    return `Least ${least} ${unit} an hour all day; ${use} that day${usual}`;
  }
  return `${use} that day${usual}`;
}

/**
 * Who closed a leak: "customer:12" -> "the customer, in the portal"; staff by the name the server
 * gave, else the staff user or key as recorded.
 */
export function closedByWords(closedBy: string | null, name?: string | null): string {
  if (!closedBy) return "";
  if (closedBy.startsWith("customer:")) return "the customer, in the portal";
  if (name) return name;
  return closedBy.replace(/^staff:/, "staff user ").replace(/^api_key:/, "API key ");
}

/** What is wrong with a resolution note before sending, or undefined. */
export function resolutionProblem(note: string): string | undefined {
  const n = [...note.trim()].length;
  if (n === 0) return "Write what was found or done.";
  return n > LONGEST_RESOLUTION ? `Keep the note to ${LONGEST_RESOLUTION} characters.` : undefined;
}

/** The result line of a close: "Closed the possible leak on meter W000000232 (account 1000-0142-9)." */
export function closedSentence(leak: Leak, account: string): string {
  return `Closed the possible leak on meter ${leak.meter} (account ${account}). No leak alert for this meter for 7 days.`;
}

/** The account number for a path: "1000-0142-9" -> "100001429". */
export function accountDigits(account: string): string {
  return account.replace(/\D/g, "");
}

const BASES: Readonly<Record<string, string>> = {
  amount: "Bill amount",
  last_bill: "Over the last bill",
  last_year: "Over the same time last year",
};

/** The threshold an alert crossed, in words. */
export function alertBasisLabel(basis: UsageAlert["basis"]): string {
  return BASES[basis] ?? basis;
}

/** The thresholds in a line: "$150.00; 20% over the last bill", or "None set". */
export function thresholdsWords(t: UsageThresholds): string {
  const parts: string[] = [];
  if (t.amount) parts.push(`bill reaches $${Number(t.amount.amount).toLocaleString("en-US", { minimumFractionDigits: 2 })}`);
  if (t.last_bill_percent !== null) parts.push(`${t.last_bill_percent}% over the last bill`);
  if (t.last_year_percent !== null) parts.push(`${t.last_year_percent}% over the same time last year`);
  return parts.length ? `Alert when ${parts.join("; ")}.` : "No usage alerts set.";
}

/** The threshold form's fields (as the server names them) and what is wrong with a draft, in console words. */
export function thresholdProblems(draft: ThresholdDraft): FieldErrors {
  const found = checkThresholds(draft);
  const errors: FieldErrors = {};
  if (found["alert-amount"]) errors.amount = "An amount from $1.00 to $100,000.00, or empty for none.";
  if (found["alert-last-bill"]) errors.last_bill_percent = "A whole percent from 1 to 1000, or empty for none.";
  if (found["alert-last-year"]) errors.last_year_percent = "A whole percent from 1 to 1000, or empty for none.";
  return errors;
}

export { thresholdsForServer };
