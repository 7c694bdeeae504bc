// Setting up a payment arrangement for a caller (pure; test/staffArrangement.test.mjs): the plans
// the server offers for the past-due balance in words, why none is offered, and the arrangement
// made. The rules (who may have one, the plans) are the server's (src/ledger/arrangements.cc).

import { formatMoney } from "../shared/money.ts";
import { formatDate } from "../shared/format.ts";
import type { Arrangement, ArrangementOffer, ArrangementPlan } from "../portal/types.ts";
import { asSentence } from "./labels.ts";

/** How many days the down payment is due within (docs/openapi.yaml, POST .../arrangements). */
export const DOWN_PAYMENT_DAYS = 7;

/** The plan's choice: "3 installments". */
export function planTitle(plan: ArrangementPlan): string {
  return `${plan.installments} installment${plan.installments === 1 ? "" : "s"}`;
}

/** Its terms: "$94.08 down within 7 days, then $94.07 on each of the next 3 bills (the last $94.09). Total $376.31." */
export function planTerms(plan: ArrangementPlan): string {
  const last = plan.last_installment.amount !== plan.installment.amount ? ` (the last ${formatMoney(plan.last_installment)})` : "";
  return (
    `${formatMoney(plan.down_payment)} down within ${DOWN_PAYMENT_DAYS} days, then ${formatMoney(plan.installment)} on each ` +
    `of the next ${plan.installments} bills${last}. Total ${formatMoney(plan.total)}.`
  );
}

/** Why no plan is offered, as the server says it ("Nothing is past due."). */
export function noOfferReason(offer: ArrangementOffer): string {
  return offer.reason?.trim() ? asSentence(offer.reason) : "The server offers no plan for this account now.";
}

/** The arrangement made: "$22.29 down by Dec 13, 2026, then 3 installments of $22.28 on the next bills (the last $22.30)." */
export function arrangementMade(a: Arrangement): string {
  const last = a.last_installment.amount !== a.installment.amount ? ` (the last ${formatMoney(a.last_installment)})` : "";
  return (
    `${formatMoney(a.down_payment)} down by ${formatDate(a.down_payment_due_on)}, then ${a.installments} installments of ` +
    `${formatMoney(a.installment)} on the next bills${last}. It covers ${formatMoney(a.past_due)} past due.`
  );
}
