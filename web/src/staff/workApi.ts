// The work queues' API (src/api/routes.cc declares each route and its permission): the counts,
// bills on hold and their answers, meter-read (VEE) exceptions, adjustments waiting for a second
// person, lockbox suspense, pending payments, moving a misapplied payment, bill runs, possible
// leaks, and applications for service (activating one, scheduling the visit its start needs). Each
// change sends the session's CSRF token (api.ts); moving a payment sends an Idempotency-Key.
// Relative imports end in .ts for the unit tests (test/staffWorkQueues.test.mjs).

import { getJson, request } from "./api.ts";
import type { ListPage, BillHold } from "./accountApi.ts";
import type { Adjustment } from "./actionsApi.ts";
import type { Money } from "../shared/money.ts";
import type { BillSummary, Leak, Payment, ServiceOrder } from "../portal/types.ts";
import type { QueueLeak } from "./leaks.ts";
import { holdParams } from "./billHolds.ts";
import type { HoldFilters } from "./billHolds.ts";
import type { WorkCounts } from "./workQueues.ts";

/** Items asked for at a time in each queue. */
export const WORK_PAGE_SIZE = 50;
export const BILL_RUNS_PAGE_SIZE = 20;

const STAFF = "/api/v1/staff";

function pageQuery(limit: number, cursor: string | null, extra?: URLSearchParams): string {
  const q = new URLSearchParams(extra);
  q.set("limit", String(limit));
  if (cursor) q.set("cursor", cursor);
  return q.toString();
}

// ---- counts ------------------------------------------------------------------------------

/** GET /api/v1/staff/work-queues: a count per queue the caller may see (others are absent). */
export function fetchWorkCounts(signal?: AbortSignal): Promise<WorkCounts> {
  return getJson<WorkCounts>(`${STAFF}/work-queues`, signal);
}

// ---- bills on hold (billing.read; answering them bills.approve) ----------------------------

/** A section of a bill: one service agreement's usage and charges. */
export interface BillSection {
  commodity: string;
  rate_plan: string;
  rate_plan_name: string;
  meter_serial: string;
  unit: string;
  usage: string;
  charges: Money;
}

/** A bill on hold: the bill, its sections and its open holds (the reasons, each with its evidence). */
export interface HeldBill extends BillSummary {
  /** The account's bill cycle. */
  cycle?: number;
  /** The date the bill was first held. */
  held_since?: string;
  sections: BillSection[];
  holds: BillHold[];
}

/** Bills on hold matching the filters, oldest first. */
export async function fetchBillHolds(filters: HoldFilters, cursor: string | null, signal?: AbortSignal): Promise<ListPage<HeldBill>> {
  const page = await getJson<{ bills: HeldBill[]; next_cursor: string | null }>(
    `${STAFF}/bill-holds?${pageQuery(WORK_PAGE_SIZE, cursor, holdParams(filters))}`,
    signal,
  );
  return { items: page.bills, next_cursor: page.next_cursor };
}

/** What an answer did to one bill: its status now, its number once sent, and a rebill's. */
export interface BillActionOutcome {
  bill_id: number;
  /** "released" (approved and sent), "cancelled", ... */
  status: string;
  number: number | null;
  /** Recalculating: the new bill that replaces it (held again when it fails a check again). */
  replacement: { bill_id: number; status: string; number: number | null } | null;
}

/** One bill of a bulk answer: done (with what became of it), or refused (and why). */
export interface BulkBillResult {
  bill_id: number;
  done: boolean;
  outcome?: BillActionOutcome;
  refused?: string;
  /** The refusal's problem code, when it has one ("bill-overtaken"). */
  code?: string | null;
}

export interface BulkBillAnswer {
  results: BulkBillResult[];
  done: number;
  refused: number;
}

export type BulkBillAction = "approve" | "cancel";
export type BillAction = "approve" | "recalculate" | "cancel";

/**
 * Approves or cancels up to 100 bills on hold with one note (bills.approve; a recent sign-in:
 * 403 reauthentication-required). Each bill is answered on its own: a refused one says why and
 * does not stop the others. 422 `bill_ids` or `note`.
 */
export function answerHeldBills(action: BulkBillAction, billIds: readonly number[], note: string): Promise<BulkBillAnswer> {
  return request<BulkBillAnswer>("POST", `${STAFF}/bill-holds/${action}`, { bill_ids: billIds, note });
}

/** Approves, recalculates or cancels one bill on hold (bills.approve); the note is optional. 409 when it is no longer held. */
export function actOnBill(action: BillAction, billId: number, note: string): Promise<BillActionOutcome> {
  return request<BillActionOutcome>("POST", `${STAFF}/bills/${billId}/${action}`, note.trim() ? { note: note.trim() } : undefined);
}

// ---- meter-read exceptions (meter_data.resolve) ----------------------------------------------

export interface VeeException {
  id: number;
  /** The VEE rule that failed: "spike_history", "register_reversal", ... */
  rule: string;
  status: string;
  /** What the rule found, with the figures compared (the value read and what was expected). */
  evidence: string;
  meter: string;
  channel: string;
  unit: string;
  /** The UTC day: "2026-11-02". */
  day: string;
  /** An interval channel's: the day's slots the exception covers, first to last. */
  interval_minutes?: number;
  first_slot?: number;
  last_slot?: number;
  /** A register channel's: the read held for review. */
  register_read_id?: number;
  /** The customer's photo of the dial sent with the held read (GET /api/v1/staff/photos/{id}). */
  photo_id?: number;
  /** The meter re-read order asked for the held read ("SO000123"), once one was. */
  reread_order?: string;
  /** The accounts billed for the service point that day. */
  affected_accounts: string[];
  created_at: string;
  resolved_at?: string;
  resolved_by?: string;
  resolution_note?: string;
}

/** Open exceptions, oldest first, after exception id `cursor`. */
export async function fetchVeeExceptions(cursor: string | null, signal?: AbortSignal): Promise<ListPage<VeeException>> {
  const q = new URLSearchParams({ status: "open", limit: String(WORK_PAGE_SIZE) });
  if (cursor) q.set("after", cursor);
  const page = await getJson<{ items: VeeException[]; next_after?: number }>(`${STAFF}/vee-exceptions?${q}`, signal);
  return { items: page.items, next_cursor: page.next_after !== undefined ? String(page.next_after) : null };
}

export type VeeResolution = "accept" | "edit" | "estimate";

/** POST .../vee-exceptions/{id}/accept|edit|estimate: a note always; an edit's slot values or register reading. */
export interface VeeResolutionBody {
  note: string;
  values?: { slot: number; value: string }[];
  reading?: string;
}

/**
 * Resolves an exception (meter_data.resolve): the exception as resolved. 409 already resolved
 * (or the day changed meanwhile, or no history to estimate from); 422 `note`, `values`,
 * `values[i].value` or `reading`.
 */
export function resolveVeeException(id: number, how: VeeResolution, body: VeeResolutionBody): Promise<VeeException> {
  return request<VeeException>("POST", `${STAFF}/vee-exceptions/${id}/${how}`, body);
}

/**
 * Sends someone to read a held register read again (meter_data.resolve): a meter re-read order for
 * the account in service at the meter; asked again, the same order (replayed). Completing it with a
 * reading sets the held read aside and resolves the exception. 409 exception-resolved or
 * nobody-in-service; 422 `note` (500 characters at most).
 */
export function askForReread(id: number, note: string): Promise<{ order: ServiceOrder; account: string; replayed?: boolean }> {
  return request<{ order: ServiceOrder; account: string; replayed?: boolean }>("POST", `${STAFF}/vee-exceptions/${id}/reread`, note ? { note } : {});
}

// ---- adjustments waiting for approval (billing.read; deciding adjustments.approve) -----------------

export async function fetchPendingAdjustments(cursor: string | null, signal?: AbortSignal): Promise<ListPage<Adjustment>> {
  const page = await getJson<{ adjustments: Adjustment[]; next_cursor: string | null }>(
    `${STAFF}/adjustments?${pageQuery(WORK_PAGE_SIZE, cursor)}`,
    signal,
  );
  return { items: page.adjustments, next_cursor: page.next_cursor };
}

/**
 * Approves (it posts) or rejects an adjustment (adjustments.approve; a recent sign-in). The
 * server refuses the person who requested it (409, or 403): a second person decides.
 */
export function decideAdjustment(id: number, decision: "approve" | "reject", note: string): Promise<Adjustment> {
  return request<Adjustment>("POST", `${STAFF}/adjustments/${id}/${decision}`, note.trim() ? { note: note.trim() } : undefined);
}

// ---- lockbox suspense (lockbox.apply) ----------------------------------------------------------

export interface LockboxItem {
  id: number;
  /** The line of the bank's file. */
  line: number;
  deposited_on: string;
  amount: Money;
  bank_reference: string;
  /** What the stub or the bank's record gave as the customer's reference (not an account found). */
  customer_reference: string;
  text: string;
  /** suspense | applied | posted */
  status: string;
  /** Why it went to suspense, in words. */
  reason: string;
  /** Once applied: the account paid and the payment. */
  account_number: string;
  confirmation: string;
}

export async function fetchLockboxSuspense(cursor: string | null, signal?: AbortSignal): Promise<ListPage<LockboxItem>> {
  const page = await getJson<{ items: LockboxItem[]; next_cursor: string | null }>(
    `${STAFF}/lockbox/suspense?${pageQuery(WORK_PAGE_SIZE, cursor)}`,
    signal,
  );
  return { items: page.items, next_cursor: page.next_cursor };
}

/** Places a suspense item on an account: its payment posts there. 404 no such account; 409 no longer in suspense. */
export function applyLockboxItem(id: number, accountNumber: string): Promise<LockboxItem> {
  return request<LockboxItem>("POST", `${STAFF}/lockbox/items/${id}/apply`, { account_number: accountNumber });
}

// ---- pending payments (billing.read) ------------------------------------------------------------

/** A payment waiting for the card processor's answer (the fields of any payment answer). */
export interface PendingPayment {
  confirmation: string;
  account_number: string;
  /** Money, or a decimal string (moneyAnswer.ts reads either). */
  amount: Money | string;
  channel: string;
  status: string;
  /** When it was sent to the processor (submitted_at; the payment's created_at where that is not sent). */
  submitted_at?: string;
  created_at?: string;
}

export async function fetchPendingPayments(cursor: string | null, signal?: AbortSignal): Promise<ListPage<PendingPayment>> {
  const q = new URLSearchParams({ status: "pending" });
  const page = await getJson<{ payments?: PendingPayment[]; items?: PendingPayment[]; next_cursor?: string | null }>(
    `${STAFF}/payments?${pageQuery(WORK_PAGE_SIZE, cursor, q)}`,
    signal,
  );
  return { items: page.payments ?? page.items ?? [], next_cursor: page.next_cursor ?? null };
}

// ---- moving a misapplied payment (lockbox.apply) --------------------------------------------------

/** An account's number (as it is read out: "1000-0001-7") and its balance after the move (Money, or a decimal string). */
export interface MovedAccount {
  number: string;
  balance: Money | string;
}

/** POST /api/v1/staff/payments/{confirmation}/move. */
export interface PaymentMoved {
  /** The payment as it now stands: status "moved", moved_to the new payment's confirmation. */
  payment: Payment & { moved_to?: string };
  /** The same money, posted to the right account (moved_from: the moved payment's confirmation). */
  new_payment: { confirmation: string; account_number: string; amount: Money | string; moved_from?: string };
  from_account: MovedAccount;
  to_account: MovedAccount;
}

/**
 * Moves a posted payment to the account it was meant for, with the reason (lockbox.apply). The
 * same `key` again is answered with the first answer, never a second move. Refusals name a
 * `field` (to_account, reason).
 */
export function movePayment(confirmation: string, toAccount: string, reason: string, key: string): Promise<PaymentMoved> {
  return request<PaymentMoved>(
    "POST",
    `${STAFF}/payments/${encodeURIComponent(confirmation)}/move`,
    { to_account: toAccount, reason },
    undefined,
    { "Idempotency-Key": key },
  );
}

// ---- bill runs (billing.read; starting one bill_runs.start) -------------------------------------

export interface BillRun {
  id: number;
  cycle: number;
  read_date: string;
  bill_date: string;
  /** running | done */
  status: string;
  /** The server is billing it now (a run left "running" but not billing stopped partway). */
  billing_now: boolean;
  /** Accounts of the cycle with service in the period: what the run has to bill. */
  accounts: number;
  /** Bills released (sent) by the run and still standing. */
  released: number;
  held: number;
  cancelled: number;
  /** Accounts that could not be billed. */
  problems: number;
  /** The charges of the released bills. */
  charges: Money;
  /** The charges of the held drafts: not billed yet. */
  held_charges: Money;
}

/** The runs, newest first. */
export async function fetchBillRuns(cursor: string | null, signal?: AbortSignal): Promise<ListPage<BillRun>> {
  const page = await getJson<{ bill_runs: BillRun[]; next_cursor: string | null }>(
    `${STAFF}/bill-runs?${pageQuery(BILL_RUNS_PAGE_SIZE, cursor)}`,
    signal,
  );
  return { items: page.bill_runs, next_cursor: page.next_cursor };
}

export function fetchBillRun(id: number, signal?: AbortSignal): Promise<BillRun> {
  return getJson<BillRun>(`${STAFF}/bill-runs/${id}`, signal);
}

/**
 * Starts (or finds) the run of a cycle for its read date (bill_runs.start): 202 with the run,
 * which bills in the background. 422 `cycle` or `read_date` (not the cycle's read date that
 * month, or in the future); 503 when the server has no bill run worker.
 */
export function startBillRun(cycle: number, readDate: string): Promise<BillRun> {
  return request<BillRun>("POST", `${STAFF}/bill-runs`, { cycle, read_date: readDate });
}

// ---- possible leaks (accounts.read; closing one accounts.change) ---------------------------

/** The possible leaks, open or closed, oldest first, with the account and the customer's name. */
export function fetchLeaks(status: "open" | "closed") {
  return async (cursor: string | null, signal?: AbortSignal): Promise<ListPage<QueueLeak>> => {
    const q = new URLSearchParams({ status });
    const page = await getJson<{ leaks: QueueLeak[]; next_cursor: string | null }>(`${STAFF}/leaks?${pageQuery(WORK_PAGE_SIZE, cursor, q)}`, signal);
    return { items: page.leaks ?? [], next_cursor: page.next_cursor ?? null };
  };
}

/** Closes a possible leak with what was found or done (the account's digits); 409 leak-closed when it already was. */
export function closeLeak(account: string, id: number, resolution: string): Promise<{ leak: Leak }> {
  return request<{ leak: Leak }>("POST", `/api/v1/accounts/${encodeURIComponent(account)}/leaks/${id}/close`, { resolution });
}

// ---- applications for service (list accounts.read, activate accounts.open, schedule orders.dispatch)

/** The most unscheduled orders one answer holds (the server's default limit). */
export const APPLICATIONS_LIMIT = 500;

/**
 * Applications for service (and other start orders with no visit scheduled), oldest first: GET
 * .../service-orders?unscheduled=true&kind=start_service, one answer (the server does not page it).
 */
export function fetchApplications() {
  return async (_cursor: string | null, signal?: AbortSignal): Promise<ListPage<ServiceOrder>> => {
    const q = new URLSearchParams({ unscheduled: "true", kind: "start_service", limit: String(APPLICATIONS_LIMIT) });
    const answer = await getJson<{ orders: ServiceOrder[] }>(`${STAFF}/service-orders?${q}`, signal);
    return { items: answer.orders ?? [], next_cursor: null };
  };
}

/**
 * Activates an application: the account becomes active (on `bill_cycle` when given, else the
 * premise's), its services start on the start day. 409 when it is not a received application of a
 * pending account, or premise-served; 422 bill_cycle.
 */
export function activateApplication(order: string, body: { bill_cycle?: number }): Promise<{ order: ServiceOrder }> {
  return request<{ order: ServiceOrder }>("POST", `${STAFF}/service-orders/${encodeURIComponent(order)}/activate`, body);
}

/** Schedules an order's visit in a window (instants); 409 order-move-not-allowed when it has moved on. */
export function scheduleVisit(order: string, window: { window_start: string; window_end: string }): Promise<{ order: ServiceOrder }> {
  return request<{ order: ServiceOrder }>("POST", `${STAFF}/service-orders/${encodeURIComponent(order)}/moves`, {
    action: "schedule",
    ...window,
  });
}
