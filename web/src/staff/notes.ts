// An account note as the staff console writes and shows it (pure; test/staffNotes.test.mjs): its
// shape, its kinds, the rules a new one must keep (the server's, src/accounts/account_notes.cc,
// checked again there) and the order the list is in. Notes are never edited or deleted; a
// correction is another note. Only "pinned" changes.

import type { ActorKind } from "./labels.ts";
import type { FieldErrors } from "./forms.ts";

export const NOTE_KINDS = ["call", "complaint", "dispute", "general"] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

/** The most characters (Unicode code points, after trimming the ends) a note holds. */
export const NOTE_MAX_CHARS = 4000;

/** Within this many characters of the limit, the count is also read out (noteCountAnnouncement). */
export const NOTE_NEAR_LIMIT_CHARS = 200;

/** A longer note shows its first lines until asked for the rest (isLongNote). */
export const NOTE_SHOWN_LINES = 6;
const NOTE_SHOWN_CHARS = 480;

/** GET/POST /api/v1/staff/accounts/{number}/notes, PUT .../notes/{id}/pinned. */
export interface AccountNote {
  id: number;
  kind: NoteKind | string;
  body: string;
  pinned: boolean;
  actor: string;
  actor_kind: ActorKind | string;
  actor_name: string;
  /** UTC instant. */
  written_at: string;
  /** The same instant in the utility's zone, with its offset: "2026-12-06T12:59:31-08:00". */
  written_at_local: string;
}

export interface NewNote {
  kind: NoteKind;
  body: string;
  pinned: boolean;
}

const KIND_WORDS: Record<string, string> = { call: "Call", complaint: "Complaint", dispute: "Dispute", general: "General" };

/** "call" -> "Call"; a kind the console does not know, as sent. */
export function noteKindLabel(kind: string): string {
  return KIND_WORDS[kind] ?? kind;
}

/** The body as the server keeps it: blanks (space, tab, CR, LF) trimmed from both ends. */
export function trimmedNote(body: string): string {
  return body.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, "");
}

/** Characters the server counts: code points of the trimmed body (an emoji is one). */
export function noteLength(body: string): number {
  return [...trimmedNote(body)].length;
}

const grouped = new Intl.NumberFormat("en-US");

/** Under the field: "12 of 4,000 characters", "4,012 of 4,000 characters: 12 too many". */
export function noteCountLabel(body: string): string {
  const n = noteLength(body);
  const label = `${grouped.format(n)} of ${grouped.format(NOTE_MAX_CHARS)} characters`;
  return n > NOTE_MAX_CHARS ? `${label}: ${grouped.format(n - NOTE_MAX_CHARS)} too many` : label;
}

/**
 * What a screen reader is told once typing pauses: nothing until the note nears the limit, then
 * "150 characters left" or "12 characters too many".
 */
export function noteCountAnnouncement(body: string): string {
  const left = NOTE_MAX_CHARS - noteLength(body);
  if (left > NOTE_NEAR_LIMIT_CHARS) return "";
  if (left >= 0) return `${grouped.format(left)} character${left === 1 ? "" : "s"} left`;
  return `${grouped.format(-left)} character${left === -1 ? "" : "s"} too many`;
}

/** A control character the server refuses: C0 other than tab, LF and CR, and DEL. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * Whether a note is long enough to show shortened (its first NOTE_SHOWN_LINES lines, "Show the
 * whole note"): more lines than that, or more characters than fit in them on a narrow list.
 */
export function isLongNote(body: string): boolean {
  return body.split("\n").length > NOTE_SHOWN_LINES || [...body].length > NOTE_SHOWN_CHARS;
}

/** What is wrong with a new note before it is sent (the server's words), by field id. */
export function checkNote(note: NewNote): FieldErrors {
  const errors: FieldErrors = {};
  if (!(NOTE_KINDS as readonly string[]).includes(note.kind)) errors.kind = "Choose the kind of note.";
  const n = noteLength(note.body);
  if (n === 0) errors.body = "Write the note: it is empty.";
  else if (n > NOTE_MAX_CHARS) {
    errors.body = `A note holds at most ${grouped.format(NOTE_MAX_CHARS)} characters (this one has ${grouped.format(n)}).`;
  } else if (CONTROL.test(note.body)) errors.body = "The note has a control character; type it again as text.";
  return errors;
}

/**
 * The notes as the list shows them: those the server sent, each replaced by the newer copy in
 * `changed` (added or pinned since), without repeats, pinned first, then newest (the server's
 * order: written_at, then id).
 */
export function notesInOrder(loaded: readonly AccountNote[], changed: readonly AccountNote[]): AccountNote[] {
  const byId = new Map<number, AccountNote>();
  for (const n of loaded) byId.set(n.id, n);
  for (const n of changed) byId.set(n.id, n);
  return [...byId.values()].sort(
    (a, b) =>
      Number(b.pinned) - Number(a.pinned) ||
      (a.written_at < b.written_at ? 1 : a.written_at > b.written_at ? -1 : 0) ||
      b.id - a.id,
  );
}

/** `changed` with `note` in it, in place of an older copy. */
export function withChanged(changed: readonly AccountNote[], note: AccountNote): AccountNote[] {
  return [...changed.filter((n) => n.id !== note.id), note];
}
