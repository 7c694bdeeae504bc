// The outage console (pure; test/staffOutages.test.mjs): its hash routes, what the API answers,
// and those answers in words: statuses, causes, devices, customers out, times on the utility's
// clocks, the open outages and those ended, the predicted ones still to confirm, the signals by
// device (unplaced first), an outage's moves and an account's outage history. The moves staff
// make are in outageMoves.ts, the storm summary's charts in outageChart.ts.
//
//   #/outages              the storm summary, the outages, the signals by device
//   #/outages/{OUT000123}  one outage: its facts, its moves, and what staff may do with it

/** Seeing outages (what their routes declare, src/api/routes.cc); moving them needs outages.manage. */
export const OUTAGES_PERMISSION = "accounts.read";
export const OUTAGES_MANAGE_PERMISSION = "outages.manage";

/** How often the console asks for the outages again while a screen of them is shown. */
export const OUTAGES_REFRESH_MS = 15_000;

export function parseOutagesRoute(hash: string): { number: string | null } | null {
  const m = /^#\/outages(?:\/(OUT\d{1,12}))?\/?$/i.exec(hash);
  return m ? { number: m[1] ? m[1].toUpperCase() : null } : null;
}

/** "#/outages", or one outage's: "#/outages/OUT000123". */
export function outagesHash(number: string | null = null): string {
  return number ? `#/outages/${number}` : "#/outages";
}

// ---- what the API answers (docs/openapi.yaml) ------------------------------------------------

export type OutageStatus = "reported" | "confirmed" | "crew_assigned" | "en_route" | "on_site" | "restored" | "merged" | "cancelled";
export type DeviceKind = "service_point" | "transformer" | "feeder" | "substation";

export interface Device {
  kind: DeviceKind | string;
  id: number;
  name: string;
}

export interface Outage {
  number: string;
  status: OutageStatus | string;
  cause: string;
  device: Device;
  planned: boolean;
  began_at: string;
  etr: string | null;
  crew: string | null;
  public_note: string;
  customers_out: number;
  customers_total: number;
  updated_at: string;
  restored_at: string | null;
}

/** One move of an outage, as kept (oldest first). */
export interface OutageMoveRecord {
  action: string;
  from: string;
  to: string;
  note: string;
  etr: string | null;
  actor: string;
  at: string;
}

/** A transformer or feeder under an outage, with its homes out: a part that may be restored alone. */
export interface PartDevice extends Device {
  customers_out: number;
  customers_total: number;
}

/** A home of a small outage (at most 50 listed): still dark, or restored, or moved to an outage of its own. */
export interface OutageHome {
  service_point: number;
  premise?: unknown;
  address: { line1: string; city: string } | string;
  dark: boolean;
  restored_at?: string | null;
  moved_to?: string | null;
}

/** A home's address in a line: "12 Oak St, Eugene". */
export function homeWords(home: Pick<OutageHome, "address">): string {
  const a = home.address;
  return typeof a === "string" ? a : [a?.line1, a?.city].filter(Boolean).join(", ");
}

export interface OutageDetail {
  outage: Outage;
  moves: OutageMoveRecord[];
  devices?: PartDevice[];
  homes?: OutageHome[];
}

export interface StormSummary {
  as_of: string;
  customers_out: number;
  outages_open: number;
  restored_today: number;
  /** The last 24 hours, oldest first. */
  hours: { hour: string; reports: number; last_gasps: number }[];
  customers_out_over_time: { at: string; customers_out: number }[];
}

export interface SignalDevice {
  kind: string;
  id: number;
  name: string;
  feeder: string | null;
  points: number;
  reports: number;
  last_gasps: number;
  outage: string | null;
}

export interface PastOutage {
  number: string;
  status: string;
  cause: string;
  began_at: string;
  restored_at: string | null;
  premise: { line1: string; city: string } | null;
  reports: number;
}

// ---- in words ---------------------------------------------------------------------------------

const STATUS_WORDS: Record<OutageStatus, string> = {
  reported: "Reported",
  confirmed: "Confirmed",
  crew_assigned: "Crew assigned",
  en_route: "Crew on the way",
  on_site: "Crew on site",
  restored: "Restored",
  merged: "Merged",
  cancelled: "Cancelled",
};

/** Readable words for a code we have no words for: "dig_in" -> "Dig in". */
function readable(code: string): string {
  const text = code.replace(/_/g, " ").trim();
  return text ? text[0].toUpperCase() + text.slice(1) : "";
}

export function statusWords(status: string): string {
  return STATUS_WORDS[status as OutageStatus] ?? readable(status);
}

export function isOpen(status: string): boolean {
  return status !== "restored" && status !== "merged" && status !== "cancelled";
}

/** Opened by the prediction and not confirmed by anyone yet: staff should look at it. */
export function isToConfirm(o: Pick<Outage, "status">): boolean {
  return o.status === "reported";
}

/** The causes in the order the form offers them. */
export const CAUSES = ["unknown", "weather", "vegetation", "equipment", "vehicle", "animal", "dig_in", "overload", "planned", "other"] as const;

const CAUSE_WORDS: Record<string, string> = {
  unknown: "Not known yet",
  weather: "Weather",
  vegetation: "Trees or plants",
  equipment: "Equipment failure",
  vehicle: "Vehicle hit a pole",
  animal: "Animal",
  dig_in: "Dig-in (cable cut)",
  overload: "Overload",
  planned: "Planned work",
  other: "Other",
};

export function causeWords(cause: string): string {
  return CAUSE_WORDS[cause] ?? readable(cause);
}

const DEVICE_WORDS: Record<string, string> = {
  service_point: "Home",
  area: "Area",
  transformer: "Transformer",
  feeder: "Feeder",
  substation: "Substation",
};

export function deviceKindWords(kind: string): string {
  return DEVICE_WORDS[kind] ?? readable(kind);
}

/** "Transformer T-97477-0042", "Home 12 Oak St"; an area by its name alone: "Water: Oak St (97477)". */
export function deviceWords(device: Pick<Device, "kind" | "name">): string {
  if (device.kind === "area" && device.name) return device.name;
  return `${deviceKindWords(device.kind)} ${device.name}`.trim();
}

/** "11 of 12"; "none of 12" once all are back. */
export function customersWords(out: number, total: number): string {
  return out === 0 ? `none of ${total}` : `${out} of ${total}`;
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

// ---- times on the utility's clocks -------------------------------------------------------------

function formatIn(d: Date, fields: Intl.DateTimeFormatOptions, zone: string | null): string {
  try {
    return new Intl.DateTimeFormat("en-US", zone ? { ...fields, timeZone: zone } : fields).format(d);
  } catch {
    return new Intl.DateTimeFormat("en-US", fields).format(d); // a zone this browser does not know
  }
}

/**
 * A time as a table shows it on the utility's clocks: "2:05 PM" on the day it is `now` there, else
 * "Dec 6, 2:05 PM"; "—" for none.
 */
export function shortTime(iso: string | null | undefined, zone: string | null, now: number): string {
  if (!iso) return "—";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const day = (x: Date) => formatIn(x, { year: "numeric", month: "2-digit", day: "2-digit" }, zone);
  const time = formatIn(d, { hour: "numeric", minute: "2-digit" }, zone);
  return day(d) === day(new Date(now)) ? time : `${formatIn(d, { month: "short", day: "numeric" }, zone)}, ${time}`;
}

/** An hour of the summary's chart: "2 PM". */
export function hourWords(iso: string, zone: string | null): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : formatIn(d, { hour: "numeric" }, zone);
}

/** Planned work still to start: its homes are told ahead and go dark only from its start. */
export function isPlannedAhead(o: Pick<Outage, "planned" | "began_at" | "status">, now: number): boolean {
  return o.planned && isOpen(o.status) && Date.parse(o.began_at) > now;
}

/** When it began, or planned work's start still ahead: "Starts Dec 8, 9:00 AM". */
export function beganWords(o: Pick<Outage, "planned" | "began_at" | "status">, zone: string | null, now: number): string {
  return isPlannedAhead(o, now) ? `Starts ${shortTime(o.began_at, zone, now)}` : shortTime(o.began_at, zone, now);
}

/** Its customers out; planned work still to start says how many go out at its start: "11 from its start". */
export function outageCustomersWords(o: Pick<Outage, "planned" | "began_at" | "status" | "customers_out" | "customers_total">, now: number): string {
  return isPlannedAhead(o, now) ? `${o.customers_total} from its start` : customersWords(o.customers_out, o.customers_total);
}

/** An ETR already past while the outage is open: the customers were told a time that has gone. */
export function isEtrPast(o: Pick<Outage, "etr" | "status">, now: number): boolean {
  return o.etr !== null && isOpen(o.status) && Date.parse(o.etr) <= now;
}

// ---- the lists -------------------------------------------------------------------------------

/** The list's open outages and those ended (in the server's order: most out first, newest ended first). */
export function splitOutages<T extends Pick<Outage, "status">>(outages: readonly T[]): { open: T[]; ended: T[] } {
  return { open: outages.filter((o) => isOpen(o.status)), ended: outages.filter((o) => !isOpen(o.status)) };
}

/** The open outages in a line: "3 open outages, 1 to confirm; 27 customers out." */
export function openLine(open: readonly Pick<Outage, "status" | "customers_out">[]): string {
  if (open.length === 0) return "No open outages.";
  const toConfirm = open.filter(isToConfirm).length;
  const out = open.reduce((n, o) => n + o.customers_out, 0);
  return `${plural(open.length, "open outage")}${toConfirm ? `, ${toConfirm} to confirm` : ""}; ${plural(out, "customer")} out.`;
}

/** The signals by device: those in no outage first (staff look at those), then the most signals first, then by name. */
export function sortSignals<T extends Pick<SignalDevice, "outage" | "reports" | "last_gasps" | "name">>(devices: readonly T[]): T[] {
  return [...devices].sort(
    (a, b) =>
      Number(a.outage !== null) - Number(b.outage !== null) ||
      b.reports + b.last_gasps - (a.reports + a.last_gasps) ||
      a.name.localeCompare(b.name),
  );
}

/** An account's outages, newest first. */
export function newestFirst<T extends Pick<PastOutage, "began_at" | "number">>(outages: readonly T[]): T[] {
  return [...outages].sort((a, b) => Date.parse(b.began_at) - Date.parse(a.began_at) || b.number.localeCompare(a.number));
}

/** The storm summary's reports in the last hour (customers' reports and meters' last gasps). */
export function lastHourSignals(summary: Pick<StormSummary, "hours">): { reports: number; lastGasps: number } {
  const last = summary.hours[summary.hours.length - 1];
  return { reports: last?.reports ?? 0, lastGasps: last?.last_gasps ?? 0 };
}

// ---- an outage's moves ---------------------------------------------------------------------------

const MOVE_WORDS: Record<string, string> = {
  open: "Opened",
  confirm: "Confirmed",
  assign_crew: "Crew assigned",
  depart: "Crew on the way",
  arrive: "Crew on site",
  etr: "ETR set",
  restore: "Restored",
  restore_part: "Part restored",
  merge: "Merged into another outage",
  take_in: "Took in another outage",
  cancel: "Cancelled",
};

export function moveWords(action: string): string {
  return MOVE_WORDS[action] ?? readable(action);
}

/**
 * Who made a move, as the signed-in user (`meId`) reads it: "You", "Staff member 3", "API key 2",
 * the system's passes in words. (The moves name the actor, not the person.)
 */
export function actorWords(actor: string, meId: number): string {
  if (actor === "system:outages") return "System (prediction)";
  if (actor === "system:history") return "System (past outages)";
  const [kind, who] = [actor.slice(0, actor.indexOf(":")), actor.slice(actor.indexOf(":") + 1)];
  if (kind === "staff") return who === String(meId) ? "You" : `Staff member ${who}`;
  if (kind === "api_key") return `API key ${who}`;
  if (kind === "system") return `System (${readable(who)})`;
  return actor;
}
