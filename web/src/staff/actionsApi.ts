// The changes the account page's actions make (docs/openapi.yaml has each body and answer): a
// payment taken (cash, check, or a card by phone through the test processor's tokenizer), an
// adjustment requested, a payment arrangement set up, contact details, budget billing and a
// move-out. Each sends the session's CSRF token (api.ts); those that move money send an
// Idempotency-Key, the same one again when retrying after an unknown outcome, so nothing is done
// twice. Relative imports end in .ts for the unit tests (test/staffActions.test.mjs).

import { getJson, request } from "./api.ts";
import { accountPath, staffAccountPath } from "./accountApi.ts";
import type { StaffPayment } from "./accountApi.ts";
import type { Money } from "../shared/money.ts";
import type {
  AccountPreferences,
  Arrangement,
  ArrangementOffer,
  BudgetBillingEnded,
  CardEntry,
  PaymentMethodToken,
} from "../portal/types.ts";

/** POST /api/v1/staff/accounts/{number}/payments: cash or a check at the counter, or a card by phone. */
export type NewStaffPayment =
  | { amount: string; method: "cash" }
  | { amount: string; method: "check"; check_number: string }
  | { amount: string; method: "card"; payment_method: { token: string } };

export const ADJUSTMENT_REASONS = [
  "billing_error",
  "meter_error",
  "leak_credit",
  "goodwill",
  "fee_waiver",
  "write_off",
  "deposit_interest",
  "other",
] as const;
export type AdjustmentReason = (typeof ADJUSTMENT_REASONS)[number];

/** POST /api/v1/staff/accounts/{number}/adjustments. */
export interface NewAdjustment {
  /** Decimal dollars; negative credits the customer. */
  amount: string;
  reason_code: AdjustmentReason;
  memo: string;
}

/** An adjustment: posted at once within the approval limit, else pending a second person's approval. */
export interface Adjustment {
  id: number;
  account_number: string;
  amount: Money;
  reason_code: AdjustmentReason | string;
  memo: string;
  status: "pending" | "posted" | "rejected" | string;
  /** "staff:3". */
  requested_by: string;
  requested_at: string;
  /** Empty when posted within the approval limit. */
  decided_by?: string;
  decided_at?: string;
  /** "within the approval limit of $100.00". */
  decision_note?: string;
}

/** PUT /api/v1/accounts/{number}/preferences: only what changes; an empty email or phone clears it. */
export interface ContactChanges {
  email?: string;
  phone?: string;
  paperless?: boolean;
}

/** POST /api/v1/staff/accounts/{number}/budget-billing. */
export interface BudgetEnrolment {
  account_number: string;
  installment: Money;
  true_up_month: number;
  enrolled_on: string;
}

/** POST /api/v1/staff/accounts/{number}/move-out. */
export interface MoveOutDone {
  account_number: string;
  last_day: string;
  services_stopped: number;
}

/**
 * Takes a payment (permission payments.take): 201 posted, 202 pending (a card the processor did
 * not answer for in time), 402 a card refused (the problem's `confirmation` names the failed
 * payment), 422 with `field` amount, method or check_number. The same `key` again is answered
 * with the first answer and never takes the payment twice.
 */
export function takePayment(account: string, payment: NewStaffPayment, key: string): Promise<StaffPayment> {
  return request<StaffPayment>("POST", staffAccountPath(account, "payments"), payment, undefined, { "Idempotency-Key": key });
}

/**
 * The card the caller reads out, to the test processor's tokenizer (this test server's stand-in
 * for a gateway's own form): only the token, brand and last four come back; nothing is kept.
 * 422 with `field` card_number, exp_month, exp_year or cvc.
 */
export function tokenizeCard(card: CardEntry): Promise<PaymentMethodToken> {
  return request<PaymentMethodToken>("POST", "/api/v1/payment-methods/test-tokens", { card });
}

/** Requests an adjustment (permission adjustments.request); 422 with `field` amount, reason_code or memo. */
export function requestAdjustment(account: string, adjustment: NewAdjustment, key: string): Promise<Adjustment> {
  return request<Adjustment>("POST", staffAccountPath(account, "adjustments"), adjustment, undefined, { "Idempotency-Key": key });
}

/** Whether a plan is offered for the past-due balance, each plan, and if none, why. */
export function fetchArrangementOffer(account: string, signal?: AbortSignal): Promise<ArrangementOffer> {
  return getJson<ArrangementOffer>(accountPath(account, "arrangement-offers"), signal);
}

/** Takes an offered plan (permission arrangements.make): 201; 409 with the reason none is offered now. */
export function makeArrangement(account: string, installments: number): Promise<Arrangement> {
  return request<Arrangement>("POST", accountPath(account, "arrangements"), { installments });
}

/** Changes contact details or paperless bills (accounts.change): the preferences now; 422 with `field`. */
export function saveContactDetails(account: string, changes: ContactChanges): Promise<AccountPreferences> {
  return request<AccountPreferences>("PUT", accountPath(account, "preferences"), changes);
}

/**
 * Enrols in budget billing (accounts.change); the true-up month, when null, is the server's
 * (the enrolment month, a year on). 409 already on, or too few bills to level.
 */
export function enrolInBudgetBilling(account: string, trueUpMonth: number | null): Promise<BudgetEnrolment> {
  return request<BudgetEnrolment>("POST", staffAccountPath(account, "budget-billing"), trueUpMonth === null ? {} : { true_up_month: trueUpMonth });
}

/** Leaves budget billing today (accounts.change): the deferred balance falls due on the next bill. 409 not on it. */
export function leaveBudgetBilling(account: string): Promise<BudgetBillingEnded> {
  return request<BudgetBillingEnded>("DELETE", accountPath(account, "budget-billing"));
}

/** Stops every open service after the customer's last day (accounts.change); 409 nothing to stop, or billed past it. */
export function moveOut(account: string, lastDay: string): Promise<MoveOutDone> {
  return request<MoveOutDone>("POST", staffAccountPath(account, "move-out"), { last_day: lastDay });
}
