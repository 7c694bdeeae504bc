// Opening an outage by hand (pure; test/staffOutageOpen.test.mjs): planned work announced ahead,
// or an outage staff know of, such as a water main break. Either is on a device of the electric
// network (a transformer, feeder or substation, named by its id or by a name the console knows)
// or on the streets of a ZIP code for one service (water, gas, sewer or electric). The checks
// before sending, the request's body, and which field the server's refusal (422) is about.
//
// The server's rules (docs/openapi.yaml, POST /api/v1/staff/outages): planned work starts from now
// to 60 days ahead and ends within 72 hours of its start (the end is the ETR customers are told);
// an outage staff know of began now, with an optional ETR up to 14 days ahead. Cause defaults to
// planned for planned work, else unknown. What customers read is at most 500 characters.

import type { ApiError } from "./api.ts";
import { instantAt } from "./applications.ts";
import { deviceKindWords } from "./outages.ts";
import type { Device, Outage, SignalDevice } from "./outages.ts";
import { ETR_MOST_DAYS, PUBLIC_NOTE_MAX } from "./outageMoves.ts";

export const PLANNED_MOST_HOURS = 72;
export const PLANNED_NOTICE_MOST_DAYS = 60;
export const MOST_STREETS = 50;
export const STREET_MAX = 100;

/** The electric devices an outage may be opened on here (one home is the prediction's or a call's). */
export const OPEN_DEVICE_KINDS = ["transformer", "feeder", "substation"] as const;
export type OpenDeviceKind = (typeof OPEN_DEVICE_KINDS)[number];

/** The services an area's outage is for, in the order offered (water first: a main break). */
export const AREA_COMMODITIES = ["water", "gas", "sewer", "electric"] as const;
export type AreaCommodity = (typeof AREA_COMMODITIES)[number];

const COMMODITY_WORDS: Record<AreaCommodity, string> = { water: "Water", gas: "Gas", sewer: "Sewer", electric: "Electric" };

export function commodityWords(commodity: string): string {
  return COMMODITY_WORDS[commodity as AreaCommodity] ?? commodity;
}

/** What the form holds, as typed. */
export interface OpenFields {
  planned: boolean;
  place: "device" | "area";
  deviceKind: OpenDeviceKind;
  /** A device's id, or a name the console knows. */
  device: string;
  commodity: AreaCommodity;
  zip: string;
  /** One street per line. */
  streets: string;
  /** Planned work's start and end on the utility's clocks: "2026-12-08", "09:00". */
  startDay: string;
  startTime: string;
  endDay: string;
  endTime: string;
  /** An outage staff know of: its ETR, optional. */
  etrDay: string;
  etrTime: string;
  cause: string;
  publicNote: string;
}

/** The form's fields a problem may be about, in the order they are shown (the first is focused). */
export const OPEN_FIELDS = [
  "device", "commodity", "zip", "streets", "start", "end", "etr", "cause", "publicNote",
] as const;
export type OpenField = (typeof OPEN_FIELDS)[number];
export type OpenProblems = Partial<Record<OpenField, string>>;

/** The cause an outage opens with unless staff name another. */
export function defaultCause(planned: boolean): string {
  return planned ? "planned" : "unknown";
}

/**
 * A blank form: planned work on a transformer, or an outage now on a street's water (the two
 * usual cases); the other place may still be chosen.
 */
export function blankOpenFields(planned: boolean): OpenFields {
  return {
    planned, place: planned ? "device" : "area", deviceKind: "transformer", device: "", commodity: "water", zip: "", streets: "",
    startDay: "", startTime: "", endDay: "", endTime: "", etrDay: "", etrTime: "", cause: defaultCause(planned), publicNote: "",
  };
}

/**
 * Switching between planned work and an outage now: the place follows (a device for planned work,
 * streets for an outage now) unless staff typed one already, and the cause unless they chose one.
 */
export function withPlanned(fields: OpenFields, planned: boolean): OpenFields {
  if (fields.planned === planned) return fields;
  const causeChosen = fields.cause !== defaultCause(fields.planned);
  const placeTyped = fields.place === "device" ? fields.device.trim() !== "" : `${fields.zip}${fields.streets}`.trim() !== "";
  return {
    ...fields, planned,
    place: placeTyped ? fields.place : blankOpenFields(planned).place,
    cause: causeChosen ? fields.cause : defaultCause(planned),
  };
}

// ---- the device ----------------------------------------------------------------------------------

/**
 * The transformers, feeders and substations the console has seen (in outages and in the signals by
 * device), each once, by kind then name: offered to pick from by name.
 */
export function knownDevices(outages: readonly Pick<Outage, "device">[], signals: readonly Pick<SignalDevice, "kind" | "id" | "name">[]): Device[] {
  const found = new Map<string, Device>();
  for (const d of [...outages.map((o) => o.device), ...signals]) {
    if (!(OPEN_DEVICE_KINDS as readonly string[]).includes(d.kind) || !d.name) continue;
    found.set(`${d.kind}:${d.id}`, { kind: d.kind, id: d.id, name: d.name });
  }
  const order = (kind: string) => OPEN_DEVICE_KINDS.indexOf(kind as OpenDeviceKind);
  return [...found.values()].sort((a, b) => order(a.kind) - order(b.kind) || a.name.localeCompare(b.name));
}

/**
 * The device typed: its id ("12"), or the name of a known device of that kind ("T-97477-0042", any
 * case); with its name when the console knows it. A name of a device of another kind says which.
 */
export function resolveDevice(kind: OpenDeviceKind, text: string, known: readonly Device[]): { id: number; name: string | null } | { problem: string } {
  const typed = text.trim();
  const kindWords = deviceKindWords(kind).toLowerCase();
  if (!typed) return { problem: `Name the ${kindWords}: pick it from the list, or type its id.` };
  if (/^\d{1,15}$/.test(typed)) {
    const id = Number(typed);
    if (id < 1) return { problem: `A ${kindWords}'s id is a whole number from 1.` };
    return { id, name: known.find((d) => d.kind === kind && d.id === id)?.name ?? null };
  }
  const named = (d: Device) => d.name.toLowerCase() === typed.toLowerCase();
  const same = known.find((d) => d.kind === kind && named(d));
  if (same) return { id: same.id, name: same.name };
  const other = known.find(named);
  if (other) return { problem: `${other.name} is a ${deviceKindWords(other.kind).toLowerCase()}: choose ${deviceKindWords(other.kind)} as the kind.` };
  return { problem: `The console does not know a ${kindWords} named “${typed}”: type its id (a number) instead.` };
}

/** What the device field stands for, said under it: "Transformer T-97477-0042 (id 12)", "Transformer id 12". */
export function deviceChoiceWords(kind: OpenDeviceKind, text: string, known: readonly Device[]): string | null {
  const found = resolveDevice(kind, text, known);
  if ("problem" in found) return null;
  return found.name ? `${deviceKindWords(kind)} ${found.name} (id ${found.id})` : `${deviceKindWords(kind)} id ${found.id}`;
}

// ---- the area -----------------------------------------------------------------------------------

/** The streets typed, one a line: trimmed, blank lines dropped, each once (any case). */
export function streetLines(text: string): string[] {
  const seen = new Set<string>();
  const streets: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const street = line.trim().replace(/\s+/g, " ");
    if (!street || seen.has(street.toLowerCase())) continue;
    seen.add(street.toLowerCase());
    streets.push(street);
  }
  return streets;
}

function areaProblems(fields: OpenFields): OpenProblems {
  const problems: OpenProblems = {};
  if (!/^\d{5}$/.test(fields.zip.trim())) problems.zip = "A ZIP code is five digits, like 97477.";
  const streets = streetLines(fields.streets);
  if (streets.length === 0) problems.streets = "Name at least one street, like Oak St.";
  else if (streets.length > MOST_STREETS) problems.streets = `At most ${MOST_STREETS} streets; open another outage for the rest.`;
  else {
    const bad = streets.find((s) => s.length > STREET_MAX || /^\d[\w-]*$/.test(s));
    if (bad) problems.streets = `“${bad.slice(0, 40)}” is not a street's name: one street a line, like Oak St.`;
  }
  return problems;
}

// ---- the times ----------------------------------------------------------------------------------

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A day and a time typed on the utility's clocks as an instant; null when either is missing or not one. */
function typedInstant(day: string, time: string, zone: string | null): number | null {
  const iso = instantAt(day.trim(), time.trim(), zone);
  return iso ? Date.parse(iso) : null;
}

function plannedTimes(fields: OpenFields, zone: string | null, now: number): { problems: OpenProblems; starts?: number; ends?: number } {
  const problems: OpenProblems = {};
  const starts = typedInstant(fields.startDay, fields.startTime, zone);
  const ends = typedInstant(fields.endDay, fields.endTime, zone);
  if (starts === null) problems.start = "Give the day and the time the work starts.";
  else if (starts <= now) problems.start = "Planned work starts later than now.";
  else if (starts > now + PLANNED_NOTICE_MOST_DAYS * DAY) problems.start = `Planned work starts within ${PLANNED_NOTICE_MOST_DAYS} days.`;
  if (ends === null) problems.end = "Give the day and the time the power is back.";
  else if (starts !== null && ends <= starts) problems.end = "The end must be after the start.";
  else if (starts !== null && ends > starts + PLANNED_MOST_HOURS * HOUR) problems.end = `The end must be within ${PLANNED_MOST_HOURS} hours of the start.`;
  return { problems, starts: starts ?? undefined, ends: ends ?? undefined };
}

function etrTime(fields: OpenFields, zone: string | null, now: number): { problems: OpenProblems; etr?: number } {
  if (!fields.etrDay.trim() && !fields.etrTime.trim()) return { problems: {} };
  const etr = typedInstant(fields.etrDay, fields.etrTime, zone);
  if (etr === null) return { problems: { etr: "Give both the day and the time power should be back, or neither." } };
  if (etr <= now) return { problems: { etr: "The ETR must be later than now." } };
  if (etr > now + ETR_MOST_DAYS * DAY) return { problems: { etr: `The ETR must be within ${ETR_MOST_DAYS} days.` } };
  return { problems: {}, etr };
}

// ---- the request ----------------------------------------------------------------------------------

export interface OpenBody {
  planned: boolean;
  device?: { kind: OpenDeviceKind; id: number };
  area?: { commodity: AreaCommodity; zip: string; streets: string[] };
  starts_at?: string;
  ends_at?: string;
  cause: string;
  public_note?: string;
}

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.000Z$/, "Z");

/**
 * The form checked before sending: the request's body, or what is wrong by field (every problem at
 * once; the first in the form's order is focused).
 */
export function checkOpen(fields: OpenFields, zone: string | null, now: number, known: readonly Device[]): { body: OpenBody } | { problems: OpenProblems } {
  let problems: OpenProblems = {};
  const body: OpenBody = { planned: fields.planned, cause: fields.cause || defaultCause(fields.planned) };
  if (fields.place === "device") {
    const device = resolveDevice(fields.deviceKind, fields.device, known);
    if ("problem" in device) problems.device = device.problem;
    else body.device = { kind: fields.deviceKind, id: device.id };
  } else {
    problems = { ...problems, ...areaProblems(fields) };
    body.area = { commodity: fields.commodity, zip: fields.zip.trim(), streets: streetLines(fields.streets) };
  }
  if (fields.planned) {
    const times = plannedTimes(fields, zone, now);
    problems = { ...problems, ...times.problems };
    if (times.starts !== undefined) body.starts_at = iso(times.starts);
    if (times.ends !== undefined) body.ends_at = iso(times.ends);
  } else {
    const times = etrTime(fields, zone, now);
    problems = { ...problems, ...times.problems };
    if (times.etr !== undefined) body.ends_at = iso(times.etr);
  }
  const note = fields.publicNote.trim();
  if ([...note].length > PUBLIC_NOTE_MAX) problems.publicNote = `What customers are told is at most ${PUBLIC_NOTE_MAX} characters.`;
  if (note) body.public_note = note;
  return Object.keys(problems).length > 0 ? { problems } : { body };
}

/** The first field with a problem, in the form's order. */
export function firstProblem(problems: OpenProblems): OpenField | null {
  return OPEN_FIELDS.find((f) => problems[f]) ?? null;
}

// ---- the server's answer ----------------------------------------------------------------------------

/** The server's words as a sentence: "no water service point is in that area" -> "No water service point is in that area." */
function sentence(text: string): string {
  const t = text.trim();
  if (!t) return t;
  return `${t[0].toUpperCase()}${t.slice(1)}${/[.!?]$/.test(t) ? "" : "."}`;
}

/**
 * The field a refusal (422) is about, with the server's words: device, area (its ZIP code, its
 * service, else its streets), starts_at, ends_at (planned work's end, else the ETR), cause,
 * public_note. Null for anything else (said above the form).
 */
export function refusedField(e: Pick<ApiError, "status" | "field" | "detail">, fields: Pick<OpenFields, "planned" | "place">): { field: OpenField; words: string } | null {
  if (e.status !== 422 || !e.field) return null;
  const words = sentence(e.detail);
  switch (e.field) {
    case "device":
      return { field: fields.place === "area" ? "streets" : "device", words };
    case "area": {
      const detail = e.detail.toLowerCase();
      if (fields.place === "device") return { field: "device", words };
      const nobody = /^no (\w+) service point is in that area/.exec(detail);
      if (nobody) return { field: "streets", words: `No home with ${nobody[1]} service is on these streets of that ZIP code: check the streets' names and the ZIP code.` };
      return { field: detail.includes("zip") ? "zip" : detail.includes("commodity") ? "commodity" : "streets", words };
    }
    case "starts_at":
      return { field: fields.planned ? "start" : "etr", words };
    case "ends_at":
      return { field: fields.planned ? "end" : "etr", words };
    case "cause":
      return { field: "cause", words };
    case "public_note":
      return { field: "publicNote", words };
    default:
      return null;
  }
}

/** A refusal not about one field, in words. */
export function openRefusal(e: Pick<ApiError, "status" | "detail">): string {
  if (e.status === 403) return "Your roles do not allow opening outages (it needs outages.manage).";
  if (e.status === 0) return "The server could not be reached: no outage was opened. Try again.";
  return e.detail ? `No outage was opened: ${sentence(e.detail)}` : "No outage was opened.";
}
