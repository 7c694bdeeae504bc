// Notes: what representatives wrote about the account (calls, complaints, disputes), pinned ones
// first, then newest, a page at a time; the form to add one and the buttons to pin or unpin one,
// for users with the permission notes.write. A note added or pinned shows at once, here and (by
// onChanged) in the History. Notes are never edited or deleted: a correction is another note.
import { useEffect, useRef, useState } from "preact/hooks";
import type { ApiError } from "./api";
import { asApiError } from "./api";
import { addNote, setNotePinned } from "./accountApi";
import { newIdempotencyKey, outcomeUnknown } from "../portal/idempotency";
import {
  NOTE_KINDS,
  checkNote,
  isLongNote,
  noteCountAnnouncement,
  noteCountLabel,
  noteKindLabel,
  noteLength,
  notesInOrder,
  NOTE_MAX_CHARS,
  withChanged,
} from "./notes";
import type { AccountNote, NewNote, NoteKind } from "./notes";
import { firstError, hasErrors } from "./forms";
import type { FieldErrors } from "./forms";
import { focusField } from "./Field";
import { actorKindNote, asSentence } from "./labels";
import { consoleProblem } from "./problems";
import { formatLocalDateTime } from "./localTime";
import { Section, ShowOlder, WhenLoaded } from "./Section";
import type { PagedLoaded } from "./useResource";

/** The permission that adds and pins notes. */
export const NOTES_WRITE = "notes.write";

/** How long typing pauses before the count is read out near the limit. */
const COUNT_SPOKEN_AFTER_MS = 1000;

const EMPTY_DRAFT: NewNote = { kind: "call", body: "", pinned: false };

// A note being written, by account, kept while the account page is away: a session that ended
// while the representative typed (15 minutes idle) brings the page back after signing in, with
// the note as it was. Only in this page's memory; forgotten when another user signs in or on
// sign-out (forgetNoteDrafts, App.tsx).
const drafts = new Map<string, NewNote>();

export function forgetNoteDrafts(): void {
  drafts.clear();
}

const FIELDS = ["kind", "body"] as const;
const fieldId = (f: string) => `note-${f}`;
const pinButtonId = (id: number) => `note-${id}-pin`;

export function NotesSection({ account, notes, canWrite, onSessionEnded, onChanged }: {
  account: string;
  notes: PagedLoaded<AccountNote>;
  /** The user has notes.write: the form and the pin buttons are shown. */
  canWrite: boolean;
  onSessionEnded: (e: ApiError) => void;
  /** A note was added or pinned (the History shows its event). */
  onChanged: () => void;
}) {
  // Notes added or pinned since the list loaded: shown at once in their place.
  const [changed, setChanged] = useState<AccountNote[]>([]);
  useEffect(() => setChanged([]), [notes.resource]);
  const changedNote = (note: AccountNote) => {
    setChanged((c) => withChanged(c, note));
    onChanged();
  };
  const shown = notesInOrder(notes.items, changed);

  return (
    <Section id="notes" title="Notes" wide>
      <div class={canWrite ? "notes-layout with-form" : "notes-layout"}>
        {canWrite ? (
          <NoteForm account={account} onAdded={changedNote} onSessionEnded={onSessionEnded} />
        ) : (
          <p class="hint notes-read-only" data-testid="notes-read-only">
            You can read notes but not add or pin them: your roles do not have the permission {NOTES_WRITE}.
          </p>
        )}
        <div class="notes-list">
          <WhenLoaded what="the notes" resource={notes.resource} onRetry={notes.reload}>
            {() =>
              shown.length === 0 ? (
                <p>No notes yet.</p>
              ) : (
                <NoteList account={account} notes={shown} canWrite={canWrite} onPinned={changedNote} onSessionEnded={onSessionEnded} />
              )
            }
          </WhenLoaded>
          <ShowOlder list={notes} what="notes" />
        </div>
      </div>
    </Section>
  );
}

function NoteForm({ account, onAdded, onSessionEnded }: {
  account: string;
  onAdded: (note: AccountNote) => void;
  onSessionEnded: (e: ApiError) => void;
}) {
  const [draft, setDraft] = useState<NewNote>(() => drafts.get(account) ?? EMPTY_DRAFT);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [done, setDone] = useState("");
  const [busy, setBusy] = useState(false);
  // Set at once on submit (state is not): a second press while the first is on its way is ignored.
  const sending = useRef(false);
  // The Idempotency-Key of the note being sent: kept for a retry when the outcome is unknown (no
  // answer, 5xx), so the note is written once; a new one once the draft changes or is answered.
  const attemptKey = useRef<string | null>(null);

  const change = (next: Partial<NewNote>) => {
    attemptKey.current = null;
    const d = { ...draft, ...next };
    setDraft(d);
    drafts.set(account, d);
    setDone("");
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (sending.current) return;
    const found = checkNote(draft);
    setErrors(found);
    setProblem(null);
    setDone("");
    if (hasErrors(found)) {
      focusField(fieldId(firstError(found, FIELDS)!));
      return;
    }
    sending.current = true;
    setBusy(true);
    attemptKey.current ??= newIdempotencyKey(undefined, "console");
    try {
      const note = await addNote(account, draft, attemptKey.current);
      attemptKey.current = null;
      drafts.delete(account);
      setDraft({ ...EMPTY_DRAFT, kind: draft.kind });
      setDone(note.pinned ? "Note added and pinned." : "Note added.");
      onAdded(note);
    } catch (err) {
      const error = asApiError(err);
      if (!outcomeUnknown(error.status)) attemptKey.current = null;
      if (consoleProblem(error) === "sign-in") {
        onSessionEnded(error); // the draft is kept for when the page comes back
      } else if (error.status === 422 && (error.field === "kind" || error.field === "body")) {
        setErrors({ [error.field]: asSentence(error.detail) });
        focusField(fieldId(error.field));
      } else {
        setProblem(error);
      }
    } finally {
      sending.current = false;
      setBusy(false);
    }
  };

  return (
    <form class="note-form" aria-labelledby="note-form-heading" onSubmit={submit} noValidate>
      <h3 id="note-form-heading">Add a note</h3>
      <NoteKindField value={draft.kind} error={errors.kind} onValue={(kind) => change({ kind })} />
      <NoteTextField value={draft.body} error={errors.body} onValue={(body) => change({ body })} />
      <label class="choice">
        <input type="checkbox" id={fieldId("pinned")} checked={draft.pinned} onChange={(e) => change({ pinned: e.currentTarget.checked })} />
        Pin this note
      </label>
      <p id="note-kept" class="hint">A note cannot be changed or deleted once added; a correction is another note.</p>
      <div role="alert" class="alert" data-testid="note-problem">
        {problem && (
          <>
            <strong>Could not add the note.</strong>
            <span class="detail">{problem.detail}</span>
          </>
        )}
      </div>
      <div class="form-actions">
        <button type="submit" aria-disabled={busy ? "true" : undefined}>{busy ? "Adding note…" : "Add note"}</button>
        <p role="status" class="status-line" data-testid="note-status">{done}</p>
      </div>
    </form>
  );
}

function NoteList({ account, notes, canWrite, onPinned, onSessionEnded }: {
  account: string;
  notes: AccountNote[];
  canWrite: boolean;
  onPinned: (note: AccountNote) => void;
  onSessionEnded: (e: ApiError) => void;
}) {
  // The note whose pin is being changed, and the one whose change failed (and why).
  const [pinning, setPinning] = useState<number | null>(null);
  const [failed, setFailed] = useState<{ id: number; error: ApiError } | null>(null);
  // A pinned or unpinned note moves: its button keeps focus in its new place.
  const [refocus, setRefocus] = useState<number | null>(null);
  useEffect(() => {
    if (refocus === null) return;
    const button = document.getElementById(pinButtonId(refocus));
    button?.focus({ preventScroll: true });
    button?.scrollIntoView({ block: "nearest" });
    setRefocus(null);
  }, [refocus]);

  const togglePin = async (note: AccountNote) => {
    if (pinning !== null) return;
    setPinning(note.id);
    setFailed(null);
    try {
      const answer = await setNotePinned(account, note.id, !note.pinned);
      onPinned(answer);
      setRefocus(answer.id);
    } catch (err) {
      const error = asApiError(err);
      if (consoleProblem(error) === "sign-in") onSessionEnded(error);
      else setFailed({ id: note.id, error });
    } finally {
      setPinning(null);
    }
  };

  return (
    <>
      <p class="hint">Pinned notes first, then newest. Times are the utility's local time.</p>
      <ul class="note-list" aria-label="Notes, pinned first">
        {notes.map((n) => {
          const when = formatLocalDateTime(n.written_at_local);
          const kindWords = actorKindNote(n.actor_name, n.actor_kind);
          return (
            <li key={n.id} class={n.pinned ? "note pinned" : "note"} data-testid="note">
              <p class="note-head">
                {n.pinned && <span class="badge pinned">Pinned</span>}
                <strong class="note-kind">{noteKindLabel(n.kind)}</strong>
                <span class="note-by">
                  <span class="visually-hidden">by </span>
                  {n.actor_name}
                  {kindWords && <span class="muted"> ({kindWords.toLowerCase()})</span>}
                </span>
                <time dateTime={n.written_at_local}>{when}</time>
              </p>
              <NoteBody note={n} />
              {failed?.id === n.id && (
                <p role="alert" class="alert">
                  <strong>Could not {n.pinned ? "unpin" : "pin"} the note.</strong>
                  <span class="detail">{failed.error.detail}</span>
                </p>
              )}
              {canWrite && (
                <button
                  type="button"
                  class="secondary note-pin"
                  id={pinButtonId(n.id)}
                  aria-disabled={pinning !== null ? "true" : undefined}
                  onClick={() => void togglePin(n)}
                >
                  {pinning === n.id ? (n.pinned ? "Unpinning…" : "Pinning…") : n.pinned ? "Unpin" : "Pin"}
                  <span class="visually-hidden"> the {noteKindLabel(n.kind).toLowerCase()} note of {when}</span>
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}

/** Describes a field by its hints and, when there is one, its error. */
function describedBy(id: string, error: string | undefined, ...hints: string[]): string | undefined {
  return [...hints, error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
}

function NoteKindField({ value, error, onValue }: { value: NoteKind; error?: string; onValue: (kind: NoteKind) => void }) {
  const id = fieldId("kind");
  return (
    <div class={error ? "field invalid" : "field"}>
      <label for={id}>Kind of note</label>
      <select
        id={id}
        value={value}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={describedBy(id, error)}
        onChange={(e) => onValue(e.currentTarget.value as NoteKind)}
      >
        {NOTE_KINDS.map((k) => (
          <option key={k} value={k}>{noteKindLabel(k)}</option>
        ))}
      </select>
      {error && <p id={`${id}-error`} class="field-error">{error}</p>}
    </div>
  );
}

/**
 * The note's text with its count ("12 of 4,000 characters"), which a screen reader also hears
 * once typing pauses near the limit.
 */
function NoteTextField({ value, error, onValue }: { value: string; error?: string; onValue: (body: string) => void }) {
  const id = fieldId("body");
  const [spoken, setSpoken] = useState("");
  useEffect(() => {
    const timer = setTimeout(() => setSpoken(noteCountAnnouncement(value)), COUNT_SPOKEN_AFTER_MS);
    return () => clearTimeout(timer);
  }, [value]);
  const over = noteLength(value) > NOTE_MAX_CHARS;
  return (
    <div class={error ? "field invalid" : "field"}>
      <label for={id}>Note</label>
      <textarea
        id={id}
        rows={5}
        spellcheck
        aria-invalid={error ? "true" : undefined}
        aria-describedby={describedBy(id, error, `${id}-count`, "note-kept")}
        value={value}
        onInput={(e) => onValue(e.currentTarget.value)}
      />
      <p id={`${id}-count`} class={over ? "hint note-count over" : "hint note-count"} data-testid="note-count">
        {noteCountLabel(value)}
      </p>
      <span class="visually-hidden" aria-live="polite">{spoken}</span>
      {error && <p id={`${id}-error`} class="field-error">{error}</p>}
    </div>
  );
}

/** The note's text; a long one shortened to its first lines until the user asks for all of it. */
function NoteBody({ note }: { note: AccountNote }) {
  const [whole, setWhole] = useState(false);
  const id = `note-${note.id}-body`;
  if (!isLongNote(note.body)) return <p class="note-body" id={id}>{note.body}</p>;
  return (
    <>
      {/* Shortened on screen only: all of it is in the page, for screen readers and Find. */}
      <p class={whole ? "note-body" : "note-body shortened"} id={id}>{note.body}</p>
      <button type="button" class="link-button note-more" aria-expanded={whole ? "true" : "false"} aria-controls={id}
        onClick={() => setWhole(!whole)}>
        {whole ? "Show less" : "Show the whole note"}
      </button>
    </>
  );
}
