// Notices: which kinds an account is emailed (GET/PUT .../notice-choices), the notices it was
// sent (GET .../notices), and the unsubscribe link in an email (/api/v1/notices/unsubscribe, no
// sign-in: the token is the proof); texts: the consent, and the exact words agreed to
// (GET/PUT/DELETE .../text-consent).
import { accountPath, del, get, put, request } from "./api.ts";
import type { NoticeChoiceChange, NoticeChoices, SentNoticesPage, TextConsent, UnsubscribeTarget } from "./types.ts";

/** Notices sent asked for at a time; "Show more" asks for the next page. */
export const NOTICES_PAGE_SIZE = 20;

export const fetchNoticeChoices = (account: string, signal?: AbortSignal) =>
  get<NoticeChoices>(accountPath(account, "notice-choices"), signal);

/** Applies the changes together or not at all: the choices now; 422 naming the refusal's `code`. */
export const saveNoticeChoices = (account: string, changes: NoticeChoiceChange[]) =>
  put<NoticeChoices>(accountPath(account, "notice-choices"), { changes });

/** One page of the notices sent, newest first; `before`: the previous page's next_before. */
export function fetchSentNotices(account: string, before: string | null, signal?: AbortSignal) {
  const q = new URLSearchParams({ limit: String(NOTICES_PAGE_SIZE) });
  if (before) q.set("before", before);
  return get<SentNoticesPage>(`${accountPath(account, "notices")}?${q}`, signal);
}

const unsubscribePath = (token: string) => `/api/v1/notices/unsubscribe?${new URLSearchParams({ token })}`;

/** What the link would stop (changes nothing: mail scanners open links). 404: not a link we sent. */
export const fetchUnsubscribeTarget = (token: string, signal?: AbortSignal) =>
  request<UnsubscribeTarget>("GET", unsubscribePath(token), { signal, session: false });

/** Stops that kind of email; repeating it changes nothing. */
export const unsubscribe = (token: string) =>
  request<UnsubscribeTarget>("POST", unsubscribePath(token), { session: false });

/** The texts consent in force and the words to show before agreeing to texts at `number` (E.164;
 * null: the number consented to, if any), in `language`. */
export function fetchTextConsent(account: string, number: string | null, language: string, signal?: AbortSignal) {
  const q = new URLSearchParams({ language });
  if (number) q.set("number", number);
  return get<TextConsent>(`${accountPath(account, "text-consent")}?${q}`, signal);
}

/** Agrees to texts at `number` with the words shown; 422 consent-wording-changed when they changed. */
export const agreeToTexts = (account: string, number: string, language: string, wording: string) =>
  put<TextConsent>(accountPath(account, "text-consent"), { number, language, wording });

/** Stops all texts about the account (the consent is withdrawn). */
export const stopTexts = (account: string) => del<TextConsent>(accountPath(account, "text-consent"));
