// The flags at the top of an account (pure; test/staffAccount.test.mjs): past due, payment
// arrangement, budget billing, autopay, paperless. Each comes from the answer that says it, so
// each is on, off, not known yet (its answer is on its way) or not known (its answer failed);
// nothing is guessed.
import { parseCents } from "../shared/money.ts";
import type { AmountOwed } from "../shared/owed.ts";
import type { AccountPreferences, Arrangement, Autopay } from "../portal/types.ts";
import type { Resource } from "./resource.ts";

export type FlagState = "on" | "off" | "loading" | "failed";

export type FlagId = "past-due" | "arrangement" | "budget" | "autopay" | "paperless";

export interface AccountFlag {
  id: FlagId;
  label: string;
  state: FlagState;
}

export interface FlagSources {
  owed: AmountOwed;
  preferences: Resource<AccountPreferences>;
  autopay: Resource<Autopay>;
  arrangements: Resource<Arrangement[]>;
}

function from<T>(r: Resource<T>, on: (data: T) => boolean): FlagState {
  if (r.state === "ready") return on(r.data) ? "on" : "off";
  return r.state;
}

function positive(amount: string): boolean {
  try {
    return parseCents(amount) > 0n;
  } catch {
    return false;
  }
}

/** Every flag, in the order the header shows them. */
export function accountFlags(s: FlagSources): AccountFlag[] {
  return [
    { id: "past-due", label: "Past due", state: positive(s.owed.past_due.amount) ? "on" : "off" },
    { id: "arrangement", label: "Payment arrangement", state: from(s.arrangements, (list) => list.some((a) => a.status === "active")) },
    { id: "budget", label: "Budget billing", state: from(s.preferences, (p) => p.budget !== null) },
    { id: "autopay", label: "Autopay", state: from(s.autopay, (a) => a.enrolled) },
    { id: "paperless", label: "Paperless", state: from(s.preferences, (p) => p.paperless) },
  ];
}

/** "budget billing, autopay and paperless": flags named inside a sentence, in order. */
export function flagList(flags: readonly AccountFlag[]): string {
  const names = flags.map((f) => f.label.toLowerCase());
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}
