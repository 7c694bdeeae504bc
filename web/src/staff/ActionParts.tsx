// What every action panel of the account page shares (AccountActions.tsx opens them): the props
// each is given, the alert saying why a submission failed, and the block saying what was done.
import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import type { AccountDetail, ApiError } from "./api";
import type { AccountParts } from "./useAccountParts";
import { outcomeUnknown } from "../portal/idempotency";

export interface ActionPanelProps {
  account: AccountDetail;
  /** The page's other answers (the payment list, the preferences), as the sections show them. */
  parts: AccountParts;
  /** The action was done: the page asks again for its figures, its History and the sections it changed. */
  onDone: () => void;
  onSessionEnded: (e: ApiError) => void;
  /** A request is on its way, or no longer: the panel does not close meanwhile. */
  onBusy: (busy: boolean) => void;
}

/**
 * The panel's alert region (always in the document, so a screen reader hears it change): what
 * could not be done and the server's words; for a request that may have gone through (no answer,
 * 5xx), that sending it again does it once.
 */
export function ActionProblem({ what, problem, retry, children }: {
  /** "Could not take the payment." */
  what: string;
  problem: ApiError | null;
  /** Said when the outcome is unknown and the same request will be sent again: "Press Take … again …". */
  retry?: string;
  /** More about this problem (a declined card's confirmation). */
  children?: ComponentChildren;
}) {
  return (
    <div role="alert" class="alert" data-testid="action-problem">
      {problem && (
        <>
          <strong>{what}</strong>
          <span class="detail">{problem.detail}</span>
          {children}
          {retry && outcomeUnknown(problem.status) && <span class="detail">{retry}</span>}
        </>
      )}
    </div>
  );
}

/**
 * What the action did, in words, in place of its form: its heading takes focus, so a keyboard or
 * screen-reader user lands on it.
 */
export function ActionDone({ title, children, class: extra, headingId = "action-done-heading" }: {
  title: string;
  children: ComponentChildren;
  class?: string;
  /** The heading's id (another when two such blocks may be on the page at once). */
  headingId?: string;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
    heading.current?.scrollIntoView({ block: "nearest" });
  }, []);
  return (
    <div class={extra ? `action-done ${extra}` : "action-done"} data-testid="action-done">
      <h4 id={headingId} tabIndex={-1} ref={heading}>{title}</h4>
      {children}
    </div>
  );
}

/** Describes a field by its hints and, when there is one, its error (`${id}-error`). */
export function describedBy(id: string, error: string | undefined, ...hints: string[]): string | undefined {
  return [...hints, error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
}
