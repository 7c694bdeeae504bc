// Taking a payment for a caller (pure; test/staffPayment.test.mjs): cash or a check at the
// counter, or a card read out by phone; what is refused before sending (as the server refuses it,
// src/payments/counter_payments.cc and the test processor's tokenizer); the request; and the
// receipt's words.

import { digitsOnly, luhnValid, parseAmountInput, parseCardExpiry } from "../portal/validation.ts";
import { centsToDecimal, formatCents } from "../shared/money.ts";
import type { CardEntry } from "../portal/types.ts";
import type { FieldErrors } from "./forms.ts";
import type { NewStaffPayment } from "./actionsApi.ts";
import type { StaffPayment } from "./accountApi.ts";
import type { Resource } from "./resource.ts";

export const PAYMENT_METHODS = ["cash", "check", "card"] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

const METHOD_WORDS: Record<PaymentMethod, string> = { cash: "Cash", check: "Check", card: "Card by phone" };

export function paymentMethodLabel(method: PaymentMethod): string {
  return METHOD_WORDS[method];
}

/** The most one payment may be (the server's rule). */
export const PAYMENT_MAX_CENTS = 100_000_000n;
/** A check's number: 1 to 10 digits (the server's rule). */
export const CHECK_NUMBER_MAX_DIGITS = 10;

export interface PaymentDraft {
  /** As typed: "60", "$1,204.50". */
  amount: string;
  method: PaymentMethod;
  checkNumber: string;
  cardNumber: string;
  /** MM/YY */
  cardExpiry: string;
  cardCvc: string;
}

export const EMPTY_PAYMENT: PaymentDraft = { amount: "", method: "cash", checkNumber: "", cardNumber: "", cardExpiry: "", cardCvc: "" };

/** The form's fields, in its order (the first with an error gets focus). */
export const PAYMENT_FIELDS = ["amount", "method", "check_number", "card_number", "card_expiry", "card_cvc"] as const;

/** The server's field names (the payment's and the tokenizer's) -> the form's. */
export const PAYMENT_SERVER_FIELDS: Readonly<Record<string, string>> = {
  amount: "amount",
  method: "method",
  check_number: "check_number",
  payment_method: "card_number",
  card_number: "card_number",
  number: "card_number",
  "card.number": "card_number",
  exp_month: "card_expiry",
  exp_year: "card_expiry",
  "card.exp_month": "card_expiry",
  "card.exp_year": "card_expiry",
  cvc: "card_cvc",
  "card.cvc": "card_cvc",
};

/** The amount in cents, or null when it is not dollars and cents. */
export function paymentCents(draft: PaymentDraft): bigint | null {
  return parseAmountInput(draft.amount);
}

function checkAmount(amount: string): string | undefined {
  if (!amount.trim()) return "Type the amount taken.";
  const cents = parseAmountInput(amount);
  if (cents === null) return "Type the amount in dollars and cents, like 60.00.";
  if (cents <= 0n) return "The amount must be more than $0.00.";
  if (cents > PAYMENT_MAX_CENTS) return `One payment is at most ${formatCents(PAYMENT_MAX_CENTS)}.`;
  return undefined;
}

function checkCard(draft: PaymentDraft, today: Date): FieldErrors {
  const errors: FieldErrors = {};
  const number = digitsOnly(draft.cardNumber);
  if (!number) errors.card_number = "Type the card number the caller reads out.";
  else if (!/^\d{13,19}$/.test(number)) errors.card_number = "A card number is 13 to 19 digits.";
  else if (!luhnValid(number)) errors.card_number = "The card number is mistyped: read it back to the caller.";
  const expiry = parseCardExpiry(draft.cardExpiry);
  if (!draft.cardExpiry.trim()) errors.card_expiry = "Type the expiry date on the card, as MM/YY.";
  else if (!expiry) errors.card_expiry = "Type the expiry as MM/YY, like 08/29.";
  else if (expiry.year * 12 + expiry.month - 1 < today.getFullYear() * 12 + today.getMonth()) {
    errors.card_expiry = `The card expired at the end of ${expiry.month}/${expiry.year}.`;
  }
  if (!/^\d{3,4}$/.test(draft.cardCvc.trim())) errors.card_cvc = "The security code is the 3 or 4 digits on the card.";
  return errors;
}

/** What is wrong with the payment before it is sent, by field. `today`: the card's expiry is checked against it. */
export function checkPayment(draft: PaymentDraft, today: Date): FieldErrors {
  const errors: FieldErrors = {};
  const amount = checkAmount(draft.amount);
  if (amount) errors.amount = amount;
  if (!(PAYMENT_METHODS as readonly string[]).includes(draft.method)) errors.method = "Choose how the customer pays.";
  if (draft.method === "check" && !new RegExp(`^\\d{1,${CHECK_NUMBER_MAX_DIGITS}}$`).test(draft.checkNumber.trim())) {
    errors.check_number = `Type the check's number: 1 to ${CHECK_NUMBER_MAX_DIGITS} digits.`;
  }
  return draft.method === "card" ? { ...errors, ...checkCard(draft, today) } : errors;
}

/** The card for the tokenizer; only for a draft checkPayment passed. */
export function cardEntryOf(draft: PaymentDraft): CardEntry {
  const expiry = parseCardExpiry(draft.cardExpiry);
  if (!expiry) throw new RangeError("card expiry not checked");
  return { number: digitsOnly(draft.cardNumber), exp_month: expiry.month, exp_year: expiry.year, cvc: draft.cardCvc.trim() };
}

/** The request for a draft checkPayment passed; a card's with the processor's token for it. */
export function paymentRequest(draft: PaymentDraft, cardToken?: string): NewStaffPayment {
  const cents = paymentCents(draft);
  if (cents === null) throw new RangeError("amount not checked");
  const amount = centsToDecimal(cents);
  if (draft.method === "check") return { amount, method: "check", check_number: draft.checkNumber.trim() };
  if (draft.method === "card") {
    if (!cardToken) throw new RangeError("a card payment needs the processor's token");
    return { amount, method: "card", payment_method: { token: cardToken } };
  }
  return { amount, method: "cash" };
}

/** The submit button: "Take $60.00 in cash", "Take a $60.00 check", "Charge $60.00 to the card". */
export function takeButtonLabel(draft: PaymentDraft, currency = "USD"): string {
  const cents = paymentCents(draft);
  if (cents === null || cents <= 0n || cents > PAYMENT_MAX_CENTS) return "Take the payment";
  const amount = formatCents(cents, currency);
  if (draft.method === "check") return `Take a ${amount} check`;
  if (draft.method === "card") return `Charge ${amount} to the card`;
  return `Take ${amount} in cash`;
}

/**
 * Who took the payment, for the receipt: the payment answer's `taken_by` when it has one, else the
 * page's payment list's, once it has been asked for again since the payment (`asked`: the list's
 * answer when the payment was taken). The POST's answer does not say who took it; the list does.
 */
export function receiptTakenBy(
  payment: StaffPayment,
  listed: readonly StaffPayment[],
  list: Resource<unknown>,
  asked: Resource<unknown>,
): string {
  const found = payment.taken_by ?? listed.find((p) => p.confirmation === payment.confirmation)?.taken_by;
  if (found) return found.actor_name;
  if (list.state === "failed") return "Not known: the payment list could not load";
  if (list === asked || list.state === "loading") return "Checking…";
  return "Not recorded by the server";
}

/** The receipt's heading. */
export function receiptTitle(payment: StaffPayment): string {
  return payment.status === "pending" ? "Payment pending" : "Payment received";
}
