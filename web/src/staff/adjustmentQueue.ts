// Adjustments waiting for a second person (pure; test/staffAdjustmentQueue.test.mjs): who asked
// for each in words, whether that is the signed-in user (whom the server refuses as approver:
// src/ledger/adjustments.cc), and what a refusal says.

import type { ApiError } from "./api.ts";
import { codeLabel } from "./labels.ts";
import { centsToDecimal, formatMoney, parseCents } from "../shared/money.ts";
import type { Money } from "../shared/money.ts";

/** The signed-in user as an actor: "staff:3". */
export function staffActor(id: number): string {
  return `staff:${id}`;
}

/** The request is the signed-in user's own: someone else must approve it. */
export function isOwnRequest(requestedBy: string, meId: number): boolean {
  return requestedBy === staffActor(meId);
}

/** What the console says when the server refuses the requester as approver. */
export const OWN_REQUEST_REFUSED = "You requested this adjustment; another person must approve it.";

const KINDS: Record<string, string> = { staff: "Staff user", api_key: "API key", customer: "Customer", system: "System" };

/**
 * Who requested it, in words: "You", "Staff user 3", "API key 1", "System (autopay)". (The
 * queue's answer names the actor, not the person: a name needs the staff list.)
 */
export function requesterWords(requestedBy: string, meId: number): string {
  if (isOwnRequest(requestedBy, meId)) return "You";
  const at = requestedBy.indexOf(":");
  if (at < 0) return requestedBy;
  const kind = requestedBy.slice(0, at);
  const who = requestedBy.slice(at + 1);
  if (kind === "system") return `System (${who})`;
  return `${KINDS[kind] ?? codeLabel(kind)} ${who}`;
}

/**
 * A refusal of an approval, for its row: the requester's own request (the server's 403 or 409)
 * says so plainly, with the server's words after; any other refusal is the server's words.
 */
export function approvalRefusal(problem: Pick<ApiError, "status" | "detail">, own: boolean): string {
  if (own && (problem.status === 403 || problem.status === 409)) return `${OWN_REQUEST_REFUSED} (${problem.detail})`;
  return problem.detail;
}

/** The amount without its sign, and which way it goes: {size: "$450.00", kind: "Credit"}. */
export function adjustmentAmount(amount: Money): { size: string; kind: "Credit" | "Charge" } {
  let cents: bigint;
  try {
    cents = parseCents(amount.amount);
  } catch {
    return { size: formatMoney(amount), kind: "Charge" };
  }
  const size = formatMoney({ amount: centsToDecimal(cents < 0n ? -cents : cents), currency: amount.currency });
  return { size, kind: cents < 0n ? "Credit" : "Charge" };
}
