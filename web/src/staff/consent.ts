// The customer's consent to a change a representative makes for them (pure;
// test/staffConsent.test.mjs). Budget billing and autopay, in or out, change what the customer is
// asked to pay and when money leaves their bank, so the server takes them from staff only with a
// record of who agreed, how, and any reference (src/accounts/customer_consent.h): the History then
// reads "... at the request of Susan Smith, by phone (call 4471)". ConsentFields.tsx is the form's
// part; this is what it checks and sends.

import type { FieldErrors } from "./forms.ts";

export type ConsentHow = "phone" | "in_person" | "written";

/** The `consent` object of a request body, as the server takes it. */
export interface Consent {
  /** The person who agreed, as they named themselves. */
  given_by: string;
  how: ConsentHow;
  /** A call recording id, a form number; left out when there is none. */
  reference?: string;
}

/** The consent as typed. */
export interface ConsentDraft {
  givenBy: string;
  /** "" until one is chosen. */
  how: ConsentHow | "";
  reference: string;
}

/** The form's fields, in its order. */
export const CONSENT_FIELDS = ["given_by", "how", "reference"] as const;

/** How the customer agreed, in the order the form offers them. */
export const CONSENT_HOWS: readonly { value: ConsentHow; label: string }[] = [
  { value: "phone", label: "By phone" },
  { value: "in_person", label: "In person" },
  { value: "written", label: "In writing" },
];

/** The most the server keeps of the name or the reference: bytes of UTF-8 (kLongestConsentText). */
export const LONGEST_CONSENT_TEXT = 100;

/**
 * The server's field names -> the form's. A body without any consent ("consent") is said at the
 * name, which is what was missing.
 */
export const CONSENT_SERVER_FIELDS: Readonly<Record<string, string>> = {
  consent: "given_by",
  "consent.given_by": "given_by",
  "consent.how": "how",
  "consent.reference": "reference",
};

/** The form as it opens: the account holder's name (the person most often on the line), nothing else. */
export function consentDraftFor(holderName: string): ConsentDraft {
  return { givenBy: holderName.trim(), how: "", reference: "" };
}

/** The length the server counts: bytes of UTF-8 ("José" is 5). */
export function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

const CONTROL = /[\u0000-\u001f\u007f]/;

function tooLong(text: string): boolean {
  return utf8Length(text) > LONGEST_CONSENT_TEXT;
}

/** What is wrong before sending, by field (the server checks the same and says so at the same fields). */
export function checkConsent(draft: ConsentDraft): FieldErrors {
  const errors: FieldErrors = {};
  const name = draft.givenBy.trim();
  const reference = draft.reference.trim();
  if (!name) errors.given_by = "Type the name of the person who agreed to this change.";
  else if (tooLong(name)) errors.given_by = `Keep the name to ${LONGEST_CONSENT_TEXT} characters (an accented letter counts as two).`;
  else if (CONTROL.test(name)) errors.given_by = "Type the name on one line, without tabs.";
  if (!CONSENT_HOWS.some((h) => h.value === draft.how)) errors.how = "Choose how the customer agreed.";
  if (tooLong(reference)) errors.reference = `Keep the reference to ${LONGEST_CONSENT_TEXT} characters (an accented letter counts as two).`;
  else if (CONTROL.test(reference)) errors.reference = "Type the reference on one line, without tabs.";
  return errors;
}

/** The `consent` to send, for a draft checkConsent passed: trimmed, without an empty reference. */
export function consentOf(draft: ConsentDraft): Consent {
  const consent: Consent = { given_by: draft.givenBy.trim(), how: draft.how as ConsentHow };
  const reference = draft.reference.trim();
  if (reference) consent.reference = reference;
  return consent;
}

const HOW_WORDS: Record<ConsentHow, string> = { phone: "by phone", in_person: "in person", written: "in writing" };

/** "at the request of Susan Smith, by phone (call 4471)": as the History will say it. */
export function consentWords(consent: Consent): string {
  const words = `at the request of ${consent.given_by}, ${HOW_WORDS[consent.how] ?? consent.how}`;
  return consent.reference ? `${words} (${consent.reference})` : words;
}

/** "At the request of Susan Smith, by phone (call 4471).": a sentence to follow what was done. */
export function consentSentence(consent: Consent): string {
  const words = consentWords(consent);
  return `${words[0].toUpperCase()}${words.slice(1)}.`;
}
