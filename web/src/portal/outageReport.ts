// Reporting an outage (pure; test/outages.test.mjs): a report as typed, what is wrong with it
// before sending, the report as the server takes it (by premise, or by the phone number on the
// account), what the answer means, and how a refusal is said. The server's rules
// (src/outages/outages.h) are only said sooner here.
import type { MessageKey } from "./i18n/translate.ts";
import type { ProblemLike } from "./problemWords.ts";
import { phoneForServer } from "./validation.ts";
import type { FieldErrors } from "./validation.ts";
import type { ReportAnswer } from "./outages.ts";

export const REPORT_KINDS = ["out", "partial", "flicker", "wires_down"] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** Each kind of report as a choice: what the customer sees happening. */
export const REPORT_KIND_WORDS: Readonly<Record<ReportKind, MessageKey>> = {
  out: "outageKindOut",
  partial: "outageKindPartial",
  flicker: "outageKindFlicker",
  wires_down: "outageKindWiresDown",
};

/** The server's longest words with a report. */
export const MOST_DETAILS = 1000;

/** A report as typed: the kind, and optionally a phone to call back and words. */
export interface ReportDraft {
  kind: ReportKind;
  callbackPhone: string;
  details: string;
}

export const EMPTY_REPORT: ReportDraft = { kind: "out", callbackPhone: "", details: "" };

/** Which home the report is for: one found by its address (or of the account), or the phone number on file. */
export type ReportedHome = { premise: number } | { phone: string };

/** What is wrong before sending, by field id (`prefix` names the form: "home-12", "lookup"). */
export function checkReport(draft: ReportDraft, prefix: string): FieldErrors {
  const errors: FieldErrors = {};
  if (phoneForServer(draft.callbackPhone) === null) errors[`${prefix}-callback`] = "errorPhone";
  if ([...draft.details].length > MOST_DETAILS) errors[`${prefix}-details`] = "errorOutageDetails";
  return errors;
}

/** The phone number to find the home by: a US number is needed. */
export function checkLookupPhone(value: string): MessageKey | null {
  const digits = phoneForServer(value);
  return digits ? null : "errorOutagePhone";
}

/** The report as the server takes it: only what was given (the callback phone as 10 digits). */
export function reportForServer(home: ReportedHome, draft: ReportDraft): Record<string, string | number> {
  const body: Record<string, string | number> = { kind: draft.kind };
  if ("premise" in home) body.premise = home.premise;
  else body.phone = phoneForServer(home.phone) ?? home.phone;
  const phone = phoneForServer(draft.callbackPhone);
  if (phone) body.callback_phone = phone;
  const details = draft.details.trim();
  if (details) body.details = details;
  return body;
}

/** The server's names of a report's fields (a 422's `field`) -> the form's field ids. */
export function reportServerFields(prefix: string): Record<string, string> {
  return { callback_phone: `${prefix}-callback`, details: `${prefix}-details`, phone: `${prefix}-phone` };
}

/** The portal's words for a report's field refused without a code. */
export const REPORT_FIELD_WORDS: Readonly<Record<string, MessageKey>> = {
  callback_phone: "errorPhone",
  details: "errorOutageDetails",
  phone: "errorOutagePhone",
};

/** What the customer is told after reporting: counted once already, joined to a known outage, or new to us. */
export function reportOutcome(answer: ReportAnswer): "duplicate" | "known" | "new" {
  if (answer.report.duplicate) return "duplicate";
  return answer.known_outage ? "known" : "new";
}

/**
 * A refusal of a report said in the outage page's own words (null: the general words of
 * problemWords.ts): an address without our electricity (422 naming `premise`), too many reports
 * from this connection (429), and, by phone number, a server that does not take phone numbers
 * yet (it asks for `premise`).
 */
export function reportRefusalKey(problem: ProblemLike & { fieldErrors?: Record<string, string> }, by: "address" | "phone" | "account"): MessageKey | null {
  if (problem.status === 429) return "outageTooManyReports";
  const aboutPremise = problem.status === 422 && !problem.code && problem.fieldErrors !== undefined && "premise" in problem.fieldErrors;
  if (!aboutPremise) return null;
  if (by === "address") return "outageNotServed";
  if (by === "phone") return "outagePhoneNotReady";
  return null;
}
