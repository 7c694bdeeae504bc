// Requesting an adjustment for a caller (pure; test/staffAdjustment.test.mjs): a credit or a charge
// with a reason code and a memo; what is refused before sending (the server's rules,
// src/ledger/adjustments.cc); and what became of it in words: posted at once within the approval
// limit, or waiting for a second person with adjustments.approve.

import { parseAmountInput } from "../portal/validation.ts";
import { centsToDecimal, formatMoney, parseCents } from "../shared/money.ts";
import type { FieldErrors } from "./forms.ts";
import { ADJUSTMENT_REASONS } from "./actionsApi.ts";
import type { Adjustment, AdjustmentReason, NewAdjustment } from "./actionsApi.ts";
import { asSentence, codeLabel } from "./labels.ts";

export { ADJUSTMENT_REASONS };

/** A credit lowers what the customer owes (a negative amount to the server); a charge raises it. */
export type AdjustmentDirection = "credit" | "charge";

export interface AdjustmentDraft {
  direction: AdjustmentDirection;
  /** As typed, without a sign: "25", "$1,204.50". */
  amount: string;
  reason: AdjustmentReason | "";
  memo: string;
}

export const EMPTY_ADJUSTMENT: AdjustmentDraft = { direction: "credit", amount: "", reason: "", memo: "" };

/** The form's fields, in its order; the server's field names are the same. */
export const ADJUSTMENT_FIELDS = ["direction", "amount", "reason_code", "memo"] as const;

const REASON_WORDS: Record<AdjustmentReason, string> = {
  billing_error: "Billing error",
  meter_error: "Meter error",
  leak_credit: "Leak credit",
  goodwill: "Goodwill",
  fee_waiver: "Fee waiver",
  write_off: "Write-off",
  deposit_interest: "Deposit interest",
  other: "Other",
};

/** "leak_credit" -> "Leak credit"; a code the console does not know, as sent. */
export function adjustmentReasonLabel(reason: string): string {
  return REASON_WORDS[reason as AdjustmentReason] ?? reason;
}

/** What is wrong with the adjustment before it is sent, by field. */
export function checkAdjustment(draft: AdjustmentDraft): FieldErrors {
  const errors: FieldErrors = {};
  if (draft.direction !== "credit" && draft.direction !== "charge") errors.direction = "Choose a credit or a charge.";
  const cents = parseAmountInput(draft.amount);
  if (!draft.amount.trim()) errors.amount = "Type the amount.";
  else if (cents === null) errors.amount = "Type the amount in dollars and cents, like 25.00, without a sign.";
  else if (cents === 0n) errors.amount = "The amount must not be zero.";
  if (!(ADJUSTMENT_REASONS as readonly string[]).includes(draft.reason)) errors.reason_code = "Choose the reason.";
  if (!draft.memo.trim()) errors.memo = "Say what the adjustment is for.";
  return errors;
}

/** The request for a draft checkAdjustment passed: a credit is a negative amount. */
export function adjustmentRequest(draft: AdjustmentDraft): NewAdjustment {
  const cents = parseAmountInput(draft.amount);
  if (cents === null || draft.reason === "") throw new RangeError("adjustment not checked");
  return { amount: centsToDecimal(draft.direction === "credit" ? -cents : cents), reason_code: draft.reason, memo: draft.memo.trim() };
}

/** "a credit of $25.00" / "a charge of $25.00", from an amount as the server sends it. */
export function adjustmentWords(a: Pick<Adjustment, "amount">): string {
  let cents: bigint;
  try {
    cents = parseCents(a.amount.amount);
  } catch {
    return `an adjustment of ${formatMoney(a.amount)}`;
  }
  const size = formatMoney({ amount: centsToDecimal(cents < 0n ? -cents : cents), currency: a.amount.currency });
  return cents < 0n ? `a credit of ${size}` : `a charge of ${size}`;
}

/** What became of the request, for the panel: a heading and a sentence or two. */
export function adjustmentOutcome(a: Adjustment): { title: string; detail: string } {
  const what = `${adjustmentWords(a)} (${adjustmentReasonLabel(a.reason_code)})`;
  if (a.status === "posted") {
    const why = a.decision_note ? ` ${asSentence(a.decision_note)}` : "";
    return { title: "Posted", detail: `${asSentence(`${what} is on the account now`)}${why}` };
  }
  if (a.status === "pending") {
    return {
      title: "Waiting for approval",
      detail: `${asSentence(`${what} is not on the account yet`)} It posts once a second person with adjustments.approve approves it.`,
    };
  }
  return { title: codeLabel(a.status), detail: a.decision_note ? asSentence(a.decision_note) : "" };
}
