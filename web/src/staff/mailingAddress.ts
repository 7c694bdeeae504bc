// Changing where the account's bills and letters are mailed (pure; test/staffMailingAddress.test.mjs):
// the form as the account has it, what is refused before sending (the server checks again and
// has the last word), and what was done, in words: how the customer was told, or that nothing
// changed.

import type { Address } from "./api.ts";
import type { MailingAddressChange } from "./actionsApi.ts";
import type { FieldErrors } from "./forms.ts";

/** The address as typed: every part a string ("" for no second line). */
export interface AddressDraft {
  line1: string;
  line2: string;
  city: string;
  state: string;
  zip: string;
}

/** The form's fields, in its order. */
export const ADDRESS_FIELDS = ["line1", "line2", "city", "state", "zip"] as const;

/** The server's field names (a 422's `field`) -> the form's. */
export const ADDRESS_SERVER_FIELDS: Readonly<Record<string, string>> = Object.fromEntries(
  ADDRESS_FIELDS.map((f) => [`mailing_address.${f}`, f]),
);

export function addressDraftOf(a: Address): AddressDraft {
  return { line1: a.line1, line2: a.line2 ?? "", city: a.city, state: a.state, zip: a.zip };
}

/** What is sent: each part trimmed, the state in capitals. */
export function addressOf(d: AddressDraft): Address {
  return { line1: d.line1.trim(), line2: d.line2.trim(), city: d.city.trim(), state: d.state.trim().toUpperCase(), zip: d.zip.trim() };
}

/** The same address, part for part, once trimmed (no second line and an empty one are the same). */
export function sameAddress(a: Address, b: Address): boolean {
  return ADDRESS_FIELDS.every((f) => (a[f] ?? "").trim() === (b[f] ?? "").trim());
}

/** What is wrong before sending, by field: the street, city, a two-letter state and a ZIP code are needed. */
export function checkAddress(d: AddressDraft): FieldErrors {
  const a = addressOf(d);
  const errors: FieldErrors = {};
  if (!a.line1) errors.line1 = "Type the street address or PO box.";
  if (!a.city) errors.city = "Type the city.";
  if (!/^[A-Z]{2}$/.test(a.state)) errors.state = "Type the state's two letters, like OR.";
  if (!/^\d{5}(-\d{4})?$/.test(a.zip)) errors.zip = "Type a ZIP code such as 97401 or 97401-1234.";
  return errors;
}

/** One line: "12 Oak St, Apt 3, Bend, OR 97701". */
export function addressLine(a: Address): string {
  return [a.line1, a.line2, `${a.city}, ${a.state} ${a.zip}`].filter((part) => part && part.trim()).join(", ");
}

/** What was done, in words: the new address and how the customer was told, or that nothing changed. */
export function addressChangeSummary(c: MailingAddressChange): string {
  if (!c.changed) return `The mailing address is already ${addressLine(c.after)}: nothing changed, and the customer was not told.`;
  const told =
    c.notified === "email"
      ? "The customer was emailed about the change."
      : c.notified === "letter"
        ? "A letter goes to the old address to tell the customer."
        : "The customer was not told.";
  return `Mailing address changed to ${addressLine(c.after)}. ${told}`;
}
