// The account's own details a representative changes for a caller (pure;
// test/staffAccountChanges.test.mjs): contact email and phone and paperless bills, budget billing
// (enrol, leave) and moving out; what is refused before sending (the server's rules) and what was
// done, in words.

import { phoneForServer } from "../portal/validation.ts";
import { formatMoney, parseCents } from "../shared/money.ts";
import { formatDate } from "../shared/format.ts";
import type { AccountPreferences, BudgetBillingEnded } from "../portal/types.ts";
import type { Address, Agreement } from "./api.ts";
import type { BudgetEnrolment, ContactChanges, MoveOutDone } from "./actionsApi.ts";
import type { FieldErrors } from "./forms.ts";
import { codeLabel, monthName, phoneLabel } from "./labels.ts";

// ---- contact details ----

export interface ContactDraft {
  email: string;
  /** As typed, any US form: "(541) 555-0134". */
  phone: string;
  paperless: boolean;
}

/** The form's fields, in its order; the server's field names are the same. */
export const CONTACT_FIELDS = ["email", "phone", "paperless"] as const;

/** The form as the account has it now (the phone as read aloud). */
export function contactDraftOf(p: AccountPreferences): ContactDraft {
  return { email: p.email, phone: p.phone ? phoneLabel(p.phone) : "", paperless: p.paperless };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@.]+$/;

/** What is wrong before sending, by field: an email that is not one, a phone that is not a US number, paperless without an email. */
export function checkContact(draft: ContactDraft): FieldErrors {
  const errors: FieldErrors = {};
  const email = draft.email.trim();
  if (email && !EMAIL.test(email)) errors.email = "Type the whole email address, like name@example.com, or leave it empty.";
  if (phoneForServer(draft.phone) === null) errors.phone = "Type a US phone number (10 digits, like 541-555-0134), or leave it empty.";
  if (draft.paperless && !email) errors.paperless = "Paperless bills need an email address to send them to.";
  return errors;
}

/** The 10 digits of a US number in any form ("+15415550177" -> "5415550177"); otherwise as given. */
function phoneDigits(phone: string): string {
  return phoneForServer(phone) ?? phone.trim();
}

/** Only what the draft changes (an empty field clears it); {} when nothing does. For a draft checkContact passed. */
export function contactChanges(now: AccountPreferences, draft: ContactDraft): ContactChanges {
  const changes: ContactChanges = {};
  const email = draft.email.trim();
  if (email !== now.email) changes.email = email;
  if (phoneDigits(draft.phone) !== phoneDigits(now.phone)) changes.phone = phoneForServer(draft.phone) ?? "";
  if (draft.paperless !== now.paperless) changes.paperless = draft.paperless;
  return changes;
}

/** What the account has now, after a change: "Email maria@example.com; phone (541) 555-0134; paperless bills on." */
export function contactSummary(p: AccountPreferences): string {
  return (
    `Email ${p.email || "none"}; phone ${p.phone ? phoneLabel(p.phone) : "none"}; ` +
    `paperless bills ${p.paperless ? "on" : "off"}.`
  );
}

// ---- budget billing ----

/** "On budget billing since Dec 6, 2026: $193.69 a month, trued up each December." */
export function budgetEnrolled(b: Pick<BudgetEnrolment, "installment" | "true_up_month" | "enrolled_on">): string {
  return (
    `On budget billing since ${formatDate(b.enrolled_on)}: ${formatMoney(b.installment)} a month from the next bill, ` +
    `trued up each ${monthName(b.true_up_month)}.`
  );
}

/** What leaving did with the deferred balance (the actual charges less the installments asked). */
export function budgetLeft(b: BudgetBillingEnded): string {
  const left = `Left budget billing on ${formatDate(b.ended_on)}. The next bill asks for the whole balance`;
  let cents: bigint;
  try {
    cents = parseCents(b.deferred_balance.amount);
  } catch {
    return `${left}; deferred balance ${formatMoney(b.deferred_balance)}.`;
  }
  if (cents > 0n) return `${left}: the deferred ${formatMoney(b.deferred_balance)} falls due on it.`;
  if (cents < 0n) {
    const credit = formatMoney({ amount: b.deferred_balance.amount.replace(/^-/, ""), currency: b.deferred_balance.currency });
    return `${left}, less ${credit} credited: the installments asked for more than the charges.`;
  }
  return `${left}; nothing was deferred.`;
}

/** The months for the true-up choice, 1 to 12. */
export const TRUE_UP_MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;

// ---- moving out ----

/** The services still open (no end date): what a move-out stops. */
export function openServices(agreements: readonly Agreement[]): Agreement[] {
  return agreements.filter((a) => a.end_date === null);
}

/** "9337 Madison Pl, Unit 2, Bend, OR 97701": an address on one line. */
export function addressLine(a: Address): string {
  return [a.line1, a.line2, a.city, `${a.state} ${a.zip}`.trim()].filter((part) => part?.trim()).join(", ");
}

/** "electric, water and sewer": the services in words. */
export function servicesInWords(agreements: readonly Agreement[]): string {
  const names = agreements.map((a) => codeLabel(a.commodity).toLowerCase());
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/** The last day, before sending: a date (the browser's date field sends YYYY-MM-DD). */
export function checkLastDay(value: string): FieldErrors {
  if (!value.trim()) return { last_day: "Choose the customer's last day of service." };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value.trim()) || Number.isNaN(Date.parse(value.trim()))) {
    return { last_day: "Type the date as YYYY-MM-DD, like 2026-12-31." };
  }
  return {};
}

/** "Service stops after Dec 31, 2026: 3 services stopped. The final bill follows with the cycle's next bill run." */
export function moveOutDone(m: MoveOutDone): string {
  const n = m.services_stopped;
  return (
    `Service stops after ${formatDate(m.last_day)}: ${n} service${n === 1 ? "" : "s"} stopped. ` +
    "The final bill, prorated to the last day, follows with the cycle's next bill run."
  );
}
