// What the customer owes now, from the figures the API gives: the account's balance and the
// latest bill that was sent.
import { centsToDecimal, parseCents } from "../shared/money.ts";
import type { BillSummary, Money } from "./types.ts";

/** The newest bill that stands (released, not cancelled) from a newest-first list. */
export function latestBill(bills: readonly BillSummary[]): BillSummary | null {
  return bills.find((b) => b.status === "released") ?? null;
}

/**
 * The amount the Pay page suggests, in cents: the latest bill's amount due, but never more than
 * the balance (payments since the bill already count) and nothing when there is no balance.
 * With no bill yet, the balance.
 */
export function suggestedPayment(balance: Money, bill: BillSummary | null): bigint {
  const owed = safeCents(balance.amount);
  if (owed <= 0n) return 0n;
  if (!bill) return owed;
  const due = safeCents(bill.amount_due.amount);
  return due > 0n && due < owed ? due : owed;
}

/** Nothing owed now (a zero or credit balance): the latest bill is settled. */
export function owesNothing(balance: Money): boolean {
  return safeCents(balance.amount) <= 0n;
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

/**
 * What is past due, in cents: after the latest bill's due date (`today` is later), the part of its
 * amount due still owed, which is never more than the balance. 0 when nothing is past due.
 */
export function pastDueCents(balance: Money, bill: BillSummary | null, today: string): bigint {
  if (!bill || !(today > bill.due_date)) return 0n;
  const owed = safeCents(balance.amount);
  const due = safeCents(bill.amount_due.amount);
  if (owed <= 0n || due <= 0n) return 0n;
  return due < owed ? due : owed;
}

function safeCents(amount: string): bigint {
  try {
    return parseCents(amount);
  } catch {
    return 0n;
  }
}
