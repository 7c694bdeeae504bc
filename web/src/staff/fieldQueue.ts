// The field page's outbox (pure but for the storage it is given; test/staffFieldQueue.test.mjs).
// A technician's connection comes and goes, so every move (on my way, arrived, complete, could
// not do it) is first written here with its own Idempotency-Key, then sent. A move whose outcome
// is unknown (no answer, 408, 429, 5xx: idempotency.ts outcomeUnknown) stays, shown as waiting to
// send, and is sent again with the same key (when the browser is online again, every 20 s, on
// reload); the server answers a key it has seen with the order as it is (replayed), so a
// completion sent twice is done once. A move leaves the outbox only when the server answers: done
// (2xx), or refused (4xx), the refusal then kept for the technician to read. Moves are sent
// oldest first, one at a time; the first that cannot be sent stops the pass (a later move of the
// same order would be refused before the earlier one is in).
// Relative imports end in .ts for the unit tests.

import { newIdempotencyKey, outcomeUnknown } from "../portal/idempotency.ts";
import type { FieldAction } from "./dispatch.ts";

/** The most moves kept waiting (a day's work is far fewer): beyond it, new moves are refused. */
export const OUTBOX_MOST = 200;
/** How often the waiting moves are sent again while the page is open. */
export const RESEND_EVERY_MS = 20_000;

export interface FieldMoveBody {
  action: FieldAction;
  note?: string;
  reads?: { meter: string; reading: string; confirmed?: boolean }[];
}

/** A move waiting to be sent. */
export interface QueuedMove {
  key: string;
  order: string;
  body: FieldMoveBody;
  /** When the technician made it (an instant): the order's page says "waiting since". */
  made_at: string;
  /** Times it was tried and not answered. */
  tries: number;
}

/** A move the server refused: said to the technician until dismissed. */
export interface RefusedMove {
  key: string;
  order: string;
  body: FieldMoveBody;
  status: number;
  code: string | null;
  field: string | null;
  detail: string;
}

export interface Outbox {
  waiting: QueuedMove[];
  refused: RefusedMove[];
}

export const EMPTY_OUTBOX: Outbox = { waiting: [], refused: [] };

/** Where the outbox is kept: per user (another technician on the same phone has their own). */
export function outboxStorageKey(staffId: number): string {
  return `ratepayer.field.outbox.${staffId}`;
}

export const CREW_STORAGE_KEY = "ratepayer.field.crew";

function isMove(m: unknown): m is QueuedMove {
  const v = m as QueuedMove;
  return !!v && typeof v.key === "string" && typeof v.order === "string" && typeof v.made_at === "string" &&
    !!v.body && typeof v.body.action === "string";
}

/** The outbox as stored; what cannot be read is an empty outbox (never an error on the page). */
export function parseOutbox(text: string | null): Outbox {
  if (!text) return EMPTY_OUTBOX;
  try {
    const v = JSON.parse(text) as Partial<Outbox>;
    const waiting = Array.isArray(v.waiting) ? v.waiting.filter(isMove).map((m) => ({ ...m, tries: Number(m.tries) || 0 })) : [];
    const refused = Array.isArray(v.refused) ? v.refused.filter((r) => isMove({ ...r, made_at: "" }) && typeof r.detail === "string") : [];
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
  const refused = outbox.refused.filter((r) => !(r.order === order && r.body.action === body.action));
  return { waiting: [...outbox.waiting, move], refused };
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
  return { waiting, refused: [...outbox.refused, { key, order: move.order, body: move.body, status, code, field, detail }] };
}

/** Forgets a refusal once the technician has read it. */
export function dismiss(outbox: Outbox, key: string): Outbox {
  return { ...outbox, refused: outbox.refused.filter((r) => r.key !== key) };
}

/**
 * Sends the waiting moves oldest first, one at a time, each with its key (`send` answers the
 * outcome; it never throws). Stops at the first whose outcome is unknown. `load` and `save` are
 * the storage: read before each move (another tab may have sent it) and written after each answer,
 * so a reload in the middle sends nothing twice without its key. Returns the outbox at the end.
 */
export async function sendWaiting(
  load: () => Outbox,
  save: (outbox: Outbox) => void,
  send: (move: QueuedMove) => Promise<SendOutcome>,
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
  }
}

/** The order's status as the technician's own moves leave it, sent or still waiting. */
export function statusAfter(status: string, waiting: readonly QueuedMove[], order: string): string {
  let s = status;
  for (const m of waiting) {
    if (m.order !== order) continue;
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
