// Leaving budget billing: what the answer's deferred balance means for the next bill.
import type { MessageKey } from "./i18n/en.ts";
import { creditAmount, isCredit } from "./amountDue.ts";
import type { BudgetBillingEnded, Money } from "./types.ts";
import { parseCents } from "../shared/money.ts";

/**
 * The sentence that tells the customer how leaving settles, and the amount it names (always
 * positive): a positive deferred balance becomes due on the next bill, a negative one is
 * credited to it, zero leaves nothing to settle. A malformed amount counts as nothing to settle.
 */
export function budgetLeftMessage(ended: BudgetBillingEnded): { key: MessageKey; amount: Money } {
  const balance = ended.deferred_balance;
  if (isCredit(balance)) return { key: "budgetLeftCredit", amount: creditAmount(balance) };
  let cents = 0n;
  try {
    cents = parseCents(balance.amount);
  } catch {
    cents = 0n;
  }
  return cents > 0n ? { key: "budgetLeftDue", amount: balance } : { key: "budgetLeftSettled", amount: balance };
}
