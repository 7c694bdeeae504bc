// The answers the account page reads besides the account itself (GET /api/v1/staff/accounts/{n}):
// the customer routes under /api/v1/accounts/{number}/..., which take the staff session's cookie
// as they take a customer's, and the staff routes (aging, history, notes). The customer routes'
// shapes are the portal's types (../portal/types.ts, docs/openapi.yaml), imported as types only,
// so no portal code comes with them. The changes made here are to notes (adding one, pinning one)
// and to the customer's notice choices (the CSRF token goes with them, api.ts); the page's actions
// make theirs through actionsApi.ts.
// Relative imports end in .ts for the unit tests.

import { getJson, request } from "./api.ts";
import type { AccountAlerts } from "../portal/types.ts";
import type { AccountNote, NewNote } from "./notes.ts";
import type { ActorKind } from "./labels.ts";
import type { Money } from "../shared/money.ts";
import type {
  AccountPreferences,
  Arrangement,
  Autopay,
  Bill,
  BillSummary,
  BillsPage,
  NoticeChoiceChange,
  NoticeChoices,
  Payment,
  SavedPaymentMethod,
  ScheduledPayment,
  SentNotice,
  SentNoticesPage,
  Usage,
  UsageResolution,
} from "../portal/types.ts";

/** Bills and payments asked for at a time; "Show older" asks for the next page. */
export const BILLS_PAGE_SIZE = 12;
export const PAYMENTS_PAGE_SIZE = 20;
/** History events and notes asked for at a time (the server's defaults). */
export const HISTORY_PAGE_SIZE = 50;
export const NOTES_PAGE_SIZE = 20;
/** Notices sent asked for at a time (as the portal asks). */
export const NOTICES_PAGE_SIZE = 20;

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

/** Who made a payment, in a staff caller's answer (GET .../payments). */
export interface PaymentTaker {
  actor: string;
  actor_kind: ActorKind | string;
  /** "Lena Ortiz", "Customer (maria@example.com)", "System (autopay)". */
  actor_name: string;
}

/** A payment as staff see it: the portal's Payment and who made it (null: recorded before it was kept). */
export interface StaffPayment extends Payment {
  taken_by?: PaymentTaker | null;
  /** A payment moved to another account (status "moved"): the confirmation of the payment carrying it there. */
  moved_to?: string;
  /** A payment carrying one moved here from another account: that payment's confirmation. */
  moved_from?: string;
}

/** A page of a list the API gives newest first: its items and the cursor of the older page. */
export interface ListPage<T> {
  items: T[];
  next_cursor: string | null;
}

/** One event of the account's history (GET /api/v1/staff/accounts/{number}/history). */
export interface HistoryEvent {
  id: number;
  /** "bill.ready", "payment.received", "note.added": its group is the part before the dot. */
  kind: string;
  /** UTC instant. */
  occurred_at: string;
  /** The same instant in the utility's zone, with its offset: "2026-12-06T06:03:00-08:00". */
  occurred_at_local: string;
  actor: string;
  actor_kind: ActorKind | string;
  /** "Lena Ortiz", "Customer (maria@example.com)", "System (late-fees)". */
  actor_name: string;
  /** What happened, a sentence in words. */
  summary: string;
  details: Record<string, unknown>;
}

/** A page of the history, newest first, with every group of kinds the account has (for a filter). */
export interface HistoryPage extends ListPage<HistoryEvent> {
  kinds: string[];
  /** The utility's zone, the `*_local` times' ("America/Los_Angeles"). */
  time_zone: string | null;
}

/** /api/v1/accounts/{number}/{rest} */
export function accountPath(account: string, rest: string): string {
  return `/api/v1/accounts/${encodeURIComponent(account)}/${rest}`;
}

/** /api/v1/staff/accounts/{number}/{rest} */
export function staffAccountPath(account: string, rest: string): string {
  return `/api/v1/staff/accounts/${encodeURIComponent(account)}/${rest}`;
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

export async function fetchPayments(account: string, cursor: string | null, signal?: AbortSignal): Promise<ListPage<StaffPayment>> {
  const page = await getJson<{ payments: StaffPayment[]; next_cursor: string | null }>(
    `${accountPath(account, "payments")}?${pageQuery(PAYMENTS_PAGE_SIZE, cursor)}`,
    signal,
  );
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
  return getJson<Aging>(staffAccountPath(account, "aging"), signal);
}

/** The account's history, newest first; `kind` ("bill") keeps one group, "" all of them. */
export async function fetchHistory(account: string, kind: string, cursor: string | null, signal?: AbortSignal): Promise<HistoryPage> {
  const query = new URLSearchParams(pageQuery(HISTORY_PAGE_SIZE, cursor));
  if (kind) query.set("kind", kind);
  const page = await getJson<{ events: HistoryEvent[]; kinds: string[]; time_zone?: string; next_cursor: string | null }>(
    `${staffAccountPath(account, "history")}?${query}`,
    signal,
  );
  return { items: page.events, kinds: page.kinds ?? [], time_zone: page.time_zone ?? null, next_cursor: page.next_cursor };
}

/** The account's notes, pinned first, then newest. */
export async function fetchNotes(account: string, cursor: string | null, signal?: AbortSignal): Promise<ListPage<AccountNote>> {
  const page = await getJson<{ notes: AccountNote[]; next_cursor: string | null }>(
    `${staffAccountPath(account, "notes")}?${pageQuery(NOTES_PAGE_SIZE, cursor)}`,
    signal,
  );
  return { items: page.notes, next_cursor: page.next_cursor };
}

/**
 * Adds a note (permission notes.write): 201 with the note; 422 with `field` kind or body. The
 * same `key` again (a retry after an unknown outcome) gets the same note back, never a second one.
 */
export function addNote(account: string, note: NewNote, key: string): Promise<AccountNote> {
  return request<AccountNote>("POST", staffAccountPath(account, "notes"), note, undefined, { "Idempotency-Key": key });
}

/** Pins or unpins a note (permission notes.write): 200 with the note. */
export function setNotePinned(account: string, id: number, pinned: boolean): Promise<AccountNote> {
  return request<AccountNote>("PUT", staffAccountPath(account, `notes/${id}/pinned`), { pinned });
}

/** Usage at a resolution over local days [from, to), one series per metered channel. */
export function fetchUsage(account: string, resolution: UsageResolution, from: string, to: string, signal?: AbortSignal) {
  return getJson<Usage>(`${accountPath(account, "usage")}?${new URLSearchParams({ resolution, from, to })}`, signal);
}

/** Which notices the account is emailed, per kind of the catalog, with whether each may be turned off. */
export function fetchNoticeChoices(account: string, signal?: AbortSignal) {
  return getJson<NoticeChoices>(accountPath(account, "notice-choices"), signal);
}

/**
 * Turns notices on or off for the customer (accounts.change), together or not at all; the server
 * records the change under the staff user. 422 with `field` kind and `code` notice-required or
 * paperless-needs-bill-email.
 */
export function saveNoticeChoices(account: string, changes: NoticeChoiceChange[]): Promise<NoticeChoices> {
  return request<NoticeChoices>("PUT", accountPath(account, "notice-choices"), { changes });
}

/** The notices sent to the account, newest first; the cursor is the id to ask `before`. */
export async function fetchSentNotices(account: string, cursor: string | null, signal?: AbortSignal): Promise<ListPage<SentNotice>> {
  const q = new URLSearchParams({ limit: String(NOTICES_PAGE_SIZE) });
  if (cursor) q.set("before", cursor);
  const page = await getJson<SentNoticesPage>(`${accountPath(account, "notices")}?${q}`, signal);
  return { items: page.notices, next_cursor: typeof page.next_before === "number" ? String(page.next_before) : null };
}

/** The account's usage thresholds, its latest high-usage alerts and its possible leaks (open, and closed in 30 days). */
export function fetchAccountAlerts(account: string, signal?: AbortSignal) {
  return getJson<AccountAlerts>(accountPath(account, "alerts"), signal);
}

/** Sets the thresholds on the customer's word (accounts.change): all three, null for none; 422 naming the `field`. */
export function saveAccountThresholds(
  account: string,
  thresholds: { amount: string | null; last_bill_percent: number | null; last_year_percent: number | null },
): Promise<AccountAlerts> {
  return request<AccountAlerts>("PUT", accountPath(account, "usage-thresholds"), thresholds);
}
