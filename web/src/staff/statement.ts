// The statement of account (pure, with its client; test/staffStatement.test.mjs): every ledger
// entry in the order it took effect with the balance after it, between an opening and a closing
// balance (GET /api/v1/staff/accounts/{number}/statement, docs/openapi.yaml). The same filters ask
// for the CSV file and the PDF, so what is downloaded is what is on the screen. Relative imports
// end in .ts for the unit tests.

import { getJson } from "./api.ts";
import type { ApiError } from "./api.ts";
import { staffAccountPath } from "./accountApi.ts";
import type { Money } from "../shared/money.ts";
import type { FieldErrors } from "./forms.ts";
import { asSentence } from "./labels.ts";

/** The ledger's kinds of entry, as the server names them (its `kind` filter takes one). */
export const LEDGER_KINDS = [
  "bill",
  "payment",
  "adjustment",
  "late_fee",
  "reversal",
  "refund",
  "fee",
  "opening_balance",
  "deposit",
  "transfer",
] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

/** What the statement shows: effective dates from and to (inclusive, "2026-01-31"), one kind; "" for no limit. */
export interface StatementFilters {
  from: string;
  to: string;
  kind: LedgerKind | "";
}

export const ALL_ENTRIES: StatementFilters = { from: "", to: "", kind: "" };

/** The filter fields in the form's order; the server's 422 names the same (`field` from, to or kind). */
export const STATEMENT_FIELDS = ["from", "to", "kind"] as const;

export interface StatementLine {
  entry_id: number;
  kind: LedgerKind | string;
  effective_on: string;
  posted_at: string;
  /** A bill's number, a payment's confirmation; may be empty. */
  reference: string;
  description: string;
  /** Positive charges the customer, negative credits them. */
  amount: Money;
  /** The account's balance after this entry, over the whole ledger (a kind filter hides lines, never changes it). */
  balance_after: Money;
  reverses_entry_id: number | null;
}

export interface Statement {
  account_number: string;
  customer_name: string;
  as_of: string;
  from: string | null;
  to: string | null;
  /** In words: "All entries", "Jan 1, 2026 to Mar 31, 2026, payment entries only". */
  shows: string;
  /** The balance before the first date shown (0 for the whole ledger). */
  opening_balance: Money;
  /** The balance after the last date shown; without `to`, the account's balance. */
  closing_balance: Money;
  charges: Money;
  credits: Money;
  lines: StatementLine[];
}

/** The query of the filters that limit anything: "from=2026-01-01&kind=payment"; empty for all entries. */
export function statementParams(f: StatementFilters): URLSearchParams {
  const q = new URLSearchParams();
  if (f.from) q.set("from", f.from);
  if (f.to) q.set("to", f.to);
  if (f.kind) q.set("kind", f.kind);
  return q;
}

/** .../statement, .../statement.csv or .../statement.pdf with the filters' query. */
export function statementPath(account: string, f: StatementFilters, format: "" | ".csv" | ".pdf" = ""): string {
  const query = statementParams(f).toString();
  return staffAccountPath(account, `statement${format}`) + (query ? `?${query}` : "");
}

/** The statement the filters ask for; 422 with `field` from, to or kind. */
export function fetchStatement(account: string, f: StatementFilters, signal?: AbortSignal): Promise<Statement> {
  return getJson<Statement>(statementPath(account, f), signal);
}

/** Whether a filter is a calendar date as a date field gives it ("2026-01-31"), or empty. */
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** What is wrong with the filters before asking: a date that is not one, a "to" before the "from". */
export function checkStatementFilters(f: StatementFilters): FieldErrors {
  const errors: FieldErrors = {};
  if (f.from && !DAY.test(f.from)) errors.from = "Choose a date, or leave it empty for the first entry.";
  if (f.to && !DAY.test(f.to)) errors.to = "Choose a date, or leave it empty for today.";
  else if (f.from && f.to && DAY.test(f.from) && f.to < f.from) errors.to = "Choose a day on or after the From date.";
  return errors;
}

/** A refused query said at its filter (the server's 422 naming from, to or kind); null for any other failure. */
export function statementFilterErrors(e: ApiError): FieldErrors | null {
  const field = e.status === 422 ? e.field : undefined;
  return field && (STATEMENT_FIELDS as readonly string[]).includes(field) ? { [field]: asSentence(e.detail) } : null;
}
