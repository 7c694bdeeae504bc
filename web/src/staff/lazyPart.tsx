// Parts of the account page whose code loads after the page: they bring the portal's chart
// library (uPlot) and its English words, which the rest of the console does without, so the
// console's first download stays small (as the portal's lazy.tsx does for its pages).
import type { ComponentType } from "preact";
import { useEffect, useState } from "preact/hooks";

export type LazyPart<P extends object> = ComponentType<P> & {
  /** Starts the download once (again after a failure); resolves to the component. */
  load: () => Promise<ComponentType<P>>;
};

/** `what` names the part in the words shown while it loads or when it cannot: "usage chart". */
export function lazyPart<P extends object>(what: string, load: () => Promise<ComponentType<P>>): LazyPart<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const loadOnce = () => {
    loading ??= load().then(
      (c) => (loaded = c),
      (e: unknown) => {
        loading = null; // the next draw tries again
        throw e;
      },
    );
    return loading;
  };
  const part = function LazyPart(props: P) {
    const [Component, setComponent] = useState<ComponentType<P> | null>(() => loaded);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (Component) return;
      let live = true;
      loadOnce().then(
        (c) => live && setComponent(() => c),
        () => live && setFailed(true),
      );
      return () => {
        live = false;
      };
    }, []);
    if (Component) return <Component {...props} />;
    if (failed) {
      return <p class="alert">The {what} could not be downloaded. Check the connection and reload the page.</p>;
    }
    return <p class="status-line">Loading the {what}…</p>;
  };
  part.load = loadOnce;
  return part;
}
