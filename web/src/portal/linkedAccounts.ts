// The accounts a login holds (Me.accounts) and those it claimed that wait for proof
// (Me.pending_accounts): the code mailed to their service address, or the link texted to the
// mobile phone on file. Pure, so the portal's choices and words are tested.
import type { MessageKey } from "./i18n/en.ts";
import type { Translate } from "./i18n/translate.ts";
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
  return `${p.street}\n${p.code_expires_at ?? ""}\n${pendingBy(p)}`;
}

/** How a pending account's proof went out: a text to the phone on file, else (also when the
 * server does not say) a letter. */
export function pendingBy(p: PendingAccount): "letter" | "text" {
  return p.by === "text" ? "text" : "letter";
}

/** Whether a letter's code is awaited: only then is there a code to type. */
export function lettersPending(pending: PendingAccount[]): boolean {
  return pending.some((p) => pendingBy(p) === "letter");
}

/** Whether a texted link is awaited. */
export function textsPending(pending: PendingAccount[]): boolean {
  return pending.some((p) => pendingBy(p) === "text");
}

/** The heading over the pending accounts in Settings: waiting for a letter, a texted link, or
 * either. */
export function pendingHeading(pending: PendingAccount[]): MessageKey {
  const letters = lettersPending(pending);
  if (!textsPending(pending)) return "pendingSettingsTitle";
  return letters ? "pendingSettingsTitleBoth" : "pendingSettingsTitleText";
}

/** The two digits a text went to ("34"), or null when the server did not give them. */
function phoneEnding(p: PendingAccount): string | null {
  const ending = (p.phone_ending ?? "").trim();
  return ending ? ending : null;
}

/** The sentence about one pending account: a letter on its way to {street}, or a link for it
 * texted to the phone ending in {ending}; each until when its code or link works, when known.
 * `date` words an ISO date in the customer's language. */
export function pendingSentence(p: PendingAccount, t: Translate, date: (isoDate: string) => string): string {
  const lastDay = codeLastDay(p);
  const ending = phoneEnding(p);
  const vars = { street: p.street, ending: ending ?? "", date: lastDay ? date(lastDay) : "" };
  let key: MessageKey;
  if (pendingBy(p) === "letter") key = lastDay ? "pendingLetter" : "pendingLetterNoDate";
  else if (!ending) key = "pendingTextNoEnding";
  else key = lastDay ? "pendingText" : "pendingTextNoDate";
  return t(key, vars);
}

/** What adding an account did, in words: linked now, a letter on its way, a link texted, or
 * nothing new. */
export function addAccountWords(outcome: AddAccountOutcome, after: Me, t: Translate): string {
  const said = [
    ...outcome.linked.map((a) => t("accountLinked", { address: a.service_address })),
    ...outcome.pending.map((p) => {
      if (pendingBy(p) === "letter") return t("accountLetterSent", { street: p.street });
      const ending = phoneEnding(p);
      return ending
        ? t("accountTextSent", { street: p.street, ending })
        : t("accountTextSentNoEnding", { street: p.street });
    }),
  ];
  if (said.length === 0) return t("accountAlreadyHeld");
  if (outcome.linked.length > 0 && after.accounts.length > 1) said.push(t("accountChooseAbove"));
  return said.join(" ");
}

/** The last day (the customer's calendar) the letter's code (or the texted link) works,
 * "2027-01-05"; null when the letter has no code yet. */
export function codeLastDay(pending: PendingAccount): string | null {
  if (!pending.code_expires_at) return null;
  const at = new Date(pending.code_expires_at);
  if (Number.isNaN(at.getTime())) return null;
  return isoLocalDate(at);
}
