// What the customer owes now, by when and why. The server decides it (the `owed` of the account's
// summary, billing/amount_owed.h): the portal reads those figures and words them, and never works
// them out again from the balance and the bills.
import { centsToDecimal, parseCents } from "../shared/money.ts";
import type { MessageKey, Translate } from "./i18n/translate.ts";
import type { AmountOwed, Money, OwedReason } from "./types.ts";

/** The amount the Pay page proposes, in cents: what paying today makes the account current
 * (owed.now). Nothing when nothing is owed. */
export function suggestedPayment(owed: AmountOwed): bigint {
  return positiveCents(owed.now);
}

/** The part of what is owed now whose due date has passed, in cents (owed.past_due); 0 when none. */
export function pastDueCents(owed: AmountOwed): bigint {
  return positiveCents(owed.past_due);
}

/** Owed, but asked only on later bills (budget billing, a payment arrangement), in cents. */
export function deferredCents(owed: AmountOwed): bigint {
  return positiveCents(owed.deferred);
}

/** A balance below zero, as the positive amount in the customer's hand (owed.credit), in cents. */
export function creditCents(owed: AmountOwed): bigint {
  return positiveCents(owed.credit);
}

/** An amount in cents when above zero; 0 otherwise (and for text that is not an amount). */
function positiveCents(amount: Money): bigint {
  const cents = safeCents(amount.amount);
  return cents > 0n ? cents : 0n;
}

/** Nothing is owed now (a zero or credit balance, or all of it asked only on later bills). */
export function owesNothing(owed: AmountOwed): boolean {
  return suggestedPayment(owed) === 0n;
}

/** Balance below zero: the customer has a credit. */
export function isCredit(balance: Money): boolean {
  return safeCents(balance.amount) < 0n;
}

/** A credit balance as the positive amount the customer has in hand: "-12.50" -> "12.50". */
export function creditAmount(balance: Money): Money {
  const cents = safeCents(balance.amount);
  return { amount: centsToDecimal(cents < 0n ? -cents : cents), currency: balance.currency };
}

/** The latest bill's line of the statement (its number and due date), or null before any bill. */
export function billReason(owed: AmountOwed): OwedReason | null {
  return owed.reasons.find((r) => r.kind === "bill") ?? null;
}

/**
 * By when what is owed now is due, for the words under the amount:
 * - `nothing`: nothing is owed now;
 * - `past_due`: all of it is past due;
 * - `part_past_due`: some of it is past due, the rest due on `rest_due_on` (null: the rest is
 *   asked by the next bill);
 * - `due`: nothing is past due, and it is due on `on`;
 * - `next_bill`: nothing is past due and it has no date yet: the next bill asks for it (a charge
 *   since the latest bill).
 */
export type OwedWhen =
  | { kind: "nothing" }
  | { kind: "past_due" }
  | { kind: "part_past_due"; rest_due_on: string | null }
  | { kind: "due"; on: string }
  | { kind: "next_bill" };

export function owedWhen(owed: AmountOwed): OwedWhen {
  const now = suggestedPayment(owed);
  if (now === 0n) return { kind: "nothing" };
  const pastDue = pastDueCents(owed);
  if (pastDue >= now) return { kind: "past_due" };
  if (pastDue > 0n) return { kind: "part_past_due", rest_due_on: owed.due_on };
  return owed.due_on ? { kind: "due", on: owed.due_on } : { kind: "next_bill" };
}

/** A charge posted since the latest bill, named by its ledger kind. */
const CHARGE_WORDS: Record<string, MessageKey> = {
  late_fee: "owedLateFee",
  adjustment: "owedAdjustment",
  reversal: "owedReversal",
  refund: "owedRefund",
  deposit: "owedDeposit",
  transfer: "owedTransfer",
  opening_balance: "owedOpeningBalance",
};

/** A reversal, named by what it undoes (the server's `reverses`). */
const REVERSAL_WORDS: Record<string, MessageKey> = {
  payment_voided: "owedPaymentVoided",
  payment_returned: "owedReturnedPayment",
  payment_moved: "owedPaymentMoved",
  payment: "owedPaymentReversed",
};

/**
 * One line of the statement in the customer's words, without its amount: "Bill 1042, due Nov 20,
 * 2026", "Late fee, Nov 26, 2026", "Payments and credits since the bill", "Moved to later bills by
 * your payment arrangement of Dec 1, 2026", "Other changes". `date` formats an ISO date.
 * `afterBill`: the statement has a bill line (so "since the bill" means something).
 */
export function owedReasonLabel(reason: OwedReason, afterBill: boolean, t: Translate, date: (iso: string) => string): string {
  switch (reason.kind) {
    case "bill":
      if (reason.on === null) {
        return reason.bill_number !== null ? t("billTitle", { number: reason.bill_number }) : t("owedLatestBillNoDate");
      }
      return reason.bill_number !== null
        ? t("owedBill", { number: reason.bill_number, date: date(reason.on) })
        : t("owedLatestBill", { date: date(reason.on) });
    case "paid":
      return afterBill ? t("owedPaidSinceBill") : t("owedPaid");
    case "arranged":
      return reason.on !== null ? t("owedArrangedOn", { date: date(reason.on) }) : t("owedArranged");
    case "earlier":
      return t("owedEarlier");
    default: {
      const named = reason.kind === "reversal" && reason.reverses ? REVERSAL_WORDS[reason.reverses] : undefined;
      const label = t(named ?? CHARGE_WORDS[reason.kind] ?? "owedOtherCharge");
      return reason.on !== null ? t("owedChargeOn", { label, date: date(reason.on) }) : label;
    }
  }
}

function safeCents(amount: string): bigint {
  try {
    return parseCents(amount);
  } catch {
    return 0n;
  }
}
