// What every work queue's screen shares (WorkArea.tsx shows them): the props each is given, its
// heading (focused when the screen opens), the line saying how many items it shows, what could not
// load, and the button that asks for more.
import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import type { ApiError, Staff } from "./api";
import type { WorkList } from "./useWorkList";

export interface WorkScreenProps {
  me: Staff;
  /** A 401 from any of the screen's requests: the session ended. */
  onSessionEnded: (e: ApiError) => void;
  /** An action changed a queue: the navigation's counts are asked for again. */
  onChanged: () => void;
}

/** The screen's heading, which takes focus when the screen opens (keyboard and screen-reader users land on it). */
export function ScreenHeading({ children, focusKey }: { children: ComponentChildren; focusKey?: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, [focusKey]);
  return <h1 id="work-heading" tabIndex={-1} ref={heading}>{children}</h1>;
}

/**
 * The list's state in a line (role status): on its way, how many are shown (and whether there are
 * more), or could not load (the server's words, and Try again).
 */
export function ListStatus<T>({ list, what, one, empty, problemShown }: {
  list: WorkList<T>;
  /** "bills on hold": "50 bills on hold shown". */
  what: string;
  /** One of them: "bill on hold": "1 bill on hold." */
  one: string;
  /** Said when there are none: "No bills are on hold." */
  empty: string;
  /** The failure is said elsewhere (at a filter the server refused): not here too. */
  problemShown?: boolean;
}) {
  let line = "";
  if (list.state === "loading") line = `Loading the ${what}…`;
  else if (list.state === "ready") {
    const n = list.items.length;
    line = n === 0 ? empty : `${n} ${n === 1 ? one : what}${list.hasMore ? " shown; more below" : ""}.`;
  }
  return (
    <>
      <p role="status" class="status-line queue-status" data-testid="queue-status">{line}</p>
      {list.state === "failed" && list.error && !problemShown && (
        <div class="section-problem" data-testid="queue-problem">
          <p class="alert">
            <strong>Could not load the {what}.</strong>
            <span class="detail">{list.error.detail}</span>
          </p>
          <button type="button" class="secondary" onClick={list.refresh}>
            Try again<span class="visually-hidden"> to load the {what}</span>
          </button>
        </div>
      )}
    </>
  );
}

/** Under the list: why more or fresh rows could not load, and "Show more". */
export function ListMore<T>({ list, what }: { list: WorkList<T>; what: string }) {
  return (
    <>
      {list.moreError && (
        <p class="alert">
          <strong>Could not load the {what}.</strong>
          <span class="detail">{list.moreError.detail}</span>
        </p>
      )}
      {list.state === "ready" && list.hasMore && (
        <button type="button" class="secondary show-older" aria-disabled={list.busy ? "true" : undefined} onClick={list.loadMore}>
          {list.busy ? `Loading more ${what}…` : `Show more ${what}`}
        </button>
      )}
    </>
  );
}

/**
 * What the last action did (role status, focusable: focus goes to it once the action is done, so
 * the next key press continues from the result).
 */
export function ActionOutcome({ id, children, refused = false }: {
  id: string;
  children: ComponentChildren;
  /** Something asked for was refused: said in the colours of a problem, not of a success. */
  refused?: boolean;
}) {
  return (
    <div id={id} role="status" tabIndex={-1} class={refused ? "action-result work-outcome refused" : "action-result work-outcome"} data-testid={id}>
      {children}
    </div>
  );
}

/** Moves focus to an element by id once it is drawn (after the state change that shows it). */
export function focusSoon(id: string) {
  requestAnimationFrame(() => document.getElementById(id)?.focus({ preventScroll: false }));
}

/** A labelled note (a textarea) with its hint and its error, both read out with it. */
export function NoteField({ id, label, value, onValue, error, hint, rows = 2 }: {
  id: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  error?: string;
  hint?: string;
  rows?: number;
}) {
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div class={error ? "field invalid" : "field"}>
      <label for={id}>{label}</label>
      <textarea id={id} rows={rows} spellcheck value={value} aria-invalid={error ? "true" : undefined} aria-describedby={describedBy}
        onInput={(e) => onValue(e.currentTarget.value)} />
      {hint && <p id={`${id}-hint`} class="hint">{hint}</p>}
      {error && <p id={`${id}-error`} class="field-error">{error}</p>}
    </div>
  );
}
