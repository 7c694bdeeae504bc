// What staff with outages.manage may do with an outage (pure; test/staffOutageMoves.test.mjs): the
// actions its status allows (the server's rules, docs/outages.md), the requests' bodies, the parts
// that may be restored alone, the checks before sending, and what the server answered in words.

import type { ApiError } from "./api.ts";
import { instantAt } from "./applications.ts";
import { customersWords, deviceWords, homeWords, isOpen, plural } from "./outages.ts";
import type { Outage, OutageDetail } from "./outages.ts";

export type OutageAction = "confirm" | "assign_crew" | "depart" | "arrive" | "restore" | "merge" | "cancel";
/** What the outage's page offers: the moves, and setting the ETR (its own request). */
export type OutageChoice = OutageAction | "etr";

/**
 * The choices an outage's status allows, the next step first: confirm a prediction; send a crew;
 * the crew on its way, then on site; restore; a new ETR; merge; cancel (only before a crew).
 */
export function choicesFor(status: string): OutageChoice[] {
  if (!isOpen(status)) return [];
  switch (status) {
    case "reported":
      return ["confirm", "etr", "restore", "merge", "cancel"];
    case "confirmed":
      return ["assign_crew", "etr", "restore", "merge", "cancel"];
    case "crew_assigned":
      return ["depart", "etr", "restore", "assign_crew", "merge"];
    case "en_route":
      return ["arrive", "etr", "restore", "assign_crew", "merge"];
    default:
      return ["restore", "etr", "assign_crew", "merge"];
  }
}

/** A choice's button. */
export function choiceWords(choice: OutageChoice, status: string): string {
  switch (choice) {
    case "confirm": return "Confirm";
    case "assign_crew": return status === "confirmed" ? "Assign crew" : "Send another crew";
    case "depart": return "Crew on the way";
    case "arrive": return "Crew on site";
    case "restore": return "Restore";
    case "merge": return "Merge into…";
    case "cancel": return "Cancel outage";
    case "etr": return "Set ETR";
  }
}

/** What one part to restore is: a device under the outage, or one home. */
export interface PartChoice {
  /** "transformer:12", the choice's value. */
  key: string;
  kind: string;
  id: number;
  words: string;
}

/**
 * The parts of an outage that may be restored alone: the transformers and feeders under it still
 * out (not the outage's own device: that is all of it), then its homes still dark. None when the
 * server sends neither list: then only all of it may be restored.
 */
export function partChoices(detail: Pick<OutageDetail, "outage" | "devices" | "homes">): PartChoice[] {
  const own = detail.outage.device;
  const devices = (detail.devices ?? [])
    .filter((d) => d.customers_out > 0 && !(d.kind === own.kind && d.id === own.id))
    .map((d) => ({ key: `${d.kind}:${d.id}`, kind: d.kind, id: d.id, words: `${deviceWords(d)} (${customersWords(d.customers_out, d.customers_total)} out)` }));
  const homes = (detail.homes ?? [])
    .filter((h) => h.dark)
    .map((h) => ({ key: `service_point:${h.service_point}`, kind: "service_point", id: h.service_point, words: `Home ${homeWords(h)}` }));
  return [...devices, ...homes];
}

/** The cause and the note for customers, sent with a move only when changed. */
export interface Extras {
  cause: string;
  publicNote: string;
}

export interface MoveBody {
  action: OutageAction;
  crew?: string;
  into?: string;
  cause?: string;
  public_note?: string;
  note?: string;
  part?: { kind: string; id: number };
}

/** The move's body: the action, what it needs, and the cause and public note if staff changed them. */
export function moveBody(
  outage: Pick<Outage, "cause" | "public_note">,
  action: OutageAction,
  extras: Extras,
  more: { crew?: string; into?: string; part?: PartChoice | null; note?: string } = {},
): MoveBody {
  const body: MoveBody = { action };
  if (action === "assign_crew") body.crew = (more.crew ?? "").trim();
  if (action === "merge") body.into = outageNumber(more.into ?? "") ?? (more.into ?? "").trim();
  if (action === "restore" && more.part) body.part = { kind: more.part.kind, id: more.part.id };
  if (extras.cause && extras.cause !== outage.cause) body.cause = extras.cause;
  if (extras.publicNote.trim() !== outage.public_note.trim()) body.public_note = extras.publicNote.trim();
  if (more.note?.trim()) body.note = more.note.trim();
  return body;
}

/** "out123", " OUT000123 " -> "OUT000123" (six digits at least, as the server writes them); null if it is not one. */
export function outageNumber(text: string): string | null {
  const m = /^\s*OUT(\d{1,12})\s*$/i.exec(text);
  return m ? `OUT${m[1].padStart(6, "0")}` : null;
}

export const PUBLIC_NOTE_MAX = 500;
export const CREW_MAX = 80;

/** What is wrong before sending, by field (none: send). */
export function moveProblems(action: OutageAction, number: string, fields: { crew?: string; into?: string; publicNote: string }): Record<string, string> {
  const problems: Record<string, string> = {};
  if (action === "assign_crew") {
    const crew = (fields.crew ?? "").trim();
    if (!crew) problems.crew = "Name the crew sent to this outage.";
    else if ([...crew].length > CREW_MAX) problems.crew = `A crew's name is at most ${CREW_MAX} characters.`;
  }
  if (action === "merge") {
    const into = outageNumber(fields.into ?? "");
    if (!into) problems.into = "Name the open outage it joins, like OUT000120.";
    else if (into === number) problems.into = "An outage cannot be merged into itself.";
  }
  if ([...fields.publicNote.trim()].length > PUBLIC_NOTE_MAX) problems.publicNote = `What customers are told is at most ${PUBLIC_NOTE_MAX} characters.`;
  return problems;
}

// ---- the ETR -----------------------------------------------------------------------------------

export const ETR_MOST_DAYS = 14;

/** The ETR typed on the utility's clocks (a day and a time) as the instant sent, or why not. */
export function etrInstant(day: string, time: string, zone: string | null, now: number): { etr: string } | { problem: string } {
  const etr = instantAt(day, time, zone);
  if (!etr) return { problem: "Give the day and the time power should be back." };
  const at = Date.parse(etr);
  if (at <= now) return { problem: "The ETR must be later than now." };
  if (at > now + ETR_MOST_DAYS * 86_400_000) return { problem: `The ETR must be within ${ETR_MOST_DAYS} days.` };
  return { etr };
}

// ---- the answers in words ------------------------------------------------------------------------

const DONE_WORDS: Record<OutageAction, string> = {
  confirm: "Confirmed",
  assign_crew: "Crew assigned to",
  depart: "Crew on the way to",
  arrive: "Crew on site at",
  restore: "Restored",
  merge: "Merged",
  cancel: "Cancelled",
};

/** A move done: "Confirmed OUT000123.", "Merged OUT000123 into OUT000120." */
export function movedWords(body: MoveBody, number: string): string {
  if (body.action === "merge") return `Merged ${number} into ${body.into}.`;
  if (body.action === "assign_crew") return `${body.crew} assigned to ${number}.`;
  return `${DONE_WORDS[body.action]} ${number}.`;
}

export interface RestoreAnswer {
  outage: Outage;
  restored_points?: number;
  still_dark_outages?: string[];
}

/**
 * A restoration in words: how many came back, what is still out, and where the homes still dark
 * went: "1 home restored; 10 of 11 still out in OUT000123." or "OUT000123 restored: 11 homes back.
 * Homes still dark moved to OUT000130."
 */
export function restoredWords(answer: RestoreAnswer): string {
  const o = answer.outage;
  const back = answer.restored_points ?? 0;
  const first = o.status === "restored"
    ? `${o.number} restored: ${plural(back, "home")} back.`
    : `${plural(back, "home")} restored; ${o.customers_out} of ${o.customers_total} still out in ${o.number}.`;
  const moved = answer.still_dark_outages ?? [];
  return moved.length === 0 ? first : `${first} Homes still dark moved to ${moved.join(", ")}.`;
}

/** The ETR set: when, and whether customers are told. */
export function etrSetWords(number: string, etrText: string, announced: boolean): string {
  return announced
    ? `ETR for ${number} set to ${etrText}; customers are told.`
    : `ETR for ${number} set to ${etrText}; not announced (it moved less than the utility's step), kept in the moves.`;
}

/** Someone else moved it, or its status no longer allows the move: the page shows it as it is now. */
export function isChangedMeanwhile(e: Pick<ApiError, "status">): boolean {
  return e.status === 409;
}

/** A refused move in words. */
export function moveRefusal(e: Pick<ApiError, "status" | "detail">, number: string): string {
  if (e.status === 409) return `Someone else changed ${number} meanwhile, or it no longer allows this. It is shown again as it is now: check it and try again.`;
  if (e.status === 403) return `Your roles do not allow changing outages (it needs outages.manage).`;
  if (e.status === 404) return `${number} is not an outage the server knows.`;
  if (e.status === 0) return `The server could not be reached: ${number} was not changed. Try again.`;
  return e.detail || `${number} was not changed.`;
}
