// Moving a misapplied payment to the account it was meant for (pure; test/staffMovePayment.test.mjs):
// which payments can be moved, the form's checks, and what the move did, in words.

import type { FieldErrors } from "./forms.ts";
import { formatMoney } from "../shared/money.ts";
import { moneyOf } from "./moneyAnswer.ts";
import type { PaymentMoved } from "./workApi.ts";
import { accountNumberProblem, cleanAccountNumber } from "./accountNumber.ts";

export interface MoveDraft {
  toAccount: string;
  reason: string;
}

export const EMPTY_MOVE: MoveDraft = { toAccount: "", reason: "" };
export const MOVE_FIELDS = ["to_account", "reason"] as const;

/**
 * Only a posted payment is moved (a pending, failed, returned or moved one is not), and not a bank
 * (ACH) payment, which stays tied to the payer's bank account (src/payments/payment_moves.h).
 */
export function canMove(p: { status: string; method: string }): boolean {
  return p.status === "posted" && p.method !== "bank";
}

/** What is wrong with the form before the account is looked up, by field (the server checks the check digit). */
export function checkMove(draft: MoveDraft, fromAccount: string): FieldErrors {
  const errors: FieldErrors = {};
  const to = cleanAccountNumber(draft.toAccount);
  const problem = to ? accountNumberProblem(to) : "Type the account number the payment was meant for.";
  if (problem) errors.to_account = problem;
  else if (to === fromAccount) errors.to_account = "That is this account: type the account the payment was meant for.";
  if (!draft.reason.trim()) errors.reason = "Say why the payment is moved (kept with both accounts' history).";
  return errors;
}

/** An amount of the answer for reading ("$25.00"), whichever shape it came in. */
export function amountWords(value: unknown): string {
  const money = moneyOf(value);
  return money ? formatMoney(money) : String(value ?? "");
}

/** The move in one sentence: "$25.00 moved from account 100000017 to account 100000025 as payment P-…." */
export function movedWords(moved: PaymentMoved): string {
  return (
    `${amountWords(moved.new_payment.amount)} moved from account ${moved.from_account.number} ` +
    `to account ${moved.to_account.number} as payment ${moved.new_payment.confirmation}.`
  );
}
