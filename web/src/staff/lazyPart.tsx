// Parts of the account page whose code loads after the page: they bring the portal's chart
// library (uPlot) and its English words, which the rest of the console does without, so the
// console's first download stays small (as the portal's lazy.tsx does for its pages).
import type { ComponentType } from "preact";
import { lazyComponent } from "../shared/lazyComponent";
import type { LazyComponent } from "../shared/lazyComponent";

export type LazyPart<P extends object> = LazyComponent<P>;

/** `what` names the part in the words shown while it loads or when it cannot: "usage chart". */
export function lazyPart<P extends object>(what: string, load: () => Promise<ComponentType<P>>): LazyPart<P> {
  return lazyComponent(
    load,
    () => <p class="status-line">Loading the {what}…</p>,
    () => <p class="alert">The {what} could not be downloaded. Check the connection and reload the page.</p>,
  );
}
