// The dispatcher's board and the field page's words and arrangements (pure;
// test/staffDispatch.test.mjs): an order's kind and status in words, whether a visit is late, the
// day's orders grouped by crew (with counts) and summed up by area (the premise's ZIP code: the Area
// selector's choices), the crews seen that day, each crew's visits that day against its limit
// (full, not working) and the crews offered when dispatching, the crews a technician chooses from
// on the field page (the day's crews, GET /api/v1/staff/crews) and a typed name as the crew is listed, a crew's change checked as the server
// checks it, the day as the server's [from, to) on the utility's clocks, and the server's refusals
// in words. The rules are the server's (src/orders/order_rules.h,
// src/orders/crews.h, docs/orders.md). Relative imports end in .ts for the unit tests.

import type { ApiError } from "./api.ts";
import type { OrderArea, ServiceOrder } from "../portal/types.ts";
import { instantAt } from "./applications.ts";

/** The fields of an order the board and the field page use (a list item has them all). */
export type BoardOrder = Pick<ServiceOrder, "number" | "account" | "kind" | "status" | "needs_visit" | "details" | "window_start" |
  "window_end" | "crew" | "failure_reason" | "service_date" | "commodity" | "requested_at" | "area">;

const KIND_WORDS: Record<string, string> = {
  start_service: "Start service",
  stop_service: "Stop service",
  transfer: "Transfer of service",
  new_connection: "New connection",
  reconnect: "Reconnect",
  disconnect: "Disconnect",
  meter_reread: "Read the meter again",
  meter_exchange: "Exchange the meter",
  meter_install: "Install a meter",
  meter_remove: "Remove the meter",
  investigate: "Investigate",
  other: "Other work",
};

/** What the order is for, in words: "meter_reread" -> "Read the meter again"; a kind not known, made readable. */
export function kindWords(kind: string): string {
  const words = KIND_WORDS[kind];
  if (words) return words;
  const plain = kind.replace(/[_-]+/g, " ").trim();
  return plain ? plain[0].toUpperCase() + plain.slice(1) : kind;
}

const STATUS_WORDS: Record<string, string> = {
  received: "Received",
  scheduled: "Scheduled",
  dispatched: "Dispatched",
  en_route: "On the way",
  on_site: "On site",
  awaiting_approval: "Waiting for approval",
  completed: "Completed",
  cancelled: "Cancelled",
  failed: "Could not be done",
};

export function statusWords(status: string): string {
  return STATUS_WORDS[status] ?? kindWords(status);
}

/**
 * Late: the window has ended (at `nowMs`) and nobody is on site yet, nor has the work been done
 * (nor has the visit been found impossible: that is for scheduling again, not late).
 * An order with no window is never late.
 */
export function isLate(order: Pick<BoardOrder, "status" | "window_end">, nowMs: number): boolean {
  if (!order.window_end) return false;
  const end = Date.parse(order.window_end);
  if (Number.isNaN(end) || end > nowMs) return false;
  return !["on_site", "awaiting_approval", "completed", "cancelled", "failed"].includes(order.status);
}

/**
 * The board's two lists from the server's two answers: the crews' (the day's orders but the visits
 * that could not be done) and those needing a visit scheduled: the unscheduled, then the day's
 * failed visits (the server lists a failed visit by its old window, not among the unscheduled).
 */
export function boardLists<T extends Pick<BoardOrder, "number" | "status">>(dayOrders: readonly T[], unscheduled: readonly T[]): { crews: T[]; toSchedule: T[] } {
  const crews: T[] = [];
  const failed: T[] = [];
  for (const o of dayOrders) (o.status === "failed" ? failed : crews).push(o);
  const listed = new Set(unscheduled.map((o) => o.number));
  return { crews, toSchedule: [...unscheduled, ...failed.filter((o) => !listed.has(o.number))] };
}

/** One crew's orders on the board (crew null: those not dispatched to a crew yet). */
export interface CrewGroup<T> {
  crew: string | null;
  orders: T[];
  late: number;
}

const namesInOrder = new Intl.Collator("en-US", { numeric: true, sensitivity: "base" });

/** Window order: earliest start first, then the order's number (a stable order for equal windows). */
export function byWindow(a: Pick<BoardOrder, "window_start" | "number">, b: Pick<BoardOrder, "window_start" | "number">): number {
  const sa = a.window_start ?? "";
  const sb = b.window_start ?? "";
  if (sa !== sb) return sa < sb ? -1 : 1;
  return a.number < b.number ? -1 : a.number > b.number ? 1 : 0;
}

/**
 * The day's orders by crew: first the orders with no crew ("Not dispatched yet", present only when
 * there are some), then each crew by name ("Crew 2" before "Crew 10"), each in window order with
 * its count of late visits. One pass over the orders and one sort per group: fast for 5,000.
 */
export function groupByCrew<T extends Pick<BoardOrder, "crew" | "status" | "window_start" | "window_end" | "number">>(
  orders: readonly T[],
  nowMs: number,
): CrewGroup<T>[] {
  const groups = new Map<string, CrewGroup<T>>();
  let none: CrewGroup<T> | null = null;
  for (const order of orders) {
    const crew = order.crew?.trim() || null;
    let group: CrewGroup<T> | null | undefined = crew === null ? none : groups.get(crew);
    if (!group) {
      group = { crew, orders: [], late: 0 };
      if (crew === null) none = group;
      else groups.set(crew, group);
    }
    group.orders.push(order);
    if (isLate(order, nowMs)) group.late++;
  }
  const crews = [...groups.values()].sort((a, b) => namesInOrder.compare(a.crew ?? "", b.crew ?? ""));
  const all = none ? [none, ...crews] : crews;
  for (const group of all) group.orders.sort(byWindow);
  return all;
}

/** The crews seen among the orders, by name: the suggestions when dispatching. */
export function crewsSeen(orders: readonly Pick<BoardOrder, "crew">[]): string[] {
  const crews = new Set<string>();
  for (const o of orders) if (o.crew?.trim()) crews.add(o.crew.trim());
  return [...crews].sort(namesInOrder.compare);
}

/**
 * The crews a technician chooses from on the field page, by name: the day's crews
 * (GET /api/v1/staff/crews) that work that day (a crew not listed, or listed and working) or have
 * visits booked on it; a listed crew not working with nothing booked is left out.
 */
export function fieldCrewChoices(crews: readonly Pick<CrewDay, "name" | "orders_per_day" | "active" | "booked">[]): string[] {
  const names = new Set<string>();
  for (const c of crews) {
    const working = c.orders_per_day === null || c.active;
    if (c.name.trim() && (working || c.booked > 0)) names.add(c.name.trim());
  }
  return [...names].sort(namesInOrder.compare);
}

/**
 * The crew's name as the server has it: the day's crew whose name is `typed` but for case and
 * surrounding spaces ("crew 7 " -> "Crew 7"), else `typed` trimmed. The server's `crew` filter
 * matches the name exactly, so the field page asks with this.
 */
export function crewAsListed(typed: string, crews: readonly string[]): string {
  const name = typed.trim();
  return crews.find((c) => c.trim().toLowerCase() === name.toLowerCase())?.trim() ?? name;
}

/** A ZIP code the server's `area` filter takes: five digits ("97477"). */
export function isAreaZip(text: string | null | undefined): text is string {
  return typeof text === "string" && /^\d{5}$/.test(text);
}

/** An area as the board writes it: "Springfield 97477"; the ZIP alone without a city; "No premise yet" for none. */
export function areaWords(area: OrderArea | null | undefined): string {
  if (!area) return "No premise yet";
  const city = area.city.trim();
  return city ? `${city} ${area.zip}` : area.zip;
}

/**
 * One area's share of the board: its orders on the day (those late, those not dispatched to a crew
 * yet, and how many each crew has there) and those waiting to be scheduled. `zip` null: orders whose
 * account has no premise yet (the server cannot filter by that).
 */
export interface AreaSummary {
  zip: string | null;
  /** The city most of its orders name (the premises of one ZIP code may spell it differently). */
  city: string;
  day: number;
  late: number;
  notDispatched: number;
  toSchedule: number;
  /** Crews with orders there that day, by name, each with its count. */
  crews: { crew: string; orders: number }[];
}

/**
 * The board by area, from the day's orders (the crews' list) and those to schedule: each area by
 * city, then ZIP code ("Eugene 97401" before "Eugene 97403" before "Springfield 97477"), the orders
 * with no premise yet last. One pass over the orders.
 */
export function summarizeAreas<T extends Pick<BoardOrder, "area" | "crew" | "status" | "window_end">>(
  dayOrders: readonly T[],
  toSchedule: readonly T[],
  nowMs: number,
): AreaSummary[] {
  interface Tally { summary: AreaSummary; cities: Map<string, number>; crews: Map<string, number> }
  const tallies = new Map<string, Tally>();
  const tallyOf = (area: OrderArea | null | undefined): Tally => {
    const zip = isAreaZip(area?.zip) ? area.zip : null;
    const key = zip ?? "";
    let tally = tallies.get(key);
    if (!tally) {
      tally = { summary: { zip, city: "", day: 0, late: 0, notDispatched: 0, toSchedule: 0, crews: [] }, cities: new Map(), crews: new Map() };
      tallies.set(key, tally);
    }
    const city = zip ? area?.city.trim() : "";
    if (city) tally.cities.set(city, (tally.cities.get(city) ?? 0) + 1);
    return tally;
  };
  for (const order of dayOrders) {
    const { summary, crews } = tallyOf(order.area);
    summary.day++;
    if (isLate(order, nowMs)) summary.late++;
    const crew = order.crew?.trim();
    if (crew) crews.set(crew, (crews.get(crew) ?? 0) + 1);
    else summary.notDispatched++;
  }
  for (const order of toSchedule) tallyOf(order.area).summary.toSchedule++;
  const summaries = [...tallies.values()].map(({ summary, cities, crews }) => {
    const named = [...cities.entries()].sort((a, b) => b[1] - a[1] || namesInOrder.compare(a[0], b[0]));
    summary.city = named[0]?.[0] ?? "";
    summary.crews = [...crews.entries()].sort((a, b) => namesInOrder.compare(a[0], b[0])).map(([crew, orders]) => ({ crew, orders }));
    return summary;
  });
  return summaries.sort((a, b) => {
    if ((a.zip === null) !== (b.zip === null)) return a.zip === null ? 1 : -1;
    return namesInOrder.compare(a.city, b.city) || (a.zip ?? "").localeCompare(b.zip ?? "");
  });
}

/** An area's counts in words: "12 that day, 3 to schedule"; "1 that day, none to schedule". */
export function areaCountWords(counts: Pick<AreaSummary, "day" | "toSchedule">): string {
  return `${counts.day} that day, ${counts.toSchedule === 0 ? "none" : counts.toSchedule} to schedule`;
}

/** The crews working in an area that day, in words: "Crew 2: 5, Crew 7: 1; 2 not dispatched"; "None yet". */
export function areaCrewWords(summary: Pick<AreaSummary, "crews" | "notDispatched">): string {
  const crews = summary.crews.map((c) => `${c.crew}: ${c.orders}`).join(", ");
  const waiting = summary.notDispatched > 0 ? `${summary.notDispatched} not dispatched` : "";
  return [crews, waiting].filter(Boolean).join("; ") || "None yet";
}

/**
 * The Area selector's choices after "All areas": each area with orders that day or to schedule
 * ("Springfield 97477 (12 that day, 3 to schedule)"), in the summary's order; the area chosen is
 * offered even when none of its orders are in the lists (named by `chosenArea`, the narrowed
 * answer's, when there is one). Orders with no premise yet are not a choice: the server filters by
 * ZIP code.
 */
export function areaChoices(summaries: readonly AreaSummary[], chosen: string | null, chosenArea: OrderArea | null = null): { zip: string; words: string }[] {
  const choices = summaries
    .filter((s): s is AreaSummary & { zip: string } => s.zip !== null)
    .map((s) => ({ zip: s.zip, words: `${areaWords({ zip: s.zip, city: s.city })} (${areaCountWords(s)})` }));
  if (isAreaZip(chosen) && !choices.some((c) => c.zip === chosen)) {
    const area = chosenArea?.zip === chosen ? chosenArea : { zip: chosen, city: "" };
    choices.push({ zip: chosen, words: `${areaWords(area)} (none that day or to schedule)` });
  }
  return choices;
}

/** "All areas (40 that day, 9 to schedule)": the selector's first choice. */
export function allAreasWords(dayOrders: number, toSchedule: number): string {
  return `All areas (${areaCountWords({ day: dayOrders, toSchedule })})`;
}

/**
 * A field crew on a day (GET /api/v1/staff/crews?day=): the visits it takes in a day (null: a crew
 * named on orders but not listed, with no limit), whether it is working (takes new visits), and
 * the visits booked that day (dispatched or further along, finished included).
 */
export interface CrewDay {
  name: string;
  orders_per_day: number | null;
  active: boolean;
  booked: number;
}

/** What a crew changed or listed is sent as (POST /api/v1/staff/crews). */
export interface CrewChange {
  name: string;
  orders_per_day: number;
  active: boolean;
}

/** The most visits a crew takes in a day, and the longest name (UTF-8 bytes): the server's limits (src/orders/crews.cc). */
export const CREW_VISITS_MAX = 200;
export const CREW_NAME_BYTES_MAX = 60;

/** A crew's visits that day against its limit: "7 of 12 visits", "1 of 1 visit"; "3 visits, no limit" when not listed. */
export function crewLoadWords(crew: Pick<CrewDay, "orders_per_day" | "booked">): string {
  if (crew.orders_per_day === null) return `${crew.booked} ${crew.booked === 1 ? "visit" : "visits"}, no limit`;
  return `${crew.booked} of ${crew.orders_per_day} ${crew.orders_per_day === 1 ? "visit" : "visits"}`;
}

/**
 * Where a crew stands that day: not working (a listed crew that takes no new visits), full (as many
 * visits booked as it takes), else open. The server refuses a dispatch to the first two.
 */
export type CrewStanding = "open" | "full" | "not-working";

export function crewStanding(crew: Pick<CrewDay, "orders_per_day" | "active" | "booked">): CrewStanding {
  if (crew.orders_per_day !== null && !crew.active) return "not-working";
  if (crew.orders_per_day !== null && crew.booked >= crew.orders_per_day) return "full";
  return "open";
}

/** The standing as the board marks it, in words (a mark is never colour alone); null when open. */
export function standingWords(standing: CrewStanding): string | null {
  return standing === "full" ? "Full" : standing === "not-working" ? "Not working" : null;
}

/**
 * The day's crews: those the server answered, then those seen on the day's orders it did not name
 * (a crew on a visit that could not be done: no limit, nothing booked), by name.
 */
export function dayCrews(answered: readonly CrewDay[], seen: readonly string[]): CrewDay[] {
  const byName = new Map<string, CrewDay>();
  for (const c of answered) byName.set(c.name, c);
  for (const name of seen) if (!byName.has(name)) byName.set(name, { name, orders_per_day: null, active: true, booked: 0 });
  return [...byName.values()].sort((a, b) => namesInOrder.compare(a.name, b.name));
}

/**
 * The crews offered when dispatching (a name may still be typed): every crew of the day but those
 * not working, by name, each with its load ("full" said, as the server will refuse it).
 */
export function dispatchChoices(crews: readonly CrewDay[]): { name: string; load: string }[] {
  return crews
    .filter((c) => crewStanding(c) !== "not-working")
    .map((c) => ({ name: c.name, load: crewStanding(c) === "full" ? `${crewLoadWords(c)}, full` : crewLoadWords(c) }));
}

/**
 * What the board knows of a crew typed or chosen when dispatching, said under the field before
 * sending ("Crew 7: 1 of 1 visit on Dec 8, 2026, full: choose another crew or day."); null for a
 * name it does not know (a new crew, no limit). The server still decides.
 */
export function crewNotice(name: string, crews: readonly CrewDay[], dayWords: string): string | null {
  const crew = crews.find((c) => c.name === name.trim());
  if (!crew) return null;
  const standing = crewStanding(crew);
  if (standing === "not-working") return `${crew.name} is not working: choose another crew.`;
  const load = `${crew.name}: ${crewLoadWords(crew)} on ${dayWords}`;
  return standing === "full" ? `${load}, full: choose another crew or day.` : `${load}.`;
}

/** A crew's change as typed: the name (when adding), the visits a day, working or not. */
export interface CrewDraft {
  name: string;
  perDay: string;
  active: boolean;
}

/** The draft for a crew: a new one (no name, no limit typed, working), or a crew of the day as it is. */
export function crewDraft(crew: CrewDay | null): CrewDraft {
  if (!crew) return { name: "", perDay: "", active: true };
  return { name: crew.name, perDay: crew.orders_per_day === null ? "" : String(crew.orders_per_day), active: crew.orders_per_day === null || crew.active };
}

export type CrewField = "name" | "orders_per_day";

/** What is wrong with a crew's change before sending, by field, in words (the server's rules). */
export function crewProblems(draft: CrewDraft): Partial<Record<CrewField, string>> {
  const problems: Partial<Record<CrewField, string>> = {};
  const name = draft.name.trim();
  if (!name) problems.name = "Name the crew.";
  else if (new TextEncoder().encode(name).length > CREW_NAME_BYTES_MAX) problems.name = "A crew's name is at most 60 characters.";
  else if (/[\u0000-\u001f]/.test(name)) problems.name = "A crew's name is one line, with no tabs.";
  const perDay = draft.perDay.trim();
  const n = /^\d{1,3}$/.test(perDay) ? Number(perDay) : NaN;
  if (!(n >= 1 && n <= CREW_VISITS_MAX)) problems.orders_per_day = "Visits a day is a whole number from 1 to 200.";
  return problems;
}

/** The change as the server takes it (call only when crewProblems finds nothing). */
export function crewForServer(draft: CrewDraft): CrewChange {
  return { name: draft.name.trim(), orders_per_day: Number(draft.perDay.trim()), active: draft.active };
}

/** What saving a crew did, in a sentence: "Saved Crew 2: 12 visits a day, working." */
export function crewSavedWords(crew: Pick<CrewDay, "name" | "orders_per_day" | "active">): string {
  const perDay = crew.orders_per_day === null ? "no limit" : `${crew.orders_per_day} ${crew.orders_per_day === 1 ? "visit" : "visits"} a day`;
  return `Saved ${crew.name}: ${perDay}, ${crew.active ? "working" : "not working"}.`;
}

/** Why the server refused a crew's change: at a field (422 naming it), else for the form, in words. */
export function crewRefusal(e: Pick<ApiError, "status" | "field" | "detail">): { field: CrewField | null; words: string } {
  if (e.status === 422 && e.field === "name") return { field: "name", words: "A crew's name is 1 to 60 characters on one line, with no tabs." };
  if (e.status === 422 && e.field === "orders_per_day") return { field: "orders_per_day", words: "Visits a day is a whole number from 1 to 200." };
  if (e.status === 403) return { field: null, words: "Not saved: changing crews needs the permission orders.dispatch, which your roles do not give." };
  return { field: null, words: `Not saved: ${sentence(e.detail)}` };
}

/** The server's detail as the end of a sentence: a full stop added when it has none. */
function sentence(detail: string): string {
  const text = detail.trim();
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** The refusals of a dispatch that are about the crew, said near the order (the crew is full that day, or not working). */
export function isCrewRefusal(e: Pick<ApiError, "status" | "code">): boolean {
  return e.status === 409 && (e.code === "crew-full" || e.code === "crew-not-working");
}

/** The day after "2026-12-07": "2026-12-08" (calendar arithmetic, no clocks). */
export function nextDay(day: string): string {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** The day before "2026-12-07": "2026-12-06". */
export function previousDay(day: string): string {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
}

/**
 * A day on the utility's clocks as the list's [from, to): midnight to the next midnight there
 * (23 or 25 hours on a day the clocks change). Null when `day` is not a day.
 */
export function dayRange(day: string, timeZone: string | null): { from: string; to: string } | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const from = instantAt(day, "00:00", timeZone);
  const to = instantAt(nextDay(day), "00:00", timeZone);
  return from && to ? { from, to } : null;
}

/** A window's times on the utility's clocks: "8:00 AM – 12:00 PM"; "No window" without one. */
export function windowTimes(start: string | null, end: string | null, timeZone: string | null): string {
  if (!start || !end) return "No window";
  const fields: Intl.DateTimeFormatOptions = { hour: "numeric", minute: "2-digit" };
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat("en-US", timeZone ? { ...fields, timeZone } : fields);
  } catch {
    format = new Intl.DateTimeFormat("en-US", fields);
  }
  const a = new Date(start);
  const b = new Date(end);
  if (Number.isNaN(a.getTime()) || Number.isNaN(b.getTime())) return "No window";
  return `${format.format(a)} – ${format.format(b)}`;
}

/** A moment's time of day on the utility's clocks as a time field takes it: "08:00". */
export function clockTime(iso: string, timeZone: string | null): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  const fields: Intl.DateTimeFormatOptions = { hour: "2-digit", minute: "2-digit", hourCycle: "h23" };
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat("en-US", timeZone ? { ...fields, timeZone } : fields);
  } catch {
    format = new Intl.DateTimeFormat("en-US", fields);
  }
  return format.format(d);
}

/** The dispatcher's moves, and the field's. */
export type DispatchAction = "schedule" | "reschedule" | "dispatch" | "cancel" | "approve" | "reject";
export type FieldAction = "depart" | "arrive" | "complete" | "fail";
export type MoveAction = DispatchAction | FieldAction;

const DONE_WORDS: Record<MoveAction, string> = {
  schedule: "Scheduled",
  reschedule: "Rescheduled",
  dispatch: "Dispatched",
  cancel: "Cancelled",
  approve: "Approved",
  reject: "Sent back on site",
  depart: "On the way to",
  arrive: "Arrived at",
  complete: "Completed",
  fail: "Recorded as not done:",
};

/** What a move did, in a sentence: "Dispatched SO000123 to Crew 7." */
export function movedWords(action: MoveAction, number: string, crew?: string): string {
  if (action === "dispatch" && crew) return `Dispatched ${number} to ${crew}.`;
  return `${DONE_WORDS[action]} ${number}.`;
}

const NOT_WORDS: Record<MoveAction, string> = {
  schedule: "Not scheduled",
  reschedule: "Not rescheduled",
  dispatch: "Not dispatched",
  cancel: "Not cancelled",
  approve: "Not approved",
  reject: "Not sent back",
  depart: "Not marked on the way",
  arrive: "Not marked arrived",
  complete: "Not completed",
  fail: "Not recorded",
};

/** The permission a move needs (the dispatcher's, or the field's). */
export function movePermission(action: MoveAction): "orders.dispatch" | "orders.field" {
  return action === "depart" || action === "arrive" || action === "complete" || action === "fail" ? "orders.field" : "orders.dispatch";
}

/** Why the server refused a move, in words (a reading refused is also said at its field). */
export function moveRefusal(e: Pick<ApiError, "status" | "code" | "detail">, action: MoveAction, number: string): string {
  const not = `${NOT_WORDS[action]}: `;
  if (e.status === 403) return `${not}this needs the permission ${movePermission(action)}, which your roles do not give.`;
  if (e.status === 404) return `${not}there is no order ${number}.`;
  if (e.status === 409 && e.code === "order-not-due") return `${not}${e.detail} A stop is completed on or after its last day.`;
  if (isCrewRefusal(e)) return `${not}${sentence(e.detail)}`;
  if (e.status === 409) return `${not}${e.detail} Someone may have moved it meanwhile: the list is asked for again.`;
  return `${not}${e.detail}`;
}

/** The index of the reading a refusal names ("reads[1].reading" -> 1); null when it names none. */
export function refusedReading(field: string | undefined | null): number | null {
  const m = /^reads\[(\d+)\]\.reading$/.exec(field ?? "");
  return m ? Number(m[1]) : null;
}

/** A reading refused as unlikely (not lower than the last): the technician may confirm it is right. */
export function readingMayBeConfirmed(detail: string): boolean {
  return /confirm/i.test(detail) && !/lower than/i.test(detail);
}

/** The reasons a visit could not be done, as the technician chooses them. */
export const FAIL_REASONS = [
  { id: "no_access", words: "No access" },
  { id: "unsafe", words: "Unsafe" },
  { id: "meter_missing", words: "Meter missing" },
  { id: "come_back", words: "Customer asked to come back" },
  { id: "other", words: "Other" },
] as const;

export type FailReason = (typeof FAIL_REASONS)[number]["id"];

/** The note sent with "fail": the reason in words, then what was typed ("Unsafe: dog in the yard"). Null when "other" has no words. */
export function failNote(reason: FailReason, text: string): string | null {
  const words = FAIL_REASONS.find((r) => r.id === reason)?.words ?? "Other";
  const typed = text.trim();
  if (reason === "other") return typed ? typed : null;
  return typed ? `${words}: ${typed}` : words;
}

/** The address's lines, one string: "1204 Elm St, Apt 2, Springfield, OR 97477". */
export function siteLine(site: { line1?: string; line2?: string; city?: string; state?: string; zip?: string } | null | undefined): string {
  if (!site) return "";
  const cityLine = [site.city, [site.state, site.zip].filter(Boolean).join(" ")].filter(Boolean).join(", ");
  return [site.line1, site.line2, cityLine].filter((p) => p && p.trim()).join(", ");
}

/** A register reading as the dial shows it: "39453.000" -> "39453", "12.500" -> "12.5"; else as sent. */
export function readingWords(reading: string): string {
  const m = /^(\d+)(?:\.(\d*?)0*)?$/.exec(reading.trim());
  if (!m) return reading;
  return m[2] ? `${m[1]}.${m[2]}` : m[1];
}
