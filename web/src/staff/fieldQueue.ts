// The field page's outbox (pure but for the storage it is given; test/staffFieldQueue.test.mjs).
// A technician's connection comes and goes, so every move (on my way, arrived, complete, could
// not do it) is first written here with its own Idempotency-Key, then sent; so is every photo
// (of the dial, the site, or why the visit could not be done), its bytes kept apart under its key
// (fieldPhotoStore.ts: too big for localStorage). A move or photo whose outcome is unknown (no
// answer, 408, 429, 5xx: idempotency.ts outcomeUnknown) stays, shown as waiting to send, and is
// sent again (when the browser is online again, every 20 s, on reload): a move with the same key,
// which the server answers with the order as it is (replayed), so a completion sent twice is done
// once; a photo as the same image, which the server keeps once an order. An item leaves the
// outbox only when the server answers: done (2xx), or refused (4xx), the refusal then kept for the
// technician to read. Items are sent oldest first, one at a time; the first that cannot be sent
// stops the pass (a later move of the same order would be refused before the earlier one is in).
// Relative imports end in .ts for the unit tests.

import { newIdempotencyKey, outcomeUnknown } from "../portal/idempotency.ts";
import type { FieldAction } from "./dispatch.ts";
import type { NewMeterBody, OrderPhotoPurpose } from "./ordersApi.ts";

/** The most moves and photos kept waiting (a day's work is far fewer): beyond it, new ones are refused. */
export const OUTBOX_MOST = 200;
/** The most photos kept waiting on the phone (each at most 900 kB, kept in IndexedDB): about 27 MB. */
export const PHOTOS_WAITING_MOST = 30;
/** The most photos the server keeps with one order (src/orders/photos.h). */
export const PHOTOS_PER_ORDER_MOST = 10;
/** How often the waiting moves are sent again while the page is open. */
export const RESEND_EVERY_MS = 20_000;

export interface FieldMoveBody {
  action: FieldAction;
  note?: string;
  reads?: { meter: string; reading: string; confirmed?: boolean }[];
  /** Completing an exchange or install: the meter put in. */
  new_meter?: NewMeterBody;
}

/** What the outbox knows of a photo: what it shows and its size (its bytes are kept apart). */
export interface PhotoFacts {
  purpose: OrderPhotoPurpose;
  size_bytes: number;
}

interface Queued {
  key: string;
  order: string;
  /** When the technician made it (an instant): the order's page says "waiting since". */
  made_at: string;
  /** Times it was tried and not answered. */
  tries: number;
}

/** A move waiting to be sent. */
export interface QueuedMove extends Queued {
  body: FieldMoveBody;
  photo?: undefined;
}

/** A photo waiting to be sent; its bytes are kept under its key (fieldPhotoStore.ts). */
export interface QueuedPhoto extends Queued {
  photo: PhotoFacts;
  body?: undefined;
}

export type QueuedItem = QueuedMove | QueuedPhoto;

interface Refusal {
  key: string;
  order: string;
  status: number;
  code: string | null;
  field: string | null;
  detail: string;
}

/** A move the server refused: said to the technician until dismissed. */
export interface RefusedMove extends Refusal {
  body: FieldMoveBody;
  photo?: undefined;
}

/** A photo the server refused (not an image, the order's 10 photos kept already), or lost. */
export interface RefusedPhoto extends Refusal {
  photo: PhotoFacts;
  body?: undefined;
}

export type RefusedItem = RefusedMove | RefusedPhoto;

export interface Outbox {
  waiting: QueuedItem[];
  refused: RefusedItem[];
}

export const EMPTY_OUTBOX: Outbox = { waiting: [], refused: [] };

const PURPOSES: readonly string[] = ["reading", "site", "failure"];

/** Where the outbox is kept: per user (another technician on the same phone has their own). */
export function outboxStorageKey(staffId: number): string {
  return `ratepayer.field.outbox.${staffId}`;
}

export const CREW_STORAGE_KEY = "ratepayer.field.crew";

function isItem(m: unknown): m is QueuedItem {
  const v = m as QueuedItem;
  if (!v || typeof v.key !== "string" || typeof v.order !== "string" || typeof v.made_at !== "string") return false;
  if (v.photo) return PURPOSES.includes(v.photo.purpose) && typeof v.photo.size_bytes === "number";
  return !!v.body && typeof v.body.action === "string";
}

/** The outbox as stored; what cannot be read is an empty outbox (never an error on the page). */
export function parseOutbox(text: string | null): Outbox {
  if (!text) return EMPTY_OUTBOX;
  try {
    const v = JSON.parse(text) as Partial<Outbox>;
    const waiting = Array.isArray(v.waiting) ? v.waiting.filter(isItem).map((m) => ({ ...m, tries: Number(m.tries) || 0 })) : [];
    const refused = Array.isArray(v.refused) ? v.refused.filter((r) => isItem({ ...r, made_at: "" }) && typeof r.detail === "string") : [];
    return { waiting, refused };
  } catch {
    return EMPTY_OUTBOX;
  }
}

/** Adds a move at the end with a new key; null when the outbox is full. */
export function enqueue(outbox: Outbox, order: string, body: FieldMoveBody, now: Date, key = newIdempotencyKey(undefined, "field")): Outbox | null {
  if (outbox.waiting.length >= OUTBOX_MOST) return null;
  const move: QueuedMove = { key, order, body, made_at: now.toISOString(), tries: 0 };
  // A new try of a move refused before replaces its refusal.
  const refused = outbox.refused.filter((r) => !(r.order === order && r.body?.action === body.action));
  return { waiting: [...outbox.waiting, move], refused };
}

/** The photos waiting to be sent, of one order or of all. */
export function photosWaiting(outbox: Outbox, order?: string): QueuedPhoto[] {
  return outbox.waiting.filter((m): m is QueuedPhoto => !!m.photo && (order === undefined || m.order === order));
}

/** Whether one more photo may wait: the outbox is not full and fewer than PHOTOS_WAITING_MOST photos wait. */
export function photoMayWait(outbox: Outbox): boolean {
  return outbox.waiting.length < OUTBOX_MOST && photosWaiting(outbox).length < PHOTOS_WAITING_MOST;
}

/**
 * Adds a photo at the end (its bytes kept apart under `key`); null when the outbox is full or
 * PHOTOS_WAITING_MOST photos wait already.
 */
export function enqueuePhoto(outbox: Outbox, order: string, photo: PhotoFacts, now: Date, key = newIdempotencyKey(undefined, "photo")): Outbox | null {
  if (!photoMayWait(outbox)) return null;
  const item: QueuedPhoto = { key, order, photo: { purpose: photo.purpose, size_bytes: photo.size_bytes }, made_at: now.toISOString(), tries: 0 };
  return { ...outbox, waiting: [...outbox.waiting, item] };
}

/** How many more photos an order may take: the server keeps 10, counting those it has and those waiting here. */
export function photoRoom(kept: number, outbox: Outbox, order: string): number {
  return Math.max(0, PHOTOS_PER_ORDER_MOST - kept - photosWaiting(outbox, order).length);
}

/** What waits to be sent, in words: "1 move is waiting to send.", "2 moves and 1 photo are waiting to send."; "" for nothing. */
export function waitingWords(waiting: readonly QueuedItem[]): string {
  const photos = waiting.filter((m) => m.photo).length;
  const moves = waiting.length - photos;
  const parts = [moves > 0 ? `${moves} ${moves === 1 ? "move" : "moves"}` : "", photos > 0 ? `${photos} ${photos === 1 ? "photo" : "photos"}` : ""]
    .filter(Boolean);
  if (parts.length === 0) return "";
  return `${parts.join(" and ")} ${waiting.length === 1 ? "is" : "are"} waiting to send.`;
}

/** What became of one send. */
export type SendOutcome =
  | { kind: "done" }
  | { kind: "refused"; status: number; code: string | null; field: string | null; detail: string }
  | { kind: "unknown" };

/** A failed send's outcome from its HTTP status (0: no answer): unknown stays queued, else refused. */
export function outcomeOfFailure(e: { status: number; code?: string | null; field?: string | null; detail: string }): SendOutcome {
  if (outcomeUnknown(e.status)) return { kind: "unknown" };
  return { kind: "refused", status: e.status, code: e.code ?? null, field: e.field ?? null, detail: e.detail };
}

/** The outbox after `key`'s send: removed when answered (a refusal kept), tried once more when not. */
export function settle(outbox: Outbox, key: string, outcome: SendOutcome): Outbox {
  const move = outbox.waiting.find((m) => m.key === key);
  if (!move) return outbox;
  if (outcome.kind === "unknown") {
    return { ...outbox, waiting: outbox.waiting.map((m) => (m.key === key ? { ...m, tries: m.tries + 1 } : m)) };
  }
  const waiting = outbox.waiting.filter((m) => m.key !== key);
  if (outcome.kind === "done") return { ...outbox, waiting };
  const { status, code, field, detail } = outcome;
  const refusal: RefusedItem = move.photo
    ? { key, order: move.order, photo: move.photo, status, code, field, detail }
    : { key, order: move.order, body: move.body, status, code, field, detail };
  return { waiting, refused: [...outbox.refused, refusal] };
}

/** Forgets a refusal once the technician has read it. */
export function dismiss(outbox: Outbox, key: string): Outbox {
  return { ...outbox, refused: outbox.refused.filter((r) => r.key !== key) };
}

/**
 * Sends the waiting moves and photos oldest first, one at a time, each with its key (`send`
 * answers the outcome; it never throws). Stops at the first whose outcome is unknown. `load` and
 * `save` are the storage: read before each item (another tab may have sent it) and written after
 * each answer, so a reload in the middle sends nothing twice without its key. `answered` is told
 * of each item that left the outbox, once saved (a photo's bytes may then be let go). Returns the
 * outbox at the end.
 */
export async function sendWaiting(
  load: () => Outbox,
  save: (outbox: Outbox) => void,
  send: (item: QueuedItem) => Promise<SendOutcome>,
  answered: (item: QueuedItem) => void = () => {},
): Promise<Outbox> {
  const tried = new Set<string>();
  for (;;) {
    const outbox = load();
    const next = outbox.waiting.find((m) => !tried.has(m.key));
    if (!next) return outbox;
    tried.add(next.key);
    const outcome = await send(next);
    const after = settle(load(), next.key, outcome);
    save(after);
    if (outcome.kind === "unknown") return after;
    answered(next);
  }
}

/** The order's status as the technician's own moves leave it, sent or still waiting. */
export function statusAfter(status: string, waiting: readonly QueuedItem[], order: string): string {
  let s = status;
  for (const m of waiting) {
    if (m.order !== order || !m.body) continue;
    if (m.body.action === "depart") s = "en_route";
    else if (m.body.action === "arrive") s = "on_site";
    else if (m.body.action === "complete") s = "completed";
    else if (m.body.action === "fail") s = "failed";
  }
  return s;
}

/** The field moves a technician may make from a status (what the buttons offer). */
export function fieldMovesFrom(status: string): FieldAction[] {
  switch (status) {
    case "dispatched":
      return ["depart", "arrive", "fail"];
    case "en_route":
      return ["arrive", "fail"];
    case "on_site":
      return ["complete", "fail"];
    default:
      return [];
  }
}
