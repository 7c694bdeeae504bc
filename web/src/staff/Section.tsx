// A section of the account page: a heading the section navigation moves focus to, and, until
// its answer is in, what became of it: on its way, or could not load (why, and Try again).
import type { ComponentChildren } from "preact";
import type { Resource } from "./resource";

/** The id of a section's heading, which the section navigation moves focus to. */
export const headingId = (id: string) => `${id}-heading`;

export function Section({ id, title, wide, busy, children }: {
  id: string;
  title: string;
  /** Across the whole width of the page (lists and tables), else half of it on wide screens. */
  wide?: boolean;
  busy?: boolean;
  children: ComponentChildren;
}) {
  return (
    <section
      id={`${id}-section`}
      class={wide ? "panel account-section wide" : "panel account-section"}
      aria-labelledby={headingId(id)}
      aria-busy={busy ? "true" : undefined}
      data-testid={`section-${id}`}
    >
      <h2 id={headingId(id)} tabIndex={-1}>{title}</h2>
      {children}
    </section>
  );
}

/**
 * The answer's content once it is in (`children` given its data); until then "Loading {what}…",
 * or "Could not load {what}." with the server's detail and a button to ask again.
 */
export function WhenLoaded<T>({ what, resource, onRetry, children }: {
  /** What the answer is, in words: "the bills". */
  what: string;
  resource: Resource<T>;
  onRetry: () => void;
  children: (data: T) => ComponentChildren;
}) {
  if (resource.state === "ready") return <>{children(resource.data)}</>;
  if (resource.state === "loading") return <p class="status-line">Loading {what}…</p>;
  return (
    <div class="section-problem" data-testid="section-problem">
      <p class="alert">
        <strong>Could not load {what}.</strong>
        <span class="detail">{resource.error.detail}</span>
      </p>
      <button type="button" class="secondary" onClick={onRetry}>
        Try again<span class="visually-hidden"> to load {what}</span>
      </button>
    </div>
  );
}

/** Under a paged list: why older items could not load, and the button that asks for them. */
export function ShowOlder({ list, what }: {
  list: { hasMore: boolean; busy: boolean; moreError: { detail: string } | null; loadMore: () => void };
  /** "bills" */
  what: string;
}) {
  return (
    <>
      {list.moreError && (
        <p class="alert">
          <strong>Could not load older {what}.</strong>
          <span class="detail">{list.moreError.detail}</span>
        </p>
      )}
      {list.hasMore && (
        <button type="button" class="secondary show-older" aria-disabled={list.busy ? "true" : undefined} onClick={list.loadMore}>
          {list.busy ? `Loading older ${what}…` : `Show older ${what}`}
        </button>
      )}
    </>
  );
}
