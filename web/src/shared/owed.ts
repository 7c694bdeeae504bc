// What an account owes now, by when and why: the `owed` object the server puts in the account's
// summary (GET /api/v1/accounts/{number}/summary) and in the staff account
// (GET /api/v1/staff/accounts/{number}); billing/amount_owed.h decides it. The portal and the
// staff console show only these figures for "what do I owe".
import type { Money } from "./money.ts";

/**
 * One line of the statement. `kind`: "bill" (the latest bill's amount due, `on` its due date),
 * a charge posted since that bill by its ledger kind ("late_fee", "adjustment", "reversal",
 * "refund", "deposit", "transfer", "opening_balance"; `on` the day it posted), "paid" (payments
 * and credits since the bill, summed, negative), "arranged" (moved to later bills by a payment
 * arrangement made since the bill, negative; `on` the day it was made) or "earlier" (rare: the
 * bill's figures against the ledger when it was sent).
 */
export interface OwedReason {
  kind: string;
  /** Signed: what it adds to what is owed now. */
  amount: Money;
  on: string | null;
  /** The bill's number, for kind "bill". */
  bill_number: number | null;
  /**
   * Kind "reversal": what it undoes ("payment_voided", "payment_returned", "payment_moved",
   * "payment", or the reversed entry's ledger kind); null otherwise.
   */
  reverses?: string | null;
}

export interface AmountOwed {
  /** The account's balance. */
  balance: Money;
  /** What paying today makes the account current; "0.00" when nothing is owed. */
  now: Money;
  /** The part of `now` whose due date has passed. */
  past_due: Money;
  /** The earliest due date of what is owed and not yet past due; null when all of it is past
   * due or is asked only by the next bill. */
  due_on: string | null;
  /** Owed, but asked only on later bills (budget billing, a payment arrangement). */
  deferred: Money;
  /** A balance below zero, as a positive amount. */
  credit: Money;
  /** Adds up exactly to balance - deferred. */
  reasons: OwedReason[];
}
