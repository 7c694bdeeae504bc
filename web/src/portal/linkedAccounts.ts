// The accounts a login holds (Me.accounts) and those it claimed that wait for the code mailed to
// their service address (Me.pending_accounts). Pure, so the portal's choices are tested.
import type { LinkedAccount, Me, PendingAccount } from "./types.ts";
import { isoLocalDate } from "./validation.ts";

/** The account the pages show: `wanted` when the login holds it, else its first, else "". */
export function chooseAccount(me: Me, wanted: string | null | undefined): string {
  if (wanted && me.accounts.some((a) => a.number === wanted)) return wanted;
  return me.accounts[0]?.number ?? "";
}

/** What adding an account did: the accounts linked now, and the letters now on their way. */
export interface AddAccountOutcome {
  linked: LinkedAccount[];
  pending: PendingAccount[];
}

/** Compares the customer before and after POST /api/v1/me/accounts. A pending account that was
 * already listed counts again when its code changed (a new letter was mailed). */
export function addAccountOutcome(before: Me, after: Me): AddAccountOutcome {
  const held = new Set(before.accounts.map((a) => a.number));
  const waiting = new Set(before.pending_accounts.map(pendingKey));
  return {
    linked: after.accounts.filter((a) => !held.has(a.number)),
    pending: after.pending_accounts.filter((p) => !waiting.has(pendingKey(p))),
  };
}

function pendingKey(p: PendingAccount): string {
  return `${p.street}\n${p.code_expires_at ?? ""}`;
}

/** The last day (the customer's calendar) the letter's code works, "2027-01-05"; null when the
 * letter has no code yet. */
export function codeLastDay(pending: PendingAccount): string | null {
  if (!pending.code_expires_at) return null;
  const at = new Date(pending.code_expires_at);
  if (Number.isNaN(at.getTime())) return null;
  return isoLocalDate(at);
}
