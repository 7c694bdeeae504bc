// The Applications queue's words (pure; test/staffApplications.test.mjs): who applied, whether the
// account waits for activation or is active already (and so what the row offers), what
// activating did (the start complete at once when every meter is read automatically, else a visit
// to schedule), why the server refused, the bill cycle and the visit's window checked before
// sending, and the window as the server takes it (instants, from a day and times on the utility's
// clocks). The rules are the server's (src/orders/applications.h, docs/orders.md).
// Relative imports end in .ts for the unit tests.

import type { ApiError } from "./api.ts";
import type { ServiceOrder } from "../portal/types.ts";
import { formatDate } from "../shared/format.ts";

/** Who applied, from the order's requested_by: "public:203.0.113.9" is someone with no sign-in. */
export function applicantWords(requestedBy: string): string {
  const kind = requestedBy.split(":")[0];
  switch (kind) {
    case "public":
      return "Online application";
    case "customer":
      return "Online, by a signed-in customer";
    case "staff":
      return "Staff, for the customer";
    case "api_key":
      return "Over the API";
    case "system":
      return "The system";
    default:
      return requestedBy;
  }
}

/** The address an application is for, from the order's details ("Start service at 1204 Elm St"). */
export function applicationAddress(details: string): string {
  return details.replace(/^Start service at /, "");
}

/**
 * Where an application's account stands: pending (waiting for activation), active (activated: its
 * start needs a visit), or closed. From the order's account_status; a server that does not send it
 * is read as pending unless the application was activated on this screen.
 */
export type AccountStanding = "pending" | "active" | "closed";

export function accountStanding(order: Pick<ServiceOrder, "account_status">, activatedHere: boolean): AccountStanding {
  const status = order.account_status;
  if (status === "pending" || status === "active" || status === "closed") return status;
  return activatedHere ? "active" : "pending";
}

/** The standing in words, on the application's row. */
export function standingWords(standing: AccountStanding): string {
  switch (standing) {
    case "pending":
      return "Waiting for activation";
    case "active":
      return "Activated: needs a visit";
    case "closed":
      return "Account closed";
  }
}

/** What the row offers: Activate for a pending account; scheduling the visit for an active one (to a dispatcher); nothing else. */
export function applicationAction(standing: AccountStanding, canSchedule: boolean): "activate" | "schedule" | null {
  if (standing === "pending") return "activate";
  if (standing === "active" && canSchedule) return "schedule";
  return null;
}

/** The optional bill cycle as typed: blank keeps the premise's cycle; else a whole number 1 to 20. */
export function billCycleProblem(text: string): string | undefined {
  const v = text.trim();
  if (v === "") return undefined;
  const n = /^\d{1,2}$/.test(v) ? Number(v) : NaN;
  return n >= 1 && n <= 20 ? undefined : "Bill cycle is a whole number from 1 to 20, or blank to keep the premise's cycle.";
}

/** The bill cycle as sent: absent when blank. */
export function billCycleForServer(text: string): { bill_cycle?: number } {
  const v = text.trim();
  return v === "" ? {} : { bill_cycle: Number(v) };
}

/** Whether an order activated is done (complete, or waiting for approval) rather than waiting for a visit. */
export function activationDone(order: Pick<ServiceOrder, "status">): boolean {
  return order.status === "completed" || order.status === "awaiting_approval";
}

/** What activating did, in a sentence or two. */
export function activatedWords(order: Pick<ServiceOrder, "number" | "account" | "status" | "service_date">): string {
  const start = order.service_date ? formatDate(order.service_date) : "the start day";
  const opened = `Activated ${order.number}: account ${order.account} is active, and its services start on ${start}.`;
  if (order.status === "completed") return `${opened} Every meter is read automatically, so the start is complete.`;
  if (order.status === "awaiting_approval") return `${opened} The start is done and waits for a supervisor's approval.`;
  return `${opened} It needs a visit (a meter is read by hand, or there is none): schedule it.`;
}

/** Why the server refused to activate, in words (a bill cycle refused is said at its field). */
export function activationRefusal(e: Pick<ApiError, "status" | "code" | "detail">, number: string): string {
  if (e.status === 409 && e.code === "premise-served") {
    return `Not activated: service at this address is still in another customer's name on ${number}'s start day. ` +
      "Their move-out must be done first, or the applicant must choose a later day.";
  }
  if (e.status === 409) {
    return `Not activated: ${number} is not an application waiting to be activated. It was activated or cancelled already.`;
  }
  if (e.status === 403) return "Not activated: activating an application needs the permission accounts.open.";
  if (e.status === 404) return `Not activated: there is no order ${number}.`;
  return `Not activated: ${e.detail}`;
}

/** Why the server refused to schedule the visit, in words. */
export function scheduleRefusal(e: Pick<ApiError, "status" | "code" | "detail">, number: string): string {
  if (e.status === 403) return "Not scheduled: scheduling a visit needs the permission orders.dispatch.";
  if (e.status === 409) return `Not scheduled: ${number} has moved on (scheduled or cancelled already). Ask for the list again.`;
  return `Not scheduled: ${e.detail}`;
}

/** A visit's window as typed: a day, and from and to times (HH:MM) on the utility's clocks. */
export interface VisitDraft {
  day: string;
  from: string;
  to: string;
}

/** The window the form offers: the start day, 8 AM to noon. */
export function defaultVisit(startDay: string | null, today: string): VisitDraft {
  return { day: startDay && startDay >= today ? startDay : today, from: "08:00", to: "12:00" };
}

/** What is wrong with the window before sending, by field ("day", "to"). */
export function visitProblems(visit: VisitDraft): Partial<Record<"day" | "from" | "to", string>> {
  const problems: Partial<Record<"day" | "from" | "to", string>> = {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(visit.day)) problems.day = "Choose the day of the visit.";
  if (!/^\d{2}:\d{2}$/.test(visit.from)) problems.from = "Choose when the window starts.";
  if (!/^\d{2}:\d{2}$/.test(visit.to)) problems.to = "Choose when the window ends.";
  else if (!problems.from && visit.to <= visit.from) problems.to = "The window ends after it starts.";
  return problems;
}

/** The wall-clock reading of `instant` in `timeZone`, as if it were UTC (milliseconds). */
function wallClock(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit",
  }).formatToParts(new Date(instant));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? "0");
  return Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second"));
}

/**
 * The instant a day and time on the utility's clocks is: ("2026-12-08", "08:00",
 * "America/Los_Angeles") -> "2026-12-08T16:00:00Z". Without the zone (or one this browser does
 * not know), on the browser's clocks. Null when the day or time is not one.
 */
export function instantAt(day: string, time: string, timeZone: string | null): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  const [year, month, date, hour, minute] = [d[1], d[2], d[3], t[1], t[2]].map(Number);
  const wall = Date.UTC(year, month - 1, date, hour, minute);
  let at = new Date(year, month - 1, date, hour, minute).getTime();
  if (timeZone) {
    try {
      at = wall;
      // The zone's offset at the guess, twice: the second settles a guess on the other side of a change.
      for (let i = 0; i < 2; i++) at = wall - (wallClock(at, timeZone) - at);
    } catch {
      at = new Date(year, month - 1, date, hour, minute).getTime(); // a zone this browser does not know
    }
  }
  return Number.isNaN(at) ? null : new Date(at).toISOString().replace(/\.000Z$/, "Z");
}

/** A window on the utility's clocks, named: "Tue, Dec 8, 2026, 8:00 AM – 12:00 PM PST". */
export function windowWords(startIso: string, endIso: string, timeZone: string | null): string {
  const fields: Intl.DateTimeFormatOptions = {
    weekday: "short", month: "short", day: "numeric", year: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short",
  };
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat("en-US", timeZone ? { ...fields, timeZone } : fields);
  } catch {
    format = new Intl.DateTimeFormat("en-US", fields);
  }
  return format.formatRange(new Date(startIso), new Date(endIso));
}
