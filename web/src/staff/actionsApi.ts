// The changes the account page's actions make (docs/openapi.yaml has each body and answer): a
// payment taken (cash, check, or a card by phone through the test processor's tokenizer), an
// adjustment requested, a payment arrangement set up, contact details, the mailing address,
// budget billing and autopay (each with the customer's consent), a move-out and a sent bill
// emailed again. Each sends the session's CSRF token (api.ts); those that move money send an
// Idempotency-Key, the same one again when retrying after an unknown outcome, so nothing is done
// twice. Relative imports end in .ts for the unit tests (test/staffActions.test.mjs).

import { getJson, request } from "./api.ts";
import { accountPath, staffAccountPath } from "./accountApi.ts";
import type { StaffPayment } from "./accountApi.ts";
import type { Address } from "./api.ts";
import type { Money } from "../shared/money.ts";
import type { Consent } from "./consent.ts";
import type {
  AccountPreferences,
  Arrangement,
  ArrangementOffer,
  Autopay,
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

/** PUT /api/v1/staff/accounts/{number}/mailing-address: the address before and after, and how the customer was told. */
export interface MailingAddressChange {
  account_number: string;
  /** False when the address sent is the one on file: nothing was written, nobody was told. */
  changed: boolean;
  /** An email to the contact email; with none, a letter to the old address; "" when nothing changed. */
  notified: "email" | "letter" | "";
  before: Address;
  after: Address;
}

/** POST /api/v1/staff/accounts/{number}/bills/{bill}/resend. */
export interface BillResent {
  account_number: string;
  bill_number: number;
  emailed_to: string;
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
 * Changes where bills and letters are mailed (accounts.change); the server tells the customer.
 * 422 with `field` mailing_address.line1, .city, .state or .zip.
 */
export function changeMailingAddress(account: string, address: Address): Promise<MailingAddressChange> {
  return request<MailingAddressChange>("PUT", staffAccountPath(account, "mailing-address"), { mailing_address: address });
}

/**
 * Emails a sent bill again to the contact email on file (accounts.change). 404 not one of the
 * account's sent bills; 422 with `field` email when the account has no email on file.
 */
export function resendBill(account: string, bill: number): Promise<BillResent> {
  return request<BillResent>("POST", staffAccountPath(account, `bills/${bill}/resend`));
}

/**
 * Enrols in budget billing (accounts.change) with the customer's consent; the true-up month, when
 * null, is the server's (the enrolment month, a year on). 409 already on, or too few bills to
 * level; 422 naming consent, consent.given_by, consent.how or consent.reference.
 */
export function enrolInBudgetBilling(account: string, trueUpMonth: number | null, consent: Consent): Promise<BudgetEnrolment> {
  const body = trueUpMonth === null ? { consent } : { true_up_month: trueUpMonth, consent };
  return request<BudgetEnrolment>("POST", staffAccountPath(account, "budget-billing"), body);
}

/**
 * Leaves budget billing today (accounts.change) with the customer's consent: the deferred balance
 * falls due on the next bill. 409 not on it; 422 naming the consent's field.
 */
export function leaveBudgetBilling(account: string, consent: Consent): Promise<BudgetBillingEnded> {
  return request<BudgetBillingEnded>("DELETE", accountPath(account, "budget-billing"), { consent });
}

/**
 * Enrols in autopay (payments.take) with the customer's consent: each bill from now on is paid from
 * the saved method, `daysBeforeDue` (0 to 20) days before it is due. The enrolment now; 422 naming
 * payment_method_id, days_before_due or the consent's field.
 */
export function enrolInAutopay(account: string, paymentMethodId: number, daysBeforeDue: number, consent: Consent): Promise<Autopay> {
  return request<Autopay>("PUT", accountPath(account, "autopay"), { payment_method_id: paymentMethodId, days_before_due: daysBeforeDue, consent });
}

/** Cancels autopay (payments.take) with the customer's consent: 204; 404 when it is not on; 422 naming the consent's field. */
export function cancelAutopay(account: string, consent: Consent): Promise<void> {
  return request<void>("DELETE", accountPath(account, "autopay"), { consent });
}

/** Stops every open service after the customer's last day (accounts.change); 409 nothing to stop, or billed past it. */
export function moveOut(account: string, lastDay: string): Promise<MoveOutDone> {
  return request<MoveOutDone>("POST", staffAccountPath(account, "move-out"), { last_day: lastDay });
}
