// Power outages in the customer's words (pure; test/outages.test.mjs): what the utility already
// knows of an outage (how many customers, the cause, when power should be back, on the utility's
// clocks) and each home's status. Home uses it too: reporting is outageReport.ts.
import type { MessageKey, MessageVars } from "./i18n/translate.ts";
import { formatter } from "./localTime.ts";

// ---- what the server sends (docs/openapi.yaml, PublicOutage and the outage routes) -------------

/** An outage as customers see it: never the device, the homes or the crew's name. */
export interface PublicOutage {
  number: string;
  status: string;
  cause: string;
  /** About how many: exact below 20, else to the nearest ten. */
  customers_out: number;
  etr: string | null;
  public_note: string;
  planned: boolean;
  began_at: string;
  updated_at: string;
  /** An outage that has ended (recently_restored): when the power came back. */
  restored_at?: string | null;
}

export interface HomeAddress {
  line1: string;
  line2: string;
  city: string;
  state: string;
  zip: string;
}

/** One home of the account: its open outage, and one restored there in the last 24 hours. */
export interface HomeOutage {
  premise: number;
  address: HomeAddress;
  outage: PublicOutage | null;
  recently_restored?: PublicOutage | null;
  /** When this home's power came back from recently_restored (the server may give it here). */
  restored_at?: string | null;
}

/** GET /api/v1/accounts/{number}/outages */
export interface AccountOutages {
  as_of: string;
  premises: HomeOutage[];
}

/** GET /api/v1/outages/status?premise= */
export interface OutageStatus {
  as_of: string;
  outage: PublicOutage | null;
}

/** What a report answers (201 recorded; 200 a repeat, counted once). */
export interface ReportAnswer {
  report: { id: number; duplicate: boolean };
  known_outage: PublicOutage | null;
}

// ---- words for the server's codes ---------------------------------------------------------------

const CAUSES: Readonly<Record<string, MessageKey>> = {
  weather: "outageCauseWeather",
  vegetation: "outageCauseVegetation",
  equipment: "outageCauseEquipment",
  vehicle: "outageCauseVehicle",
  animal: "outageCauseAnimal",
  dig_in: "outageCauseDigIn",
  overload: "outageCauseOverload",
  planned: "outageCausePlanned",
  other: "outageCauseOther",
};

/** The cause in the customer's words; null while it is not known (nothing is said of it). */
export function causeKey(cause: string): MessageKey | null {
  return CAUSES[cause] ?? null;
}

const STATUSES: Readonly<Record<string, MessageKey>> = {
  reported: "outageStatusReported",
  confirmed: "outageStatusConfirmed",
  crew_assigned: "outageStatusCrewAssigned",
  en_route: "outageStatusEnRoute",
  on_site: "outageStatusOnSite",
  restored: "outageStatusRestored",
};

/** Where the work stands ("A crew is on site"); null for a status customers are not told of. */
export function statusKey(status: string): MessageKey | null {
  return STATUSES[status] ?? null;
}

/** How many customers, as the server rounds them: exact below 20, "about" from 20. */
export function customersSentence(count: number): { key: MessageKey; vars: MessageVars } {
  if (count <= 1) return { key: "outageKnownOneHome", vars: {} };
  return { key: count < 20 ? "outageKnownCustomers" : "outageKnownAboutCustomers", vars: { count } };
}

// ---- times on the utility's clocks -----------------------------------------------------------


function dayOf(at: Date, zone: string | null): string {
  return formatter("en-CA", zone, { year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

/**
 * When power should be back (or came back), on the utility's clocks: "6:30 PM" today, "Tue, Dec 8,
 * 9:00 AM" on another day. The zone's name is added when the browser is on other clocks
 * ("6:30 PM PST"), so the time is never misread. Null when `iso` is not an instant.
 */
export function clockWords(iso: string, zone: string | null, locale: string, now: Date, browserZone: string | null): string | null {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return null;
  const fields: Intl.DateTimeFormatOptions = { hour: "numeric", minute: "2-digit" };
  if (dayOf(at, zone) !== dayOf(now, zone)) Object.assign(fields, { weekday: "short", month: "short", day: "numeric" });
  if (zone && browserZone && zone !== browserZone) fields.timeZoneName = "short";
  return formatter(locale, zone, fields).format(at);
}

/** When a status was taken, to the second: "8:57:12 PM" (the zone named as clockWords does). */
export function asOfWords(iso: string, zone: string | null, locale: string, browserZone: string | null): string | null {
  const at = new Date(iso);
  if (!iso || Number.isNaN(at.getTime())) return null;
  const fields: Intl.DateTimeFormatOptions = { hour: "numeric", minute: "2-digit", second: "2-digit" };
  if (zone && browserZone && zone !== browserZone) fields.timeZoneName = "short";
  return formatter(locale, zone, fields).format(at);
}

/** How often an open status page asks again (the server takes a new snapshot every 2 seconds). */
export const REFRESH_MS = 30_000;

// ---- the homes of an account ------------------------------------------------------------------

/** A home's address on one line: "1204 Elm St, Apt 2". */
export function streetLine(address: HomeAddress): string {
  return [address.line1, address.line2].map((s) => s.trim()).filter(Boolean).join(", ");
}

/** The homes in an outage now, in the server's order. */
export function homesOut(homes: readonly HomeOutage[]): HomeOutage[] {
  return homes.filter((h) => h.outage !== null);
}

/** When a home's power came back from its recently restored outage: the home's own time (a part
 * of an outage may come back before the rest), else the outage's; null when neither is given. */
export function homeRestoredAt(home: HomeOutage): string | null {
  return home.restored_at || home.recently_restored?.restored_at || null;
}

/** The homes whose power came back in the last 24 hours and are not out again. */
export function homesBack(homes: readonly HomeOutage[]): HomeOutage[] {
  return homes.filter((h) => h.outage === null && h.recently_restored);
}
