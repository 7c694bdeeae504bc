// Starting service (pure; test/startService.test.mjs): a new customer finds the address among the
// premises the utility serves, chooses its services and their plans and the start day, says who
// they are (never more than the last four digits of an ID number), and where the mail goes; the
// checks before anything is sent, the application as the server takes it (POST
// /api/v1/service-applications), and where each field the server refuses is on the form. The
// rules are the server's (src/orders/applications.h): these only say them sooner.
import type { Language, MessageKey } from "./i18n/translate.ts";
import { STOP_FIELD_WORDS, addressForServer, addressLine, checkAddressDraft, lastDayRange, zipForServer } from "./orders.ts";
import type { AddressDraft } from "./orders.ts";
import { addDays, checkEmail, checkOptionalPhone, collectErrors, phoneForServer } from "./validation.ts";
import type { Check, FieldErrors } from "./validation.ts";
import type { Premise, PremisePlan, ServiceApplication } from "./types.ts";

/** The flow's steps, in order; "done" is the confirmation. */
export const START_STEPS = ["address", "services", "you", "review"] as const;
export type StartStep = (typeof START_STEPS)[number] | "done";

// ---- finding the address ----------------------------------------------------------------------

/** The address as typed to look it up: the start of the street line, and an optional ZIP. */
export interface AddressSearch {
  street: string;
  zip: string;
}

/** The server's shortest start of a street it looks up (src/orders/applications.cc). */
export const SHORTEST_SEARCH = 3;

const tidy = (text: string) => text.trim().replace(/\s+/g, " ");

/** What is wrong with a search before it is sent: a street of 3 characters or more, a ZIP or none. */
export function checkAddressSearch(search: AddressSearch): FieldErrors {
  const zip = search.zip.trim();
  return collectErrors({
    "start-street": [...tidy(search.street)].length < SHORTEST_SEARCH ? "errorStartStreet" : null,
    "start-zip": zip === "" || zipForServer(zip) !== null ? null : "errorZip",
  });
}

/** The search's query string: "address=1204%20Elm&zip=97477" (a ZIP+4 is looked up by its 5 digits). */
export function premiseQuery(search: AddressSearch): string {
  const query = new URLSearchParams({ address: tidy(search.street) });
  const zip = zipForServer(search.zip);
  if (zip) query.set("zip", zip.slice(0, 5));
  return query.toString();
}

/** A premise's address on one line: "6643 Coburg Ave, Bend, OR 97703". */
export function premiseLine(premise: Premise): string {
  return addressLine(premise);
}

/** The search's fields as the server names them -> the form's field ids. */
export const SEARCH_SERVER_FIELDS: Readonly<Record<string, string>> = { address: "start-street", zip: "start-zip" };

/** The portal's words for a search field refused without a code, in both languages. */
export const SEARCH_FIELD_WORDS: Readonly<Record<string, MessageKey>> = { address: "errorStartStreet", zip: "errorZip" };

// ---- services and the start day ---------------------------------------------------------------

/** What is chosen of one service: whether it starts, and on which plan (a plan's code). */
export interface ServiceChoice {
  chosen: boolean;
  plan: string;
}

/** By commodity. */
export type ServiceChoices = Record<string, ServiceChoice>;

/** Every service of the premise, each on its first plan (the customer takes out what they do not need). */
export function initialChoices(premise: Premise): ServiceChoices {
  const choices: ServiceChoices = {};
  for (const s of premise.services) choices[s.commodity] = { chosen: true, plan: s.plans[0]?.code ?? "" };
  return choices;
}

/** A chosen service as it is sent and shown: the service point and the plan. */
export interface ChosenService {
  commodity: string;
  service_point: number;
  plan: PremisePlan;
}

/** The services chosen, in the premise's order, each with its plan (one of those offered). */
export function chosenServices(premise: Premise, choices: ServiceChoices): ChosenService[] {
  const out: ChosenService[] = [];
  for (const s of premise.services) {
    const choice = choices[s.commodity];
    const plan = s.plans.find((p) => p.code === choice?.plan);
    if (choice?.chosen && plan) out.push({ commodity: s.commodity, service_point: s.service_point, plan });
  }
  return out;
}

/** The id of a service's plan select: "start-plan-electric". */
export const planFieldId = (commodity: string) => `start-plan-${commodity}`;

/** The days a start day may be, from the utility's today: the same window as a stop's (3 back, 90 ahead). */
export function startDayRange(today: string): { earliest: string; latest: string } {
  return lastDayRange(today);
}

/** The start day unless changed: tomorrow on the utility's clocks. */
export function defaultStartDay(today: string): string {
  return addDays(today, 1);
}

/** A start day: a date from 3 days back to 90 ahead. */
export function checkStartDay(value: string, today: string): Check {
  if (!value) return "errorRequired";
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) return "errorDate";
  const { earliest, latest } = startDayRange(today);
  if (value < earliest) return "errorStartDayPast";
  return value > latest ? "errorLastDayFar" : null;
}

/** What is wrong with the services and the day before going on: one service at least, a plan each. */
export function checkServices(premise: Premise, choices: ServiceChoices, startDay: string, today: string): FieldErrors {
  const errors: FieldErrors = {};
  const chosen = premise.services.filter((s) => choices[s.commodity]?.chosen);
  if (chosen.length === 0) errors["start-services"] = "errorStartServices";
  for (const s of chosen) {
    if (!s.plans.some((p) => p.code === choices[s.commodity].plan)) errors[planFieldId(s.commodity)] = "errorStartPlan";
  }
  const day = checkStartDay(startDay, today);
  if (day) errors["start-date"] = day;
  return errors;
}

// ---- who applies --------------------------------------------------------------------------------

/** Who the account will be in the name of, and where its mail goes, as typed. */
export interface Applicant {
  name: string;
  email: string;
  phone: string;
  birthDate: string;
  idLast4: string;
  /** false: the mail goes to the service address. */
  otherMailing: boolean;
  mailing: AddressDraft;
  language: Language;
  paperless: boolean;
}

/** The identity the utility asks for (its settings, which the portal cannot read): learned from a refusal. */
export interface IdentityNeeded {
  birthDate: boolean;
  idLast4: boolean;
}

export const NOTHING_NEEDED: IdentityNeeded = { birthDate: false, idLast4: false };

/** The server's longest name (src/accounts/account_opening.cc). */
export const LONGEST_NAME = 200;

/** An optional date of birth: empty, or a day before today. */
export function checkBirthDate(value: string, today: string, needed: boolean): Check {
  if (!value) return needed ? "errorBirthDateRefused" : null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value)) || value < "1900-01-01") return "errorBirthDate";
  return value >= today ? "errorBirthDate" : null;
}

/** The last four digits of an ID number typed ("12 34" -> "1234"): spaces and dashes do not matter. */
export function idLast4ForServer(value: string): string {
  return value.replace(/[\s-]/g, "");
}

/**
 * The last four digits of a Social Security number, optional unless the utility asks: exactly 4
 * digits. A whole number (9 digits or more) is refused before anything is sent, with words that say
 * never to type it.
 */
export function checkIdLast4(value: string, needed: boolean): Check {
  const digits = idLast4ForServer(value);
  if (!digits) return needed ? "errorIdLast4Refused" : null;
  if (/^\d{4}$/.test(digits)) return null;
  return /^\d{9,}$/.test(digits) ? "errorIdLast4Whole" : "errorIdLast4";
}

/** What is wrong with the applicant before going on, by field id. */
export function checkApplicant(applicant: Applicant, today: string, needed: IdentityNeeded): FieldErrors {
  const name = [...tidy(applicant.name)].length;
  return {
    ...collectErrors({
      "start-name": name === 0 || name > LONGEST_NAME ? "errorStartName" : null,
      "start-email": checkEmail(applicant.email),
      "start-phone": checkOptionalPhone(applicant.phone),
      "start-birth-date": checkBirthDate(applicant.birthDate, today, needed.birthDate),
      "start-id-last4": checkIdLast4(applicant.idLast4, needed.idLast4),
    }),
    ...(applicant.otherMailing ? checkAddressDraft(applicant.mailing, "start-mail") : {}),
  };
}

/** A US mobile number as the server takes it (E.164): "541-555-0177" -> "+15415550177"; "" when none. */
export function phoneE164(value: string): string {
  const digits = phoneForServer(value);
  return digits ? `+1${digits}` : "";
}

/** The application as sent: only what was given, the mail address only when it is not the premise's. */
export function applicationForServer(
  premise: Premise,
  choices: ServiceChoices,
  startDay: string,
  applicant: Applicant,
): ServiceApplication {
  const phone = phoneE164(applicant.phone);
  const idLast4 = idLast4ForServer(applicant.idLast4);
  return {
    premise: premise.id,
    start_date: startDay,
    services: chosenServices(premise, choices).map((s) => ({ service_point: s.service_point, rate_plan: s.plan.code })),
    customer: {
      name: tidy(applicant.name),
      email: applicant.email.trim(),
      ...(phone ? { phone } : {}),
      ...(applicant.birthDate ? { birth_date: applicant.birthDate } : {}),
      ...(idLast4 ? { id_last4: idLast4 } : {}),
    },
    ...(applicant.otherMailing ? { mailing_address: addressForServer(applicant.mailing) } : {}),
    language: applicant.language,
    paperless: applicant.paperless,
  };
}

// ---- what the server refuses --------------------------------------------------------------------

/** The most services one application names (the server's limit). */
const MOST_SERVICES = 4;

const MAILING_FIELDS = ["line1", "line2", "city", "state", "zip"] as const;

/**
 * The application's fields as the server names them (a 422's `field`) -> the form's field ids.
 * A plan refused is said at its service's select: the server counts the services as they were
 * sent (`services[1].rate_plan`), so the map is made from them.
 */
export function applicationServerFields(sent: readonly ChosenService[]): Record<string, string> {
  const fields: Record<string, string> = {
    premise: "start-street",
    start_date: "start-date",
    services: "start-services",
    "customer.name": "start-name",
    "customer.email": "start-email",
    "customer.phone": "start-phone",
    birth_date: "start-birth-date",
    id_last4: "start-id-last4",
    mailing_address: "start-mail-line1",
  };
  for (const part of MAILING_FIELDS) fields[`mailing_address.${part}`] = `start-mail-${part}`;
  sent.forEach((s, i) => {
    fields[`services[${i}]`] = "start-services";
    fields[`services[${i}].service_point`] = "start-services";
    fields[`services[${i}].rate_plan`] = planFieldId(s.commodity);
  });
  return fields;
}

/** The portal's words for a field of the application the server refuses without a code, in both languages. */
export const APPLICATION_FIELD_WORDS: Readonly<Record<string, MessageKey>> = (() => {
  const words: Record<string, MessageKey> = {
    premise: "errorStartServiceRefused",
    start_date: "errorStartDayRefused",
    services: "errorStartServices",
    "customer.name": "errorStartName",
    "customer.email": "errorEmail",
    "customer.phone": "errorPhone",
    birth_date: "errorBirthDateRefused",
    id_last4: "errorIdLast4Refused",
    mailing_address: "errorStreetLine",
  };
  for (const part of MAILING_FIELDS) {
    words[`mailing_address.${part}`] = STOP_FIELD_WORDS[`forwarding_address.${part}`];
  }
  for (let i = 0; i < MOST_SERVICES; i++) {
    words[`services[${i}]`] = "errorStartServices";
    words[`services[${i}].service_point`] = "errorStartServiceRefused";
    words[`services[${i}].rate_plan`] = "errorStartPlan";
  }
  return words;
})();

/** The step a field of the form is on: a refusal sends the applicant back to it. */
export function stepOfField(id: string): StartStep {
  if (id === "start-street" || id === "start-zip") return "address";
  if (id === "start-date" || id === "start-services" || id.startsWith("start-plan-")) return "services";
  return "you";
}

/**
 * The identity the server asked for by refusing its absence (the utility's settings
 * start_requires_birth_date, start_requires_id_last4): from then on the field is required.
 */
export function identityNeeded(refused: readonly string[], applicant: Applicant, before: IdentityNeeded): IdentityNeeded {
  return {
    birthDate: before.birthDate || (refused.includes("birth_date") && !applicant.birthDate),
    idLast4: before.idLast4 || (refused.includes("id_last4") && !idLast4ForServer(applicant.idLast4)),
  };
}

/** The last four digits as the review shows them: "•••-••-1234". */
export function maskedIdLast4(value: string): string {
  return `•••-••-${idLast4ForServer(value)}`;
}
