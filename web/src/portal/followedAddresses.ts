// Following another address for outage alerts (pure; test/followedAddresses.test.mjs): a
// customer may follow up to 10 addresses with our electricity (a parent's house) besides their
// own homes, and hears of their outages by email and text as of their own. What an address found
// by the search offers (follow it, or why not), and how a refusal is said. The server's rules
// (src/outages/announcements.h) are only said sooner here.
import type { MessageKey } from "./i18n/translate.ts";
import type { ProblemLike } from "./problemWords.ts";
import { checkAddressSearch } from "./startService.ts";
import type { AddressSearch } from "./startService.ts";
import type { HomeAddress } from "./outages.ts";
import type { Premise } from "./types.ts";
import type { FieldErrors } from "./validation.ts";

/** An address the account follows (GET /api/v1/accounts/{number}/followed-addresses). */
export interface FollowedAddress extends HomeAddress {
  premise: number;
}

/** What the followed-addresses routes answer: the list now, in the order chosen. */
export interface FollowedAddresses {
  addresses: FollowedAddress[];
}

/** The most addresses an account may follow (the server refuses the 11th). */
export const MOST_FOLLOWED = 10;

/**
 * What an address found by the search offers: following it; nothing, because it is followed
 * already or is one of the account's own homes (whose alerts come anyway); or nothing, because
 * we do not bring electricity there.
 */
export type FollowChoice = "follow" | "followed" | "own" | "noElectricity";

export function followChoice(premise: Premise, followed: readonly FollowedAddress[], ownHomes: readonly number[]): FollowChoice {
  if (ownHomes.includes(premise.id)) return "own";
  if (followed.some((a) => a.premise === premise.id)) return "followed";
  if (!premise.services.some((s) => s.commodity === "electric")) return "noElectricity";
  return "follow";
}

/** Why a found address offers no Follow button, in the customer's words (null: it offers one). */
export const FOLLOW_CHOICE_WORDS: Readonly<Record<FollowChoice, MessageKey | null>> = {
  follow: null,
  followed: "followAlready",
  own: "followOwnHome",
  noElectricity: "followNoElectricity",
};

/** Whether the account may follow one more address. */
export const mayFollowMore = (followed: readonly FollowedAddress[]) => followed.length < MOST_FOLLOWED;

/**
 * A refusal to follow said in the section's own words: the server's codes outage-follow-limit
 * (past 10 addresses) and outage-follow-not-served (no electricity there); a refusal naming
 * `premise` without a code (an older server) is told apart by how many the account follows.
 * Null: the general words of problemWords.ts.
 */
export function followRefusalKey(problem: ProblemLike & { fieldErrors?: Record<string, string> }, following: number): MessageKey | null {
  if (problem.code === "outage-follow-limit") return "followFull";
  if (problem.code === "outage-follow-not-served") return "followNoElectricity";
  const aboutPremise = problem.status === 422 && !problem.code && problem.fieldErrors !== undefined && "premise" in problem.fieldErrors;
  if (!aboutPremise) return null;
  return following >= MOST_FOLLOWED ? "followFull" : "followNoElectricity";
}

// ---- the address search, under field ids of the form's own ("follow-street") ------------------

/** The search's field ids under `prefix`: "start" gives the start-service page's own. */
export function searchIds(prefix: string): { street: string; zip: string } {
  return { street: `${prefix}-street`, zip: `${prefix}-zip` };
}

/** What is wrong with a search before sending, at the fields of `prefix`. */
export function checkSearchAt(search: AddressSearch, prefix: string): FieldErrors {
  const ids = searchIds(prefix);
  const found = checkAddressSearch(search);
  const errors: FieldErrors = {};
  if (found["start-street"]) errors[ids.street] = found["start-street"];
  if (found["start-zip"]) errors[ids.zip] = found["start-zip"];
  return errors;
}

/** The search's fields as the server names them -> the fields of `prefix`. */
export function searchServerFieldsAt(prefix: string): Record<string, string> {
  const ids = searchIds(prefix);
  return { address: ids.street, zip: ids.zip };
}
