// Service requests in the customer's words (pure; test/orders.test.mjs): what was asked and where
// it stands, each step of its history (who moved it is "you" or "we", never an id), when the
// customer may cancel, what they may ask for, and the checks of a move-out (its last day, the
// address the final bill goes to) before anything is sent. The rules are the server's
// (docs/orders.md, src/orders/): these only say them sooner.
import type { MessageKey } from "./i18n/translate.ts";
import { addDays, checkRequired, collectErrors } from "./validation.ts";
import type { Check, FieldErrors } from "./validation.ts";
import type { Address, KeptPhoto, OrderMove, OrderRead, ServiceAgreement, ServiceOrder } from "./types.ts";

export const REQUESTS_PATH = "/requests";
/** The Requests page with the "Ask for something" form open. */
export const ASK_PATH = "/requests?ask";
/** Stop service (moving out). */
export const STOP_PATH = "/requests/stop";

/** The page of one request: "/requests/SO000123". */
export function orderPath(number: string): string {
  return `${REQUESTS_PATH}/${encodeURIComponent(number)}`;
}

const KINDS: Readonly<Record<string, MessageKey>> = {
  stop_service: "orderKindStopService",
  meter_reread: "orderKindMeterReread",
  investigate: "orderKindInvestigate",
  other: "orderKindOther",
  start_service: "orderKindStartService",
  transfer: "orderKindTransfer",
  new_connection: "orderKindNewConnection",
  reconnect: "orderKindReconnect",
  disconnect: "orderKindDisconnect",
  meter_exchange: "orderKindMeterExchange",
  meter_install: "orderKindMeterInstall",
  meter_remove: "orderKindMeterRemove",
};

/** What was asked, in words; a kind the portal does not know is "Something else". */
export function kindKey(kind: string): MessageKey {
  return KINDS[kind] ?? "orderKindOther";
}

const STATUSES: Readonly<Record<string, MessageKey>> = {
  received: "orderStatusReceived",
  scheduled: "orderStatusScheduled",
  dispatched: "orderStatusDispatched",
  en_route: "orderStatusEnRoute",
  on_site: "orderStatusOnSite",
  awaiting_approval: "orderStatusAwaitingApproval",
  completed: "orderStatusCompleted",
  cancelled: "orderStatusCancelled",
  failed: "orderStatusFailed",
};

/** Where a request stands, in words; a status the portal does not know is "In progress". */
export function statusKey(status: string): MessageKey {
  return STATUSES[status] ?? "orderStatusOther";
}

const EXPLAIN: Readonly<Record<string, MessageKey>> = {
  received: "orderExplainReceived",
  scheduled: "orderExplainScheduled",
  dispatched: "orderExplainDispatched",
  en_route: "orderExplainEnRoute",
  on_site: "orderExplainOnSite",
  awaiting_approval: "orderExplainAwaitingApproval",
  completed: "orderExplainCompleted",
  cancelled: "orderExplainCancelled",
  failed: "orderExplainFailed",
};

/** What the status means for the customer, in a sentence; null for one the portal does not know. */
export function explainKey(order: Pick<ServiceOrder, "kind" | "status">): MessageKey | null {
  if (order.status === "completed" && order.kind === "stop_service") return "orderExplainCompletedStop";
  return EXPLAIN[order.status] ?? null;
}

/** Whether the appointment window is worth showing: set, on a request still going on or done. */
export function showsWindow(order: Pick<ServiceOrder, "status" | "window_start" | "window_end">): boolean {
  return order.window_start !== null && order.window_end !== null && order.status !== "cancelled";
}

/** Whether the request is still going on (a visit that failed may be scheduled again). */
export function isOpen(order: Pick<ServiceOrder, "status">): boolean {
  return order.status !== "completed" && order.status !== "cancelled";
}

/**
 * A customer cancels only while nobody is on the way yet (received or scheduled), and a start of
 * service only until it is activated: after that the way out is stopping service.
 */
export function mayCancel(order: Pick<ServiceOrder, "status"> & Partial<Pick<ServiceOrder, "kind" | "account_status">>): boolean {
  if (order.kind === "start_service" && order.account_status !== undefined && order.account_status !== "pending") return false;
  return order.status === "received" || order.status === "scheduled";
}

/** The move-out still open, if any: the server refuses a second one while it is. */
export function openStop(orders: readonly ServiceOrder[]): ServiceOrder | null {
  return orders.find((o) => o.kind === "stop_service" && isOpen(o)) ?? null;
}

/**
 * Whether a move was the customer's own (any login of the account, or their application made
 * before they had one: "public:"), not the utility's.
 */
export function byCustomer(move: Pick<OrderMove, "actor">): boolean {
  return move.actor.startsWith("customer:") || move.actor.startsWith("public:");
}

/** A step of the history as one sentence, with who did it as "you" or "we". */
export function moveKey(move: OrderMove): MessageKey {
  const yours = byCustomer(move);
  switch (move.action) {
    case "create":
      return yours ? "orderMoveAskedByYou" : "orderMoveAskedByUs";
    case "schedule":
      return "orderMoveScheduled";
    case "reschedule":
      return "orderMoveRescheduled";
    case "dispatch":
      return "orderMoveDispatched";
    case "depart":
      return "orderMoveEnRoute";
    case "arrive":
      return "orderMoveOnSite";
    case "complete":
      return move.to === "awaiting_approval" ? "orderMoveDoneChecking" : "orderMoveCompleted";
    case "approve":
      return "orderMoveApproved";
    case "reject":
      return "orderMoveSentBack";
    case "cancel":
      return yours ? "orderMoveCancelledByYou" : "orderMoveCancelledByUs";
    case "fail":
      return "orderMoveFailed";
    default:
      return "orderMoveOther";
  }
}

/** The history oldest first (the server's order for moves made in the same second). */
export function history(order: Pick<ServiceOrder, "moves">): OrderMove[] {
  return order.moves
    .map((move, i) => ({ move, i }))
    .sort((a, b) => (a.move.at < b.move.at ? -1 : a.move.at > b.move.at ? 1 : a.i - b.i))
    .map((m) => m.move);
}

/** The readings taken when the request was done (a move-out's final reading). */
export function readsOf(order: Pick<ServiceOrder, "results">): OrderRead[] {
  const reads = order.results?.reads;
  return Array.isArray(reads) ? reads : [];
}

/** The photos a technician kept with the order, oldest first (as the server lists them). */
export function photosOf(order: Pick<ServiceOrder, "photos">): KeptPhoto[] {
  return Array.isArray(order.photos) ? order.photos : [];
}

const PHOTO_SUBJECTS: Readonly<Record<string, MessageKey>> = {
  reading: "requestPhotoReading",
  site: "requestPhotoSite",
  failure: "requestPhotoFailure",
};

/** What a photo is of, in words: the meter's dial, the site, why the visit could not be done. */
export function photoSubjectKey(purpose: string): MessageKey {
  return PHOTO_SUBJECTS[purpose] ?? "requestPhotoOther";
}

// ---- Asking for something (a meter re-read, a problem looked into, something else) ----------

/** What a customer may ask for on the Requests page, in the form's order (a stop has its page). */
export const ASK_KINDS = ["meter_reread", "investigate", "other"] as const;
export type AskKind = (typeof ASK_KINDS)[number];

/** The server's limit on what the customer writes (src/orders/orders.cc). */
export const LONGEST_DETAILS = 2000;

export interface AskDraft {
  kind: AskKind | "";
  details: string;
}

/** The form's field ids, in order. */
export const ASK_FIELD_IDS = ["ask-kind", "ask-details"] as const;

/** The server's field names (a 422's `field`) -> the form's field ids. */
export const ASK_SERVER_FIELDS: Readonly<Record<string, string>> = { kind: "ask-kind", details: "ask-details" };

const length = (text: string) => [...text.trim()].length;

/** What is wrong with the request before sending: a kind, and words unless it is a re-read. */
export function checkAsk(draft: AskDraft): FieldErrors {
  const errors: FieldErrors = {};
  if (!draft.kind) errors["ask-kind"] = "errorAskKind";
  const n = length(draft.details);
  if (n === 0 && draft.kind !== "meter_reread") errors["ask-details"] = "errorAskDetails";
  else if (n > LONGEST_DETAILS) errors["ask-details"] = "errorAskDetailsLong";
  return errors;
}

// ---- Stopping service (moving out) -----------------------------------------------------------

/** A stop's last day: from this many days back (the utility's setting, 3 unless changed) ... */
export const STOP_PAST_DAYS = 3;
/** ... to this many days ahead. */
export const STOP_AHEAD_DAYS = 90;

/** The days a last day may be, from the utility's today. */
export function lastDayRange(today: string): { earliest: string; latest: string } {
  return { earliest: addDays(today, -STOP_PAST_DAYS), latest: addDays(today, STOP_AHEAD_DAYS) };
}

/** The services a move-out stops: those not ended. */
export function servicesToStop(agreements: readonly ServiceAgreement[] | undefined): ServiceAgreement[] {
  return (agreements ?? []).filter((a) => a.end_date === null);
}

/** A stop's last day: a date from 3 days back to 90 ahead, not before any of its services started. */
export function checkLastDay(value: string, today: string, services: readonly ServiceAgreement[]): Check {
  if (!value) return "errorRequired";
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) return "errorDate";
  const { earliest, latest } = lastDayRange(today);
  if (value < earliest) return "errorLastDayPast";
  if (value > latest) return "errorLastDayFar";
  return services.some((s) => value < s.start_date) ? "errorLastDayBeforeStart" : null;
}

/** The address the final bill goes to, as typed. */
export interface AddressDraft {
  line1: string;
  line2: string;
  city: string;
  state: string;
  zip: string;
}

export const EMPTY_ADDRESS: AddressDraft = { line1: "", line2: "", city: "", state: "", zip: "" };

/** A state as the server takes it: "or " -> "OR". */
export function stateForServer(value: string): string {
  return value.trim().toUpperCase();
}

/** A ZIP as the server takes it: "97401", or ZIP+4 "97401-1234" (typed with or without the dash); null when neither. */
export function zipForServer(value: string): string | null {
  const m = /^(\d{5})(?:[\s-]?(\d{4}))?$/.exec(value.trim());
  if (!m) return null;
  return m[2] ? `${m[1]}-${m[2]}` : m[1];
}

/**
 * What is wrong with a postal address before sending, by field id: `${prefix}-line1`, -line2,
 * -city, -state, -zip (a form's address fields are named so).
 */
export function checkAddressDraft(address: AddressDraft, prefix: string): FieldErrors {
  return collectErrors({
    [`${prefix}-line1`]: checkRequired(address.line1) ? "errorStreetLine" : null,
    [`${prefix}-line2`]: length(address.line2) > 200 ? "errorLine2Long" : null,
    [`${prefix}-city`]: checkRequired(address.city) ? "errorCity" : null,
    [`${prefix}-state`]: /^[A-Z]{2}$/.test(stateForServer(address.state)) ? null : "errorState",
    [`${prefix}-zip`]: zipForServer(address.zip) === null ? "errorZipPlus4" : null,
  });
}

/** What is wrong with the forwarding address before sending, by field id. */
export function checkForwarding(address: AddressDraft): FieldErrors {
  return checkAddressDraft(address, "stop");
}

/** A postal address as sent: spaces tidied, the state's code in capitals, the ZIP as the server takes it. */
export function addressForServer(address: AddressDraft): Address {
  return {
    line1: address.line1.trim().replace(/\s+/g, " "),
    line2: address.line2.trim().replace(/\s+/g, " "),
    city: address.city.trim().replace(/\s+/g, " "),
    state: stateForServer(address.state),
    zip: zipForServer(address.zip) ?? address.zip.trim(),
  };
}

/** The forwarding address as sent. */
export function forwardingForServer(address: AddressDraft): Address {
  return addressForServer(address);
}

/** The stop form's field ids, in order. */
export const STOP_FIELD_IDS = ["stop-last-day", "stop-line1", "stop-line2", "stop-city", "stop-state", "stop-zip"] as const;

/** The server's field names -> the stop form's field ids. */
export const STOP_SERVER_FIELDS: Readonly<Record<string, string>> = {
  service_date: "stop-last-day",
  forwarding_address: "stop-line1",
  "forwarding_address.line1": "stop-line1",
  "forwarding_address.line2": "stop-line2",
  "forwarding_address.city": "stop-city",
  "forwarding_address.state": "stop-state",
  "forwarding_address.zip": "stop-zip",
};

/**
 * The portal's words for a field of the stop the server refused without a code, in both
 * languages (the server's English names its own fields, "mailing_address.zip").
 */
export const STOP_FIELD_WORDS: Readonly<Record<string, MessageKey>> = {
  service_date: "errorLastDayRefused",
  forwarding_address: "errorStreetLine",
  "forwarding_address.line1": "errorStreetLine",
  "forwarding_address.line2": "errorLine2Long",
  "forwarding_address.city": "errorCity",
  "forwarding_address.state": "errorState",
  "forwarding_address.zip": "errorZipPlus4",
};

/** An address on one line: "1 Main St, Apt 2, Salem, OR 97301". */
export function addressLine(a: Address): string {
  const street = [a.line1, a.line2 ?? ""].map((s) => s.trim()).filter(Boolean).join(", ");
  const place = `${a.city.trim()}, ${a.state.trim()} ${a.zip.trim()}`.trim();
  return [street, place].filter(Boolean).join(", ");
}
