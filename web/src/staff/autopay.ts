// Autopay on the customer's request, from the account page (pure; test/staffConsent.test.mjs):
// which saved method and how many days before the due date, what is refused before sending, and
// what was done in words. The request itself carries the customer's consent (consent.ts).

import type { Autopay, SavedPaymentMethod } from "../portal/types.ts";
import type { FieldErrors } from "./forms.ts";
import { consentSentence } from "./consent.ts";
import type { Consent } from "./consent.ts";

/** Enrolling, changing or cancelling autopay for a caller needs this permission (src/api/routes.cc). */
export const AUTOPAY_PERMISSION = "payments.take";

/** The element ids of the Autopay section's button and the panel it opens (AutopayActions.tsx). */
export const AUTOPAY_BUTTON_ID = "autopay-action";
export const AUTOPAY_PANEL_ID = "autopay-panel";

/** The most days before the due date autopay may pay (the server's rule). */
export const MOST_DAYS_BEFORE_DUE = 20;

export interface AutopayDraft {
  /** The saved method's id, as the select holds it; "" before one is chosen. */
  methodId: string;
  /** As typed. */
  days: string;
}

/** The enrolment form's own fields, in its order (the server's names). */
export const AUTOPAY_FIELDS = ["payment_method_id", "days_before_due"] as const;

/**
 * The form as it opens: the method autopay uses now, else the account's default one, else its
 * only one; the days as they are now, else none yet.
 */
export function autopayDraftFor(autopay: Autopay | null, methods: readonly SavedPaymentMethod[]): AutopayDraft {
  const current = methods.find((m) => m.id === autopay?.payment_method_id);
  const chosen = current ?? methods.find((m) => m.default) ?? (methods.length === 1 ? methods[0] : undefined);
  const days = autopay?.enrolled && autopay.days_before_due !== undefined ? String(autopay.days_before_due) : "";
  return { methodId: chosen ? String(chosen.id) : "", days };
}

/** What is wrong before sending: no method chosen (or one the account does not have), days not 0 to 20. */
export function checkAutopay(draft: AutopayDraft, methods: readonly SavedPaymentMethod[]): FieldErrors {
  const errors: FieldErrors = {};
  if (!methods.some((m) => String(m.id) === draft.methodId)) errors.payment_method_id = "Choose the saved method autopay pays from.";
  const days = draft.days.trim();
  if (!/^\d{1,2}$/.test(days) || Number(days) > MOST_DAYS_BEFORE_DUE) {
    errors.days_before_due = `Type a whole number of days from 0 (on the due date) to ${MOST_DAYS_BEFORE_DUE}.`;
  }
  return errors;
}

/** "on the due date", "1 day before it is due", "3 days before it is due". */
export function whenWords(days: number | undefined): string {
  if (days === undefined) return "on a day not known";
  if (days === 0) return "on the due date";
  return `${days} day${days === 1 ? "" : "s"} before it is due`;
}

/** A saved method's label ("Visa •••• 4242"), or its number when the account does not list it. */
export function methodName(methods: readonly SavedPaymentMethod[], id: number | undefined): string {
  return methods.find((m) => m.id === id)?.label ?? `saved method ${id ?? "?"}`;
}

/** "Autopay pays each bill from Visa •••• 4242, 3 days before it is due." or "Autopay is off." */
export function autopayNow(autopay: Autopay, methods: readonly SavedPaymentMethod[]): string {
  if (!autopay.enrolled) return "Autopay is off: the customer pays each bill themselves.";
  return `Autopay pays each bill from ${methodName(methods, autopay.payment_method_id)}, ${whenWords(autopay.days_before_due)}.`;
}

/** What enrolling did, and on whose word. */
export function autopayEnrolledWords(autopay: Autopay, methods: readonly SavedPaymentMethod[], consent: Consent): string {
  return `Autopay is on. Each bill from now on is paid from ${methodName(methods, autopay.payment_method_id)}, ` +
    `${whenWords(autopay.days_before_due)}, for what is still owed on it. ${consentSentence(consent)}`;
}

/** What cancelling did, and on whose word. */
export function autopayCancelledWords(consent: Consent): string {
  return `Autopay is off: no bill is paid automatically from now on. ${consentSentence(consent)}`;
}
