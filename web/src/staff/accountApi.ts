// The answers the account page reads besides the account itself (GET /api/v1/staff/accounts/{n}):
// the customer routes under /api/v1/accounts/{number}/..., which take the staff session's cookie
// as they take a customer's, and the staff aging. Their shapes are the portal's types
// (../portal/types.ts, docs/openapi.yaml), imported as types only, so no portal code comes with
// them. Reads only: this page changes nothing. Relative imports end in .ts for the unit tests.

import { getJson } from "./api.ts";
import type { Money } from "../shared/money.ts";
import type {
  AccountPreferences,
  Arrangement,
  Autopay,
  Bill,
  BillSummary,
  BillsPage,
  Payment,
  PaymentsPage,
  SavedPaymentMethod,
  ScheduledPayment,
  Usage,
  UsageResolution,
} from "../portal/types.ts";

/** Bills and payments asked for at a time; "Show older" asks for the next page. */
export const BILLS_PAGE_SIZE = 12;
export const PAYMENTS_PAGE_SIZE = 20;

/** GET /api/v1/staff/accounts/{number}/aging: the balance in buckets by days past due. */
export interface Aging {
  account_number: string;
  as_of: string;
  current: Money;
  days_30: Money;
  days_60: Money;
  days_90_plus: Money;
  credit: Money;
  balance: Money;
}

/** A check that held a bill for review before it was sent, and how it was settled. */
export interface BillHold {
  id: number;
  reason: string; // high_bill, low_bill, zero_usage, negative_total, long_period, short_period
  evidence: string;
  status: string; // open, approved, recalculated, cancelled
  created_at: string;
  resolved_at?: string;
  resolved_by?: string;
  resolution_note?: string;
}

/** GET .../bills/{bill}: the portal's Bill and the holds it went through (docs/openapi.yaml). */
export interface BillWithHolds extends Bill {
  holds?: BillHold[];
}

/** A page of a list the API gives newest first: its items and the cursor of the older page. */
export interface ListPage<T> {
  items: T[];
  next_cursor: string | null;
}

/** /api/v1/accounts/{number}/{rest} */
export function accountPath(account: string, rest: string): string {
  return `/api/v1/accounts/${encodeURIComponent(account)}/${rest}`;
}

function pageQuery(limit: number, cursor: string | null): string {
  const q = new URLSearchParams({ limit: String(limit) });
  if (cursor) q.set("cursor", cursor);
  return q.toString();
}

export async function fetchBills(account: string, cursor: string | null, signal?: AbortSignal): Promise<ListPage<BillSummary>> {
  const page = await getJson<BillsPage>(`${accountPath(account, "bills")}?${pageQuery(BILLS_PAGE_SIZE, cursor)}`, signal);
  return { items: page.bills, next_cursor: page.next_cursor };
}

/** One bill by its number, with a section per service and every line explained. */
export function fetchBill(account: string, bill: number, signal?: AbortSignal) {
  return getJson<BillWithHolds>(accountPath(account, `bills/${bill}`), signal);
}

/** The bill document (application/pdf): an ordinary link, the session cookie goes with it. */
export function billPdfUrl(account: string, bill: number): string {
  return accountPath(account, `bills/${bill}.pdf`);
}

export async function fetchPayments(account: string, cursor: string | null, signal?: AbortSignal): Promise<ListPage<Payment>> {
  const page = await getJson<PaymentsPage>(`${accountPath(account, "payments")}?${pageQuery(PAYMENTS_PAGE_SIZE, cursor)}`, signal);
  return { items: page.payments, next_cursor: page.next_cursor };
}

/** Paperless, contact email and phone, and the budget plan in force. */
export function fetchPreferences(account: string, signal?: AbortSignal) {
  return getJson<AccountPreferences>(accountPath(account, "preferences"), signal);
}

export function fetchAutopay(account: string, signal?: AbortSignal) {
  return getJson<Autopay>(accountPath(account, "autopay"), signal);
}

export async function fetchArrangements(account: string, signal?: AbortSignal): Promise<Arrangement[]> {
  return (await getJson<{ arrangements: Arrangement[] }>(accountPath(account, "arrangements"), signal)).arrangements;
}

export async function fetchScheduledPayments(account: string, signal?: AbortSignal): Promise<ScheduledPayment[]> {
  const answer = await getJson<{ scheduled_payments: ScheduledPayment[] }>(accountPath(account, "scheduled-payments"), signal);
  return answer.scheduled_payments;
}

/** The saved cards and bank accounts, default first: labels only ("Visa •••• 4242"). */
export async function fetchPaymentMethods(account: string, signal?: AbortSignal): Promise<SavedPaymentMethod[]> {
  return (await getJson<{ payment_methods: SavedPaymentMethod[] }>(accountPath(account, "payment-methods"), signal)).payment_methods;
}

export function fetchAging(account: string, signal?: AbortSignal) {
  return getJson<Aging>(`/api/v1/staff/accounts/${encodeURIComponent(account)}/aging`, signal);
}

/** Usage at a resolution over local days [from, to), one series per metered channel. */
export function fetchUsage(account: string, resolution: UsageResolution, from: string, to: string, signal?: AbortSignal) {
  return getJson<Usage>(`${accountPath(account, "usage")}?${new URLSearchParams({ resolution, from, to })}`, signal);
}
